// The protocol benchmark: one language server, started fresh for one generated file, driven over stdio the way
// an editor drives it. Measures the time to the first diagnostics after didOpen, completion and hover latency
// (sequential requests at positions spread over the file), edit→diagnostics (an incremental didChange, then the
// publishDiagnostics of that version), the same requests and keystroke→diagnostics while a key is half-typed on
// a line of its own (the file then does not load), and the server's memory before and after that.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol/node';
import { BenchLspServer, type ServerCommand } from './benchLspServer';
import { median, percentile, since } from './stats';

export const REQUESTS = 200;
/**
 * Edits per size: the median of 10 wall-clock samples on a loaded 2-core machine moved by 30% from one run to the
 * next, so the sizes where an edit is cheap get 30; at 100k lines yaml-language-server takes ~5 s per edit, so 10.
 */
export const editsFor = (lines: number): number => (lines <= 20_000 ? 30 : 10);

/** One server and the kind of file it gets. */
export interface Subject {
  readonly name: string;
  readonly command: ServerCommand;
  readonly fileName: string;
  readonly languageId: string;
  /** The editor's settings by section (workspace/configuration, workspace/didChangeConfiguration). */
  readonly settings: Record<string, unknown>;
  generate(lines: number): string;
  /** A line with a key: group 1 is the indentation (and list dash), group 2 the key, group 3 the separator. */
  readonly keyLine: RegExp;
  /** The line edited: group 1 is kept, the rest of the line is replaced by a new valid value. */
  readonly editLine: RegExp;
  editValue(n: number): string;
  /** A key being typed, inserted as a new line after the edited one: the file no longer parses. */
  readonly halfTypedLine: string;
}

/** What is typed onto the half-typed line: letters only, so it stays a key without its `=` (dbnd) or `:` (YAML). */
const TYPED_LETTERS = 'acekeyname';

export interface ProtocolFigures {
  readonly lines: number;
  readonly firstDiagnosticsMs: number;
  readonly completionMs: readonly number[];
  readonly hoverMs: readonly number[];
  readonly editMs: readonly number[];
  /** Completion at the end of a half-typed line, and hovers spread over the file, while that line is there. */
  readonly halfTypedCompletionMs: readonly number[];
  readonly halfTypedHoverMs: readonly number[];
  readonly halfTypedCompletionsWithItems: number;
  /** The half-typed line's insertion, until its diagnostics: the first version that does not load. */
  readonly breakingEditMs: number;
  /** Letters typed one at a time at the end of the half-typed line (it stays half-typed), each until its
   *  diagnostics: the state every keystroke of a new key passes through. */
  readonly halfTypedKeystrokeMs: readonly number[];
  /** How many completion and hover answers had content: both servers must answer, not just reply. */
  readonly completionsWithItems: number;
  readonly hoversWithContent: number;
  /** The peak before the half-typed line (completion, hover and edits on a file that loads). */
  readonly peakBeforeHalfTypedMiB?: number;
  readonly peakMiB?: number;
  readonly rssMiB?: number;
}

export const p50 = (xs: readonly number[]) => percentile(xs, 50);
export const p95 = (xs: readonly number[]) => percentile(xs, 95);
export { median };

/** `count` key lines spread evenly over the text: where the requests go. */
function requestLines(
  lines: readonly string[],
  keyLine: RegExp,
  count: number,
): { line: number; m: RegExpExecArray }[] {
  const all: { line: number; m: RegExpExecArray }[] = [];
  lines.forEach((text, line) => {
    const m = keyLine.exec(text);
    if (m) all.push({ line, m });
  });
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
}

/** A completion answer with at least one item (a list or a CompletionList). */
function hasItems(answer: unknown): boolean {
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown[] } | null)?.items;
  return (items?.length ?? 0) > 0;
}

export async function measureProtocol(subject: Subject, dir: string, targetLines: number): Promise<ProtocolFigures> {
  const text = subject.generate(targetLines);
  const path = join(dir, subject.fileName);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const lines = text.split('\n');

  const server = BenchLspServer.start(subject.command);
  try {
    await server.initialize(pathToFileURL(dir).href, subject.settings);

    let t0 = performance.now();
    await server.open(uri, subject.languageId, text);
    const firstDiagnosticsMs = (await server.diagnosticsAt(uri, 1, 0)) - t0;

    // Completion alternates between a key's start (key names) and its value's start (values); hover is on keys.
    const targets = requestLines(lines, subject.keyLine, REQUESTS);
    const completionMs: number[] = [];
    const hoverMs: number[] = [];
    let completionsWithItems = 0;
    let hoversWithContent = 0;
    for (const [i, { line, m }] of targets.entries()) {
      const keyStart = m[1].length;
      const valueStart = keyStart + m[2].length + m[3].length;
      const completionAt: Position = { line, character: i % 2 === 0 ? keyStart : valueStart };
      t0 = performance.now();
      const items = await server.request('textDocument/completion', uri, completionAt);
      completionMs.push(since(t0));
      if (hasItems(items)) completionsWithItems++;
    }
    for (const { line, m } of targets) {
      t0 = performance.now();
      const hover = await server.request('textDocument/hover', uri, { line, character: m[1].length + 1 });
      hoverMs.push(since(t0));
      if (hover) hoversWithContent++;
    }

    // Edits change one value in the middle of the file; each waits for its diagnostics before the next.
    const editAt = lines.findIndex((l, i) => i >= lines.length / 2 && subject.editLine.test(l));
    let current = lines[editAt];
    const editMs: number[] = [];
    for (let n = 0; n < editsFor(targetLines); n++) {
      const keep = subject.editLine.exec(current)![1];
      const range: Range = {
        start: { line: editAt, character: keep.length },
        end: { line: editAt, character: current.length },
      };
      const value = subject.editValue(n);
      const mark = server.publishCount;
      const version = n + 2;
      t0 = performance.now();
      await server.change(uri, version, range, value);
      editMs.push((await server.diagnosticsAt(uri, version, mark)) - t0);
      current = keep + value;
    }

    const beforeHalfTyped = server.memory();

    // A key half-typed on a new line after the edited one (the state every keystroke of a new key passes
    // through): completion where it is typed, hovers on the keys spread over the file (moved down one line).
    const typedAt = editAt + 1;
    const mark = server.publishCount;
    const halfTypedVersion = editsFor(targetLines) + 2;
    t0 = performance.now();
    await server.change(
      uri,
      halfTypedVersion,
      { start: { line: typedAt, character: 0 }, end: { line: typedAt, character: 0 } },
      subject.halfTypedLine + '\n',
    );
    // The first version that does not load (its previous one did): what the first letter of a new key costs.
    const breakingEditMs = (await server.diagnosticsAt(uri, halfTypedVersion, mark)) - t0;
    const halfTypedCompletionMs: number[] = [];
    const halfTypedHoverMs: number[] = [];
    let halfTypedCompletionsWithItems = 0;
    for (let i = 0; i < REQUESTS; i++) {
      t0 = performance.now();
      const items = await server.request('textDocument/completion', uri, {
        line: typedAt,
        character: subject.halfTypedLine.length,
      });
      halfTypedCompletionMs.push(since(t0));
      if (hasItems(items)) halfTypedCompletionsWithItems++;
    }
    for (const { line, m } of targets) {
      t0 = performance.now();
      await server.request('textDocument/hover', uri, {
        line: line >= typedAt ? line + 1 : line,
        character: m[1].length + 1,
      });
      halfTypedHoverMs.push(since(t0));
    }

    // Letters typed onto the half-typed line, one version each, each waiting for its diagnostics.
    const halfTypedKeystrokeMs: number[] = [];
    let typed = subject.halfTypedLine.length;
    for (let n = 0; n < editsFor(targetLines); n++) {
      const version = halfTypedVersion + 1 + n;
      const at: Position = { line: typedAt, character: typed };
      const published = server.publishCount;
      t0 = performance.now();
      await server.change(uri, version, { start: at, end: at }, TYPED_LETTERS[n % TYPED_LETTERS.length]);
      halfTypedKeystrokeMs.push((await server.diagnosticsAt(uri, version, published)) - t0);
      typed++;
    }

    const memory = server.memory();
    return {
      lines: lines.length - 1,
      firstDiagnosticsMs,
      completionMs,
      hoverMs,
      editMs,
      halfTypedCompletionMs,
      halfTypedHoverMs,
      halfTypedCompletionsWithItems,
      breakingEditMs,
      halfTypedKeystrokeMs,
      completionsWithItems,
      hoversWithContent,
      peakBeforeHalfTypedMiB: beforeHalfTyped?.peakMiB,
      peakMiB: memory?.peakMiB,
      rssMiB: memory?.rssMiB,
    };
  } finally {
    await server.stop();
  }
}
