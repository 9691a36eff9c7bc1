// The whole test suite: type-check and compile with tsc, bundle with esbuild (protocol tests start the
// bundled server), then run every *.test.js under out/test with node's test runner.
// Usage: node scripts/test.mjs [path filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// A build step that fails still ends the output with the summary line CI reads.
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`\nbuild step failed: ${args.join(' ')}\n0 passed, 1 failed\n`);
    process.exit(r.status ?? 1);
  }
}

rmSync('out', { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
run(process.execPath, ['scripts/build.mjs']);

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return findTests(p);
    return name.endsWith('.test.js') ? [p] : [];
  });
}
const filters = process.argv.slice(2);
const files = findTests('out/test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
