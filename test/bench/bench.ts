// Reader benchmark: a ~100k-line realistic config read by our reader (and the full lint) and, in the same run,
// by CPython's configparser (timed in process by test/bench/configparser_timing.py). Prints plain lines.
// Run with `npm run bench`. Not a test: figures vary with the machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCfg, toDbndView } from '../../server/src/core/reader';
import { syntaxDiagnostics } from '../../server/src/core/diagnostics/syntaxDiagnostics';
import { lintFiles } from '../../server/src/core/diagnostics/lintFiles';
import { generateLargeConfig } from './generateLargeConfig';

const TARGET_LINES = 100_000;
const WARMUP = 3;
const RUNS = 10;
const LINT_RUNS = 5;
const PYTHON_RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(runs: number, warmup: number, fn: () => void): { median: number; min: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { median: median(ms), min: Math.min(...ms), runs };
}

/** The full lint of one file: parse, resolve against dbnd's defaults, diagnose (lintFiles in diagnostics/). */
function fullLint(path: string, text: string): void {
  lintFiles([{ path, text }]);
}

const f = (ms: number) => ms.toFixed(1);

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-bench-'));
  try {
    const path = join(dir, 'databand-system.cfg');
    const text = generateLargeConfig(TARGET_LINES);
    writeFileSync(path, text);
    const doc = parseCfg(text);
    const view = toDbndView(doc, path);
    const values = view.kind === 'sections' ? [...view.sections.values()].reduce((n, s) => n + s.values.size, 0) : 0;
    console.log(
      `input: ${doc.lineCount} lines, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${doc.sections.length} sections, ` +
        `${values} values, ${view.kind === 'error' ? `ERROR ${view.error.message}` : 'loads without error'}`,
    );

    const parse = time(RUNS, WARMUP, () => toDbndView(parseCfg(text), path));
    console.log(
      `ours parse (parseCfg + toDbndView): median ${f(parse.median)} ms, min ${f(parse.min)} ms (${parse.runs} runs)`,
    );
    const syntax = time(RUNS, WARMUP, () => syntaxDiagnostics(parseCfg(text), path));
    console.log(
      `ours parse + syntax diagnostics: median ${f(syntax.median)} ms, min ${f(syntax.min)} ms (${syntax.runs} runs)`,
    );
    const lint = time(LINT_RUNS, 1, () => fullLint(path, text));
    console.log(`ours full lint (lintFiles): median ${f(lint.median)} ms, min ${f(lint.min)} ms (${lint.runs} runs)`);

    const script = resolve(__dirname, '../../test/bench/configparser_timing.py');
    const py = spawnSync('python3', [script, path, String(PYTHON_RUNS)], { encoding: 'utf8' });
    if (py.status !== 0) {
      console.log(`python configparser: not measured (${py.error?.message ?? py.stderr.trim()})`);
      return;
    }
    const p = JSON.parse(py.stdout) as { read_ms: number; read_get_ms: number; values: number };
    console.log(`python configparser read (_read): median ${f(p.read_ms)} ms (${PYTHON_RUNS} runs)`);
    console.log(
      `python configparser read + get all ${p.values} values: median ${f(p.read_get_ms)} ms (${PYTHON_RUNS} runs)`,
    );
    console.log(`ratio python read+get / ours parse: ${(p.read_get_ms / parse.median).toFixed(2)}x`);
    console.log(`ratio python read / ours parse: ${(p.read_ms / parse.median).toFixed(2)}x`);
    console.log(`ratio python read / ours full lint: ${(p.read_ms / lint.median).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
