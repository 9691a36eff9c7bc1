// Tokenizes text with the extension's TextMate grammar through vscode-textmate + vscode-oniguruma, the same
// engine VS Code runs, so a test sees the scopes an editor theme would see.
import { readFileSync } from 'node:fs';
import { repoPath } from '../support/paths';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const GRAMMAR_PATH = repoPath('syntaxes', 'dbnd-cfg.tmLanguage.json');
const SCOPE_NAME = 'source.dbnd-cfg';

export interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === SCOPE_NAME ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar(SCOPE_NAME);
    if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

/** Every token of every line, in order. */
export async function tokenize(text: string): Promise<Token[]> {
  const grammar = await loadGrammar();
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) {
      tokens.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/**
 * The scopes of the token that holds the first occurrence of `needle` on line `line` (0-based). A needle cut into
 * several tokens is an error, so a test states exactly which token it means.
 */
export function scopesOf(tokens: readonly Token[], line: number, needle: string): readonly string[] {
  const onLine = tokens.filter((t) => t.line === line);
  const lineText = onLine.map((t) => t.text).join('');
  const at = lineText.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not on line ${line}: ${JSON.stringify(lineText)}`);
  let offset = 0;
  for (const t of onLine) {
    if (at >= offset && at < offset + t.text.length) {
      if (at + needle.length > offset + t.text.length) {
        throw new Error(
          `"${needle}" spans several tokens on line ${line}: ${JSON.stringify(onLine.map((x) => x.text))}`,
        );
      }
      return t.scopes;
    }
    offset += t.text.length;
  }
  throw new Error('unreachable: needle offset past the tokens');
}
