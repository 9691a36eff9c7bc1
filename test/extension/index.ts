// The tests module VS Code's extension test harness loads (extensionTestsPath): it exports run(), which runs every
// *.test.js next to it (compiled from test/extension/**/*.test.ts) with mocha inside the extension host.
// Both runners load this file: `test/vscode-testbed/vscode-testbed run-tests` (offline, code-server; what
// `npm test` uses) and runTest.ts (@vscode/test-electron, desktop VS Code; `npm run test:electron`).
// DBND_TEST_FILTER (comma-separated path fragments, set by scripts/test.mjs from its arguments) narrows the files.
// The suites in restricted/ need a workspace in Restricted Mode (the testbed's --untrusted): DBND_RESTRICTED_MODE=1
// runs those and only those; otherwise they are left out.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return testFiles(p);
      return name.endsWith('.test.js') ? [p] : [];
    });
}

export function run(): Promise<void> {
  // The tdd interface (suite/test) as in VS Code's own extension tests. The timeout is the upper bound of one test
  // on a loaded machine; tests wait for conditions (see waitFor.ts) and never sleep.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const filters = (process.env.DBND_TEST_FILTER ?? '').split(',').filter((f) => f !== '');
  const restricted = process.env.DBND_RESTRICTED_MODE === '1';
  const files = testFiles(__dirname)
    .filter((f) => relative(__dirname, f).startsWith(`restricted${sep}`) === restricted)
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
  for (const f of files) mocha.addFile(f);
  console.log(`extension tests: ${files.map((f) => relative(__dirname, f)).join(', ') || 'none'}`);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
