// The language server's memory, stage by stage: not a test, a measurement (`npm run bench` gives only the peak).
// Starts the bundled server (dist/server/server.js --stdio) for one generated project.cfg and prints its VmRSS and
// VmHWM (peak) after `initialize` (nothing open), after the first diagnostics of the file and after EDITS edits of
// one value (each waiting for its diagnostics), as `npm run bench`'s protocol part does them.
// Usage: node scripts/build.mjs && npx tsc -p tsconfig.json && BENCH_LINES=100000 node out/test/bench/serverMemory.js
// BENCH_NODE_ARGS is handed to the server's node (as in bench.ts). With BENCH_SNAPSHOTS=dir the server is started
// with --heapsnapshot-signal=SIGUSR2 and writes a heap snapshot into dir after the first diagnostics and after
// the edits (the peak is read before either: writing a snapshot costs memory of its own); summarise one with
// `node out/test/bench/heapSummary.js file.heapsnapshot`.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchLspServer } from './benchLspServer';
import { generateLargeConfig } from '../support/generateLargeConfig';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const EDITS = 10;
const SNAPSHOTS = process.env.BENCH_SNAPSHOTS;
// out/test/bench/serverMemory.js: the repository is three folders up.
const REPO = resolve(__dirname, '../../..');
const SERVER = { script: join(REPO, 'dist/server/server.js'), args: ['--stdio'] };

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;

/** The server's CPU time so far (user + system), from /proc/<pid>/stat (Linux), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // utime and stime are fields 14 and 15 of stat; 12 and 13 after the pid and the command are cut.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function report(server: BenchLspServer, stage: string): void {
  const m = server.memory();
  if (m)
    console.log(
      `${stage.padEnd(34)} VmRSS ${m.rssMiB.toFixed(1).padStart(6)} MiB  VmHWM ${m.peakMiB.toFixed(1).padStart(6)} MiB` +
        `  CPU ${cpuMs(server.pid).toFixed(0).padStart(6)} ms`,
    );
}

/** Asks the server for a heap snapshot and waits until the file is written (its size stops changing). */
async function snapshot(server: BenchLspServer, dir: string, name: string): Promise<void> {
  const before = new Set(readdirSync(process.cwd()).filter((f) => f.endsWith('.heapsnapshot')));
  process.kill(server.pid, 'SIGUSR2');
  let file: string | undefined;
  let size = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    file ??= readdirSync(process.cwd()).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const now = statSync(file).size;
    if (now === size && now > 0) break;
    size = now;
  }
  const target = join(dir, `${name}.heapsnapshot`);
  renameSync(file, target);
  console.log(`heap snapshot ${target} (${(size / 2 ** 20).toFixed(1)} MiB)`);
}

/** The idle server: started in an empty folder (nothing to lint), initialized, then left alone for a second. */
async function startUp(): Promise<void> {
  // Not inside the project's folder: DBND_HOME discovery looks upwards for project.cfg.
  const empty = mkdtempSync(join(tmpdir(), 'dbnd-memory-idle-'));
  const server = BenchLspServer.start(SERVER);
  try {
    await server.initialize(pathToFileURL(empty).href, { databand: {} });
    await new Promise((r) => setTimeout(r, 1000));
    report(server, 'idle after initialize');
    if (SNAPSHOTS) await snapshot(server, SNAPSHOTS, 'idle');
  } finally {
    await server.stop();
    rmSync(empty, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-memory-'));
  try {
    const text = generateLargeConfig(LINES);
    // Written before the server starts, as bench.ts does: the server lints the unopened file, then the open one.
    const path = join(dir, 'project.cfg');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    const lines = text.split('\n');
    console.log(`${lines.length - 1} lines, ${(text.length / 2 ** 20).toFixed(1)} MiB of text (${load()})`);
    if (SNAPSHOTS && !existsSync(SNAPSHOTS)) throw new Error(`no folder ${SNAPSHOTS}`);
    if (SNAPSHOTS) process.env.BENCH_NODE_ARGS = `${process.env.BENCH_NODE_ARGS ?? ''} --heapsnapshot-signal=SIGUSR2`;
    await startUp();
    const server = BenchLspServer.start(SERVER);
    try {
      await server.initialize(pathToFileURL(dir).href, { databand: {} });
      const t0 = performance.now();
      await server.open(uri, 'dbnd-cfg', text);
      await server.diagnosticsAt(uri, 1, 0);
      report(server, `first diagnostics (${(performance.now() - t0).toFixed(0)} ms)`);
      if (SNAPSHOTS) await snapshot(server, SNAPSHOTS, `open-${LINES}`);
      const editAt = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('container_tag = '));
      let current = lines[editAt];
      const keep = 'container_tag = ';
      for (let n = 0; n < EDITS; n++) {
        const value = `release-e${n}`;
        const mark = server.publishCount;
        await server.change(
          uri,
          n + 2,
          { start: { line: editAt, character: keep.length }, end: { line: editAt, character: current.length } },
          value,
        );
        await server.diagnosticsAt(uri, n + 2, mark);
        current = keep + value;
      }
      report(server, `after ${EDITS} edits`);
      if (SNAPSHOTS) await snapshot(server, SNAPSHOTS, `edited-${LINES}`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`(${load()})`);
}

void main();
