// `npm run bench`: figures, not a test (they vary with the machine; the goals are the issue's, printed next to
// them). Three parts, in one run:
//   1. the reader in process: a ~100k-line config parsed and linted by the core, and by CPython's configparser
//      (timed in process by test/bench/configparser_timing.py);
//   2. the protocol benchmark: our language server (dist/server/server.js --stdio) and yaml-language-server (with
//      the Kubernetes Pod schema of test/bench/pod-v1.schema.json, offline) on generated files of 1k, 20k and 100k
//      lines, side by side with the ratio ours / yaml-ls;
//   3. the CPU of a whole `dbnd-cfg lint` process on the 100k-line config against CPython's configparser reading it.
// BENCH_SIZES=1000,20000 runs the protocol part on other sizes; BENCH_PARTS=protocol,cpu runs only those parts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCfg, toDbndView } from '../../server/src/core/reader';
import { syntaxDiagnostics } from '../../server/src/core/diagnostics/syntaxDiagnostics';
import { lintFiles } from '../../server/src/core/diagnostics/lintFiles';
import { generateLargeConfig } from '../support/generateLargeConfig';
import { generatePodYaml } from './generatePodYaml';
import { measureConfigparserRead, measureCpu } from './lintCpuBench';
import {
  editsFor,
  REQUESTS,
  measureProtocol,
  median,
  p50,
  p95,
  type ProtocolFigures,
  type Subject,
} from './protocolBench';

const TARGET_LINES = 100_000;
const WARMUP = 3;
const RUNS = 10;
const LINT_RUNS = 5;
const PYTHON_RUNS = 5;
const CPU_RUNS = 5;
const SIZES = (process.env.BENCH_SIZES ?? '1000,20000,100000').split(',').map(Number);
const PARTS = (process.env.BENCH_PARTS ?? 'reader,protocol,cpu').split(',');

// dist/bench/bench.js: the repository is two folders up.
const REPO = resolve(__dirname, '../..');

function time(runs: number, warmup: number, fn: () => void): { median: number; min: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), runs };
}

const f = (ms: number) => ms.toFixed(1);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;

// ── 1. the reader in process ─────────────────────────────────────────────────────────────────────────────────────
function readerBench(dir: string): void {
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
  // The full lint of one file: parse, resolve against dbnd's defaults, diagnose.
  const lint = time(LINT_RUNS, 1, () => lintFiles([{ path, text }]));
  console.log(`ours full lint (lintFiles): median ${f(lint.median)} ms, min ${f(lint.min)} ms (${lint.runs} runs)`);

  const script = join(REPO, 'test/bench/configparser_timing.py');
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
}

// ── 2. the protocol benchmark ────────────────────────────────────────────────────────────────────────────────────
const OURS: Subject = {
  name: 'ours',
  command: { script: join(REPO, 'dist/server/server.js'), args: ['--stdio'] },
  // project.cfg in the workspace folder: the folder is a dbnd project (DBND_HOME), as in real use.
  fileName: 'project.cfg',
  languageId: 'dbnd-cfg',
  settings: { databand: {} },
  generate: generateLargeConfig,
  keyLine: /^()([a-z_][a-z0-9_]*)( = )/,
  editLine: /^(container_tag = )/,
  editValue: (n) => `release-e${n}`,
  halfTypedLine: 'namesp',
};

const POD_SCHEMA = join(REPO, 'test/bench/pod-v1.schema.json');
const YAML_LS: Subject = {
  name: 'yaml-ls',
  command: { script: join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server'), args: ['--stdio'] },
  fileName: 'pods.pod.yaml',
  languageId: 'yaml',
  // Offline: no schema store, the Pod schema from a local file for *.pod.yaml.
  settings: {
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      schemaStore: { enable: false },
      schemas: { [pathToFileURL(POD_SCHEMA).href]: '*.pod.yaml' },
    },
  },
  generate: generatePodYaml,
  keyLine: /^(\s*(?:- )?)([A-Za-z][\w.-]*)(: ?)/,
  editLine: /^(\s+image: gcr\.io\/[^:]+:)/,
  editValue: (n) => `release-e${n}`,
  // After a container's `image:` line, at its indentation: a bare word where a mapping key belongs.
  halfTypedLine: '      imagePullPo',
};

interface Row {
  readonly metric: string;
  readonly pick: (p: ProtocolFigures) => number | undefined;
  readonly goal?: (lines: number) => string;
}

const ROWS: Row[] = [
  {
    metric: 'first diagnostics after didOpen, ms',
    pick: (p) => p.firstDiagnosticsMs,
    goal: (n) => (n === 100_000 ? '<= 1000' : ''),
  },
  {
    metric: `completion p50, ms (${REQUESTS} requests)`,
    pick: (p) => p50(p.completionMs),
    goal: () => '<= 5',
  },
  { metric: 'completion p95, ms', pick: (p) => p95(p.completionMs) },
  {
    metric: `hover p50, ms (${REQUESTS} requests)`,
    pick: (p) => p50(p.hoverMs),
    goal: () => '<= 5',
  },
  { metric: 'hover p95, ms', pick: (p) => p95(p.hoverMs) },
  {
    metric: 'half-typed line: completion p50, ms',
    pick: (p) => p50(p.halfTypedCompletionMs),
    goal: () => '<= 5',
  },
  {
    metric: 'half-typed line: hover p50, ms',
    pick: (p) => p50(p.halfTypedHoverMs),
    goal: () => '<= 5',
  },
  {
    metric: 'edit -> diagnostics median, ms',
    pick: (p) => median(p.editMs),
    goal: (n) => (n === 20_000 ? '<= 50' : n === 1_000 ? '<= 10' : ''),
  },
  { metric: 'edit -> diagnostics max, ms', pick: (p) => Math.max(...p.editMs) },
  { metric: 'half-typed line: inserted -> diagnostics, ms', pick: (p) => p.breakingEditMs },
  { metric: 'half-typed line: keystroke -> diagnostics, ms', pick: (p) => median(p.halfTypedKeystrokeMs) },
  { metric: 'peak RSS before the half-typed line, MiB', pick: (p) => p.peakBeforeHalfTypedMiB },
  {
    metric: 'server peak RSS (VmHWM), MiB',
    pick: (p) => p.peakMiB,
    goal: (n) => (n === 100_000 ? '<= 100 (ours)' : ''),
  },
  { metric: 'server RSS at the end (VmRSS), MiB', pick: (p) => p.rssMiB },
];

function printTable(results: { lines: number; ours: ProtocolFigures; yaml: ProtocolFigures }[]): void {
  const cell = (v: number | undefined, width: number) => (v === undefined ? 'n/a' : v.toFixed(1)).padStart(width);
  console.log(
    `${'target lines'.padEnd(13)}${'metric'.padEnd(44)}${'ours'.padStart(10)}${'yaml-ls'.padStart(10)}` +
      `${'ours/yaml-ls'.padStart(14)}  goal`,
  );
  for (const { lines, ours, yaml } of results) {
    for (const row of ROWS) {
      const a = row.pick(ours);
      const b = row.pick(yaml);
      const ratio = a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a';
      console.log(
        `${String(lines).padEnd(13)}${row.metric.padEnd(44)}${cell(a, 10)}${cell(b, 10)}${ratio.padStart(14)}  ` +
          (row.goal?.(lines) ?? ''),
      );
    }
  }
}

async function protocolBench(dir: string): Promise<void> {
  const results: { lines: number; ours: ProtocolFigures; yaml: ProtocolFigures }[] = [];
  for (const lines of SIZES) {
    const sizeDir = join(dir, `protocol-${lines}`);
    for (const d of ['ours', 'yaml']) spawnSync('mkdir', ['-p', join(sizeDir, d)]);
    const ours = await measureProtocol(OURS, join(sizeDir, 'ours'), lines);
    const yaml = await measureProtocol(YAML_LS, join(sizeDir, 'yaml'), lines);
    const answered = (p: ProtocolFigures) =>
      `${p.completionsWithItems}/${REQUESTS} completions with items, ${p.hoversWithContent}/${REQUESTS} hovers with content, ` +
      `${p.halfTypedCompletionsWithItems}/${REQUESTS} half-typed completions with items`;
    console.log(
      `protocol ${lines}: ours ${ours.lines} lines of dbnd config, ${answered(ours)}, ${editsFor(lines)} edits (${load()})`,
    );
    console.log(`protocol ${lines}: yaml-ls ${yaml.lines} lines of Pod YAML, ${answered(yaml)}`);
    results.push({ lines, ours, yaml });
  }
  printTable(results);
}

// ── 3. CPU of a whole lint process ────────────────────────────────────────────────────────────────────────────────
function lintCpuBench(dir: string): void {
  const path = join(dir, 'lint-cpu.cfg');
  writeFileSync(path, generateLargeConfig(TARGET_LINES));
  const lint = measureCpu([process.execPath, join(REPO, 'dist/cli/dbnd-cfg.js'), 'lint', path], CPU_RUNS);
  const read = measureConfigparserRead(path, CPU_RUNS);
  console.log(
    `dbnd-cfg lint process (100k lines, exit ${lint.exitCode}): CPU ${f(lint.cpuMs)} ms, wall ${f(lint.wallMs)} ms (median of ${lint.runs})`,
  );
  console.log(
    `python3 configparser read process: CPU ${f(read.cpuMs)} ms, wall ${f(read.wallMs)} ms (median of ${read.runs})`,
  );
  console.log(`ratio CPU lint / configparser read: ${(lint.cpuMs / read.cpuMs).toFixed(2)}x (goal < 1)`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-bench-'));
  try {
    console.log(`machine at start: ${load()}`);
    if (PARTS.includes('reader')) readerBench(dir);
    if (PARTS.includes('protocol')) await protocolBench(dir);
    if (PARTS.includes('cpu')) lintCpuBench(dir);
    console.log(`machine at the end: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
