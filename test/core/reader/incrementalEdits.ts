// Random edit sequences for the incremental reader's differential test (incremental.test.ts): the edits a user
// makes while typing a dbnd config (lines inserted, deleted, broken and joined; characters typed in headers, keys
// and values; CRLF endings; duplicated lines and headers), from a seeded generator so a failure replays.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCfg, reparseCfg, reparseCfgText, applyCfgChange, toDbndView } from '../../../server/src/core/reader';
import type { CfgDocument, CfgTextChange } from '../../../server/src/core/reader';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { EXAMPLES_DIR, repoPath } from '../../support/paths';

/** mulberry32: a small seeded generator (the sequences must be the same on every run). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample workspace's config files and dbnd's example files. */
export function startTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const path of [
    repoPath('test', 'workspace', 'project.cfg'),
    repoPath('test', 'workspace', '.dbnd', 'databand-system.cfg'),
    repoPath('test', 'workspace', 'cluster-run', 'project.cfg'),
  ])
    out.push({ name: path, text: readFileSync(path, 'utf8') });
  for (const name of readdirSync(EXAMPLES_DIR)
    .filter((n) => n.endsWith('.cfg'))
    .sort())
    out.push({ name, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8') });
  return out;
}

/** Whole lines a user types or pastes (each without its line break). */
const LINES = [
  '[kubernetes]',
  '[Kubernetes]',
  '[DEFAULT]',
  '[new_section]',
  '[your_kubernetes_engine]',
  '[core',
  '[]',
  'namespace = dbnd',
  'namesp',
  'container_repository =',
  'labels = {"team": ',
  '  "x": 1}',
  '  continued value',
  '}',
  '  ]',
  '# a comment',
  '; another',
  '',
  '   ',
  '_from = kubernetes',
  '_type = kubernetes',
  'Key: Value',
  '= empty key',
  'ref = %(namespace)s',
  'bad = %(',
  'pct = 100%%',
  'stray text',
  '\uFEFF[bom]',
];
/** Characters typed inside a line. */
const CHARS = [
  'a',
  'k',
  '_',
  ' ',
  '=',
  ':',
  '[',
  ']',
  '%',
  '(',
  ')',
  's',
  '#',
  '{',
  '}',
  '"',
  '\t',
  '\n',
  '\r\n',
  '\r',
  'É',
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** One random edit of `text`, as offsets into it. */
export function randomEdit(rnd: () => number, text: string): CfgTextChange {
  const starts = lineStarts(text);
  const line = Math.floor(rnd() * starts.length);
  const start = starts[line];
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  const at = start + Math.floor(rnd() * (end - start + 1));
  const eol = rnd() < 0.2 ? '\r\n' : '\n';
  switch (Math.floor(rnd() * 9)) {
    case 0: // insert a line
      return { from: start, to: start, text: pick(rnd, LINES) + eol };
    case 1: // delete a line
      return { from: start, to: end, text: '' };
    case 2: // delete several lines
      return {
        from: start,
        to: starts[Math.min(starts.length - 1, line + 1 + Math.floor(rnd() * 4))] ?? end,
        text: '',
      };
    case 3: // type a few characters
    case 4:
      return {
        from: at,
        to: at,
        text: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, CHARS)).join(''),
      };
    case 5: // delete characters (line breaks included)
      return { from: at, to: Math.min(text.length, at + 1 + Math.floor(rnd() * 4)), text: '' };
    case 6: // break a line or join it with the next
      return rnd() < 0.5 ? { from: at, to: at, text: eol } : { from: Math.max(start, end - 1), to: end, text: '' };
    case 7: {
      // the line again somewhere else (duplicate keys and headers)
      const to = starts[Math.floor(rnd() * starts.length)];
      const copy = text.slice(start, end);
      return { from: to, to, text: /[\r\n]$/.test(copy) ? copy : copy + eol };
    }
    default: // retype the line's end
      return { from: at, to: end, text: pick(rnd, LINES) + (end > start ? eol : '') };
  }
}

/** Creates every lazily made part of the document's nodes, so two equal documents are deep-equal. */
function materialized(doc: CfgDocument): CfgDocument {
  for (const s of doc.sections) for (const e of s.entries) void e.lines;
  for (const e of doc.preamble) void e.lines;
  return doc;
}

/** Throws unless the incremental document equals the full reading of its text (every node, error and row, the
 *  parser's sections and options, which an edit's assembly reuses where it did not touch them), and dbnd's view
 *  of it equals the view of the full reading (an edit's view reuses the untouched sections' maps). */
export function assertSameAsFull(incremental: CfgDocument, context: string): void {
  const full = parseCfg(incremental.text);
  assert.deepStrictEqual(materialized(incremental), materialized(full), context);
  assert.deepStrictEqual(toDbndView(incremental, VIEW_SOURCE), toDbndView(full, VIEW_SOURCE), context);
}

const VIEW_SOURCE = '/project/project.cfg';

/** Throws unless the project diagnostics of the file are the same on both readings. */
export function assertSameDiagnostics(incremental: CfgDocument, context: string): void {
  const path = '/project/project.cfg';
  const ours = lintFiles([{ path, text: incremental.text, doc: incremental }]);
  const full = lintFiles([{ path, text: incremental.text, doc: parseCfg(incremental.text) }]);
  assert.deepStrictEqual(ours, full, context);
}

/** Applies one edit three ways in turn: as offsets, as an LSP range, and as the difference of two texts. */
export function applyEdit(doc: CfgDocument, edit: CfgTextChange, how: number): CfgDocument {
  const text = doc.text.slice(0, edit.from) + edit.text + doc.text.slice(edit.to);
  if (how === 0) return reparseCfg(doc, edit);
  if (how === 1) return reparseCfgText(doc, text);
  const pos = (offset: number) => {
    const starts = doc.lineStarts;
    let line = 0;
    while (line + 1 < doc.lineCount && starts[line + 1] <= offset) line++;
    return { line, character: offset - (doc.lineCount > 0 ? starts[line] : 0) };
  };
  return applyCfgChange(doc, { range: { start: pos(edit.from), end: pos(edit.to) }, text: edit.text });
}
