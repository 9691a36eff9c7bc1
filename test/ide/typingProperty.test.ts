// Property: typing a file never breaks the editor. The sample workspace's files and dbnd's example files are
// typed line by line (each prefix of a line stands in for the finished line) and each line is deleted; then:
// - no feature throws (diagnostics, hover, completion, definition, outline, folding);
// - while the file does not load (a prefix that is a bogus line: a partial key, a half-typed header), the
//   hovers and diagnostics of the other lines are those of the file with that line removed (commented out,
//   which configparser reads as no line at all and keeps the numbering), and the line itself is flagged;
// - completion at the end of a partial key offers the finished key when it is a key of the section's class.
// Run time: the two sample files are typed in full (every prefix of every line); of the example files (~1,500
// lines), every 5th line is typed, with its prefixes of 1 and 2 characters, half the line, and the key without
// its delimiter; each line of every file is deleted once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCfg, type CfgDocument } from '../../server/src/core/reader';
import { paramOf } from '../../server/src/core/schema';
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { completions } from '../../server/src/ide/completion';
import { definition } from '../../server/src/ide/definition';
import { fileDiagnostics } from '../../server/src/ide/diagnostics';
import { foldingRanges } from '../../server/src/ide/folding';
import { hover } from '../../server/src/ide/hover';
import { sectionClass } from '../../server/src/ide/projectQueries';
import { documentSymbols } from '../../server/src/ide/symbols';

interface Project {
  /** Files in load order; `typed` is the index of the one being typed. */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  readonly typed: number;
}

function analysisOf(project: Project, typedText: string): Analysis {
  const files: ProjectFile[] = project.files.map((f, i) => {
    const text = i === project.typed ? typedText : f.text;
    return { uri: `file://${f.path}`, path: f.path, text, doc: parseCfg(text), open: true };
  });
  return new Analysis({ files, env: {}, readFile: () => undefined, isProject: true });
}

const WORKSPACE = resolve('test/workspace');
const SAMPLE: readonly Project[] = [0, 1].map((typed) => ({
  typed,
  files: [
    { path: '/w/.dbnd/databand-system.cfg', text: readFileSync(join(WORKSPACE, '.dbnd/databand-system.cfg'), 'utf8') },
    { path: '/w/project.cfg', text: readFileSync(join(WORKSPACE, 'project.cfg'), 'utf8') },
  ],
}));
const EXAMPLES_DIR = resolve('test/fixtures/examples');
const EXAMPLES: readonly Project[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.cfg'))
  .map((name) => ({ typed: 0, files: [{ path: `/e/${name}`, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8') }] }))
  .filter((p) => !parseCfg(p.files[0].text).raisedError);

const replaceLine = (lines: readonly string[], line: number, text: string) =>
  lines.map((l, i) => (i === line ? text : l)).join('\n');

/** Every editor feature once; returns what the invariants compare. */
function exercise(analysis: Analysis, path: string, doc: CfgDocument, probes: readonly number[], cursor?: number) {
  const uri = `file://${path}`;
  documentSymbols(analysis, uri);
  foldingRanges(analysis, uri);
  const diagnostics = fileDiagnostics(analysis, path).map(
    (d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)} ${d.message}`,
  );
  const hovers = probes.map((line) => {
    const entry = doc.lineTable.entries[line];
    const character = entry && entry.keyRange.start.line === line ? entry.keyRange.start.character : 1;
    definition(analysis, uri, { line, character });
    return hover(analysis, uri, { line, character })?.markdown ?? null;
  });
  const offered =
    cursor === undefined
      ? []
      : completions(analysis, uri, {
          line: cursor,
          character: analysis.fileByUri(uri)!.doc.text.split(/\r?\n/)[cursor].length,
        }).map((c) => c.label);
  return { diagnostics, hovers, offered };
}

/** Lines to hover besides `line`: the closest header and key lines above and below it. */
function probesAround(doc: CfgDocument, line: number): number[] {
  const kinds = doc.lineTable.kinds;
  const interesting = (l: number) =>
    kinds[l] === 0 || (kinds[l] === 1 && doc.lineTable.entries[l]?.keyRange.start.line === l);
  const out: number[] = [];
  for (let l = line - 1, n = 0; l >= 0 && n < 2; l--) if (interesting(l)) (out.push(l), n++);
  for (let l = line + 1, n = 0; l < doc.lineCount && n < 2; l++) if (interesting(l)) (out.push(l), n++);
  return out;
}

function withoutLineNumber(d: string, line: number): boolean {
  // The run's verdict (`run-failure`, core/run/verdict.ts) is the project's, not a line's: while a file does not
  // load, the run fails at that load (reported at the typed line), so a failure the finished file's run meets later
  // is rightly absent then.
  return !d.startsWith(`${line}:`) && !/^\d+:\d+ error run-failure /.test(d);
}

interface Counts {
  states: number;
  broken: number;
  completions: number;
}

function typeLine(project: Project, line: number, prefixes: readonly number[], counts: Counts): void {
  const file = project.files[project.typed];
  const lines = file.text.split('\n');
  const finished = analysisOf(project, file.text);
  const finishedDoc = finished.files[project.typed].doc;
  const probes = probesAround(finishedDoc, line);
  const removed = analysisOf(project, replaceLine(lines, line, '#'));
  const reference = exercise(removed, file.path, finishedDoc, probes);
  const entry = finishedDoc.lineTable.entries[line];
  const keyLine = entry && entry.keyRange.start.line === line && entry.keyRange.start.character === 0 ? entry : null;
  const sectionName = keyLine && keyLine.sectionIndex >= 0 ? finishedDoc.sections[keyLine.sectionIndex].name : null;
  const cls = sectionName ? sectionClass(finished, sectionName) : undefined;
  const offerable = keyLine && cls?.ok && paramOf(cls.value, keyLine.key) ? keyLine : null;
  for (const length of prefixes) {
    const prefix = lines[line].slice(0, length);
    const text = replaceLine(lines, line, prefix);
    const analysis = analysisOf(project, text);
    const doc = analysis.files[project.typed].doc;
    const where = `${file.path}:${line + 1} typed ${JSON.stringify(prefix)}`;
    const got = exercise(analysis, file.path, doc, probes, line);
    counts.states++;
    if (!doc.raisedError) continue;
    counts.broken++;
    assert.ok(
      got.diagnostics.some((d) => d.startsWith(`${line}:`) && d.includes(' error ')),
      `${where}: flagged`,
    );
    // When the line was the first header, the file without it does not load either (its lines then precede any
    // header), and dbnd's error sits on another line: only the hovers are compared then.
    if (!removed.files[project.typed].doc.raisedError)
      assert.deepEqual(
        got.diagnostics.filter((d) => withoutLineNumber(d, line)),
        reference.diagnostics.filter((d) => withoutLineNumber(d, line)),
        `${where}: the other lines' diagnostics`,
      );
    assert.deepEqual(
      got.hovers,
      reference.hovers,
      `${where}: the hovers on lines ${probes.map((p) => p + 1).join(', ')}`,
    );
    if (offerable && prefix.length > 0 && prefix.length <= offerable.key.length && offerable.key.startsWith(prefix)) {
      counts.completions++;
      assert.ok(got.offered.includes(offerable.key), `${where}: completion offers ${offerable.key}`);
    }
  }
}

function deleteLine(project: Project, line: number): void {
  const file = project.files[project.typed];
  const lines = file.text.split('\n');
  const text = lines.filter((_, i) => i !== line).join('\n');
  const analysis = analysisOf(project, text);
  const doc = analysis.files[project.typed].doc;
  const got = exercise(
    analysis,
    file.path,
    doc,
    probesAround(doc, Math.min(line, doc.lineCount - 1)),
    Math.min(line, doc.lineCount - 1),
  );
  for (const d of got.diagnostics)
    assert.ok(Number(d.split(':')[0]) < doc.lineCount, `${file.path} without line ${line + 1}: ${d}`);
}

test('typing the sample workspace character by character, and deleting each line', () => {
  const counts: Counts = { states: 0, broken: 0, completions: 0 };
  for (const project of SAMPLE) {
    const lines = project.files[project.typed].text.split('\n');
    lines.forEach((text, line) => {
      typeLine(project, line, [...Array(text.length).keys()].slice(1), counts);
      deleteLine(project, line);
    });
  }
  assert.ok(counts.broken > 300 && counts.completions > 50, JSON.stringify(counts));
});

test("typing dbnd's example files (sampled lines and prefixes), and deleting each line", () => {
  const counts: Counts = { states: 0, broken: 0, completions: 0 };
  for (const project of EXAMPLES) {
    const lines = project.files[0].text.split('\n');
    lines.forEach((text, line) => {
      if (line % 5 === 0) {
        const key = Math.max(0, text.search(/\s*[=:]/));
        typeLine(
          project,
          line,
          [...new Set([1, 2, text.length >> 1, key])].filter((n) => n > 0 && n < text.length),
          counts,
        );
      }
      deleteLine(project, line);
    });
  }
  assert.ok(counts.broken > 100 && counts.completions > 20, JSON.stringify(counts));
});
