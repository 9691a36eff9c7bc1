// node:test suites: which compiled files belong to which stage, and running a set of them with the spec reporter on
// stdout and the summary reporter (scripts/summary-reporter.mjs) into a file whose counts the orchestration adds up.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './processes.mjs';

/** Every compiled *.test.js under `dir`, sorted, with forward-slash paths relative to the repository. */
export function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return findTests(p);
      return name.endsWith('.test.js') ? [p] : [];
    });
}

/** Runs the files with node --test; counts come from the summary reporter, skipped tests counted apart. */
export async function runNodeTests(files, { env = process.env, timeoutMs } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-test-'));
  const summary = join(dir, 'summary.txt');
  try {
    const r = await run(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/summary-reporter.mjs',
        `--test-reporter-destination=${summary}`,
        ...files,
      ],
      { env, timeoutMs },
    );
    const text = existsSync(summary) ? readFileSync(summary, 'utf8') : '';
    const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(text);
    return {
      code: r.code,
      timedOut: r.timedOut,
      counts: m && { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
