// Runs the extension suite (test/extension/index.ts) in desktop VS Code with @vscode/test-electron:
// `npm run test:electron`. It needs a machine that can download VS Code, or a local build:
//   VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:electron     # uses that build, downloads nothing
// Offline machines (CI here) run the same suite in code-server instead: `npm run test:extension`.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoPath } from '../support/paths';

async function main(): Promise<void> {
  await runTests({
    // The VS Code that code-server 4.139.1 (test/vscode-testbed/lib/versions.env) ships, so both runners test the same.
    version: process.env.VSCODE_VERSION ?? '1.139.1',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
    extensionDevelopmentPath: repoPath(),
    extensionTestsPath: join(__dirname, 'index.js'),
    launchArgs: [repoPath('test', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err: unknown) => {
  console.error('test run failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
