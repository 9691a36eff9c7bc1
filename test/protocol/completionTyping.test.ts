// Completion asked for the way VS Code asks while one types: the document changes letter by letter (incremental
// didChange, auto-closed brackets and quotes as the editor inserts them), and after each letter a completion
// request comes with the CompletionContext VS Code sends (Invoked for a word letter, TriggerCharacter for `=`,
// `[`, `"`). Every answer must hold the item the user is typing towards, with a textEdit over the typed word, so
// that accepting it replaces the word; the accepted text is then applied as the editor would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';
import { fixtureEnv, writeFixture, type Fixture } from '../support/fixture';

const TRIGGER_CHARACTERS = new Set(['=', '[', '"']);
/** What VS Code auto-closes when the character is typed (language-configuration.json). */
const AUTO_CLOSE: Readonly<Record<string, string>> = { '[': ']', '{': '}', '"': '"' };

/** One open document typed into at a cursor, as an editor would: a change per keystroke, versions counting up. */
class Typist {
  private version = 1;
  constructor(
    private readonly server: LspServerProcess,
    private readonly uri: string,
    private lines: string[],
    public cursor: Position,
  ) {}

  static async open(server: LspServerProcess, fixture: Fixture): Promise<Typist> {
    const c = fixture.cursor!;
    await server.open(c.file.uri, c.file.text);
    return new Typist(server, c.file.uri, c.file.text.split('\n'), { line: c.line, character: c.character });
  }

  get line(): string {
    return this.lines[this.cursor.line];
  }

  private async replace(range: Range, text: string): Promise<void> {
    const line = this.lines[range.start.line];
    this.lines[range.start.line] = line.slice(0, range.start.character) + text + line.slice(range.end.character);
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range, text }],
    });
  }

  /** Types one character (with its auto-closing partner) and returns the completion answer VS Code would ask for. */
  async type(ch: string): Promise<CompletionList> {
    const at = this.cursor;
    await this.replace({ start: at, end: at }, ch + (AUTO_CLOSE[ch] ?? ''));
    this.cursor = { line: at.line, character: at.character + 1 };
    const context: CompletionContext = TRIGGER_CHARACTERS.has(ch)
      ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ch }
      : { triggerKind: CompletionTriggerKind.Invoked };
    return this.ask(context);
  }

  async typeWord(word: string, each: (list: CompletionList, typed: string) => void): Promise<CompletionList> {
    let list: CompletionList | undefined;
    for (let i = 0; i < word.length; i++) {
      list = await this.type(word[i]);
      each(list, word.slice(0, i + 1));
    }
    return list!;
  }

  ask(context: CompletionContext = { triggerKind: CompletionTriggerKind.Invoked }): Promise<CompletionList> {
    const params = { textDocument: { uri: this.uri }, position: this.cursor, context };
    return withTimeout(
      this.server.connection.sendRequest(CompletionRequest.type, params),
      `completion at ${this.cursor.line}:${this.cursor.character} after typing into ${JSON.stringify(this.line)}`,
    ) as Promise<CompletionList>;
  }

  /** Accepts `item` as VS Code does: its textEdit replaces its range, the cursor goes to the end of the new text. */
  async accept(item: CompletionItem): Promise<void> {
    const edit = item.textEdit as TextEdit;
    await this.replace(edit.range, edit.newText);
    this.cursor = { line: edit.range.start.line, character: edit.range.start.character + edit.newText.length };
  }
}

function item(list: CompletionList, label: string, typed: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `${label} offered after typing ${JSON.stringify(typed)}: ${list.items.map((i) => i.label)}`);
  return found;
}

/** The item's textEdit covers exactly the word typed so far (it ends at the cursor or at a closing character). */
function assertCoversTyped(found: CompletionItem, cursor: Position, typed: string): void {
  const range = (found.textEdit as TextEdit).range;
  assert.deepEqual(
    range.start,
    { line: cursor.line, character: cursor.character - typed.length },
    `the range of ${found.label} starts where ${JSON.stringify(typed)} starts`,
  );
  assert.deepEqual(range.end, cursor, `the range of ${found.label} ends at the cursor`);
}

async function startTyping(spec: string, t: { after: (fn: () => void) => void }) {
  const fixture = writeFixture(spec);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  const init = await server.initialize({ workspaceFolders: [fixture.rootUri] });
  assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters?.slice().sort(), ['"', '=', '['].sort());
  return Typist.open(server, fixture);
}

test('typing a key letter by letter: every answer offers it over the typed prefix; accepting gives `key = ` and the values', async (t) => {
  const typist = await startTyping('//- /project.cfg\n[kubernetes]\nnamespace = dev\n$0\n', t);
  await typist.typeWord('image_pu', (list, typed) => {
    assert.equal(list.isIncomplete, false, 'a complete list: VS Code filters it while the word grows');
    assertCoversTyped(item(list, 'image_pull_policy', typed), typist.cursor, typed);
    assert.ok(!list.items.some((i) => i.label === 'namespace'), 'already set');
  });
  const list = await typist.ask();
  const policy = item(list, 'image_pull_policy', 'image_pu');
  assert.equal(policy.command?.command, 'editor.action.triggerSuggest');
  await typist.accept(policy);
  assert.equal(typist.line, 'image_pull_policy = ');
  // What the item's command does: VS Code asks again at the cursor.
  const values = await typist.ask();
  assert.deepEqual(
    values.items.map((i) => i.label),
    ['Always', 'IfNotPresent', 'Never'],
  );
  const typed = await typist.typeWord('If', (l, word) =>
    assertCoversTyped(item(l, 'IfNotPresent', word), typist.cursor, word),
  );
  await typist.accept(item(typed, 'IfNotPresent', 'If'));
  assert.equal(typist.line, 'image_pull_policy = IfNotPresent');
});

test('typing `=` after a key opens its values, each with the space the value needs', async (t) => {
  const typist = await startTyping('//- /project.cfg\n[kubernetes]\n$0\n', t);
  await typist.typeWord('docker_build', (list, typed) =>
    assertCoversTyped(item(list, 'docker_build', typed), typist.cursor, typed),
  );
  await typist.type(' ');
  const list = await typist.type('=');
  assert.deepEqual(
    list.items.map((i) => i.label),
    ['True', 'False'],
  );
  await typist.accept(item(list, 'False', '='));
  assert.equal(typist.line, 'docker_build = False');
  const inValue = await typist.type('=');
  assert.deepEqual(inValue.items, [], 'an `=` inside a value opens nothing');
});

test('typing `[` on a new line opens the section names; the auto-closed `]` stays', async (t) => {
  const typist = await startTyping('//- /project.cfg\n[core]\n\n$0\n', t);
  const list = await typist.type('[');
  assert.equal(typist.line, '[]', 'VS Code closed the bracket');
  assertCoversTyped(item(list, 'kubernetes', ''), typist.cursor, '');
  const typed = await typist.typeWord('kubern', (l, word) =>
    assertCoversTyped(item(l, 'kubernetes', word), typist.cursor, word),
  );
  await typist.accept(item(typed, 'kubernetes', 'kubern'));
  assert.equal(typist.line, '[kubernetes]');
});

test('typing `"` inside a JSON value opens its keys, then the values of "type"', async (t) => {
  const typist = await startTyping('//- /project.cfg\n[kubernetes]\nsecrets = [{$0}]\n', t);
  const keys = await typist.type('"');
  assert.deepEqual(
    keys.items.map((i) => i.label),
    ['type', 'target', 'secret', 'key'],
  );
  const typed = await typist.typeWord('ty', (l, word) => assertCoversTyped(item(l, 'type', word), typist.cursor, word));
  await typist.accept(item(typed, 'type', 'ty'));
  assert.equal(typist.line, 'secrets = [{"type"}]');
  // Past the closing quote (VS Code types over it), then `: ` and the value's opening quote.
  typist.cursor = { line: typist.cursor.line, character: typist.cursor.character + 1 };
  await typist.type(':');
  await typist.type(' ');
  const values = await typist.type('"');
  await typist.accept(item(values, 'volume', '"'));
  assert.equal(typist.line, 'secrets = [{"type": "volume"}]');
});

const SAMPLE_ENGINE = `
//- /.dbnd/databand-system.cfg
[your_kubernetes_engine]
_type = kubernetes
namespace = databand
`;

test('typing a key in project.cfg, in a section whose class comes from _type in the unopened system file', async (t) => {
  const typist = await startTyping(
    `${SAMPLE_ENGINE}//- /project.cfg\n[your_kubernetes_engine]\nkeep_failed_pods = True\n$0\n`,
    t,
  );
  await typist.typeWord('image_pu', (list, typed) =>
    assertCoversTyped(item(list, 'image_pull_policy', typed), typist.cursor, typed),
  );
});

test('typing a key in the file whose section names its class with _type offers that class at every letter', async (t) => {
  const typist = await startTyping(SAMPLE_ENGINE.replace('namespace = databand', 'namespace = databand\n$0'), t);
  await typist.typeWord('image_pu', (list, typed) =>
    assertCoversTyped(item(list, 'image_pull_policy', typed), typist.cursor, typed),
  );
});
