// CPU of whole processes on one large config: `dbnd-cfg lint FILE` against CPython's configparser only reading the
// same file (`python3 -c ...read(FILE)`), each as its own process, start-up included. The CPU (user + sys) of a
// child is what bash's `times` builtin reports for the children of the shell that waited for it.
import { spawnSync } from 'node:child_process';
import { median } from './stats';

const CONFIGPARSER_READ =
  'import configparser, sys\nparser = configparser.ConfigParser()\nparser.read(sys.argv[1], encoding="utf-8")';

export interface CpuFigures {
  /** Median user + sys CPU of the runs, in ms. */
  readonly cpuMs: number;
  /** Median wall time of the runs, in ms. */
  readonly wallMs: number;
  readonly runs: number;
  readonly exitCode: number | null;
}

/** Seconds from `times`' `0m1.234s` form. */
function seconds(field: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(field);
  if (!m) throw new Error(`unexpected times output: ${field}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Runs `command` `runs` times (after one unmeasured warm-up run) and returns the medians. */
export function measureCpu(command: readonly string[], runs: number): CpuFigures {
  const cpu: number[] = [];
  const wall: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    // The command's status is kept in $s and printed after `times`' two lines (shell, then children).
    const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; s=$?; times; echo "$s"', 'bench', ...command], {
      encoding: 'utf8',
    });
    const elapsed = performance.now() - t0;
    if (r.status !== 0) throw new Error(`bash failed: ${r.stderr || r.error?.message}`);
    const [, children, status] = r.stdout.trim().split('\n');
    const [user, sys] = children.trim().split(/\s+/);
    exitCode = Number(status);
    if (i === 0) continue; // warms the file cache and the code caches
    cpu.push((seconds(user) + seconds(sys)) * 1000);
    wall.push(elapsed);
  }
  return { cpuMs: median(cpu), wallMs: median(wall), runs, exitCode };
}

export function measureConfigparserRead(path: string, runs: number): CpuFigures {
  return measureCpu(['python3', '-c', CONFIGPARSER_READ, path], runs);
}
