// How many bytes each phase of an analysis allocates (garbage included), in process: not a test, a measurement.
// The server's peak RSS is set by garbage more than by what stays live (V8 lets the old generation grow to a
// multiple of its live size before collecting it), so this says which phase to cut. Run with a young generation
// too large to be collected during a phase, so the heap's growth over a phase is what it allocated:
//   npx tsc -p tsconfig.json && BENCH_LINES=100000 node --expose-gc --max-semi-space-size=2048 \
//     --min-semi-space-size=2048 out/test/bench/editAllocations.js
// The phases are editPhases.ts's: the first analysis, then BENCH_EDITS edits of one value in the middle.
import { getHeapStatistics } from 'node:v8';
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { projectDiagnostics } from '../../server/src/ide/diagnostics';
import { analysisVerdict } from '../../server/src/ide/projectAnalysis';
import { EntryDiagnosticsMemo } from '../../server/src/core/diagnostics/entryDiagnosticsMemo';
import { parseCfg, reparseCfgText, type CfgDocument } from '../../server/src/core/reader';
import { generateLargeConfig } from '../support/generateLargeConfig';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 5);
const PATH = '/bench/project/project.cfg';
const gc = (globalThis as { gc?: () => void }).gc;

const used = () => getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers;

/** Runs `fn` after a full collection and adds the heap's growth over it to `totals[name]`. */
function allocated<T>(totals: Record<string, number>, name: string, fn: () => T): T {
  gc?.();
  const before = used();
  const result = fn();
  totals[name] = (totals[name] ?? 0) + used() - before;
  return result;
}

function analysisOf(text: string, doc: CfgDocument, memo: EntryDiagnosticsMemo): Analysis {
  const file: ProjectFile = { uri: 'file://' + PATH, path: PATH, text, doc, open: true };
  return new Analysis({ files: [file], env: {}, readFile: () => undefined, isProject: true, lintMemo: memo });
}

const mib = (totals: Record<string, number>, runs: number) =>
  Object.entries(totals)
    .map(([name, bytes]) => `${name} ${(bytes / runs / 2 ** 20).toFixed(1)}`)
    .join(', ');

function main(): void {
  if (!gc) throw new Error('run with --expose-gc (and a large young generation, see the top of this file)');
  let text = generateLargeConfig(LINES);
  const memo = new EntryDiagnosticsMemo();
  const first: Record<string, number> = {};
  let doc = allocated(first, 'parse', () => parseCfg(text));
  const analysis = analysisOf(text, doc, memo);
  allocated(first, 'verdict', () => analysisVerdict(analysis));
  allocated(first, 'diagnostics', () => projectDiagnostics(analysis));
  allocated(first, 'editor model', () => analysis.load());
  gc();
  console.log(
    `${doc.lineCount} lines: first analysis allocates (MiB) ${mib(first, 1)}; live after it ` +
      `${(used() / 2 ** 20).toFixed(1)} MiB`,
  );
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('container_tag = '));
  const perEdit: Record<string, number> = {};
  for (let n = 0; n < EDITS; n++) {
    lines[at] = `container_tag = edit-${n}`;
    const next = lines.join('\n');
    doc = allocated(perEdit, 're-read', () => reparseCfgText(doc, next));
    text = next;
    const a = analysisOf(text, doc, memo);
    allocated(perEdit, 'verdict', () => analysisVerdict(a));
    allocated(perEdit, 'diagnostics', () => projectDiagnostics(a));
    allocated(perEdit, 'editor model', () => a.load());
  }
  console.log(`an edit allocates (MiB, mean of ${EDITS}) ${mib(perEdit, EDITS)}`);
}

main();
