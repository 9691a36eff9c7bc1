// The VS Code testbed (test/vscode-testbed): the extension suite in code-server's extension host, and the UI tests
// through the workbench, each on a port picked free for the run (a busy port makes the kit exit 4: one retry).
// VS Code opens a fresh copy of test/workspace, so a test that edits (and VS Code saves) never changes the fixture.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, run } from './processes.mjs';

export const VSCODE_KIT = 'test/vscode-testbed/vscode-testbed';
const DEFAULT_CACHE = '/var/cache/databand-vscode/vscode-testbed';
const PORT_BUSY = 4;
// The kit's exit codes for "the server did not start" and "the browser or workbench failed": no test ran, so the
// step is tried once more before it counts as failed (a loaded host can miss the page-load deadline).
const NO_TEST_RAN = [5, 6];
// VS Code's own deadline for the extension host to start (60 s): on a loaded host it can pass before any test ran.
const HOST_DID_NOT_START = /The remote extension host took longer than \d+s to send its ready message/;

function kitEnv(extra) {
  return { ...process.env, VSCODE_TESTBED_CACHE: process.env.VSCODE_TESTBED_CACHE ?? DEFAULT_CACHE, ...extra };
}

/** Runs `runOnPort(port, workspace)` on a free port with a fresh copy of test/workspace. */
async function onFreePort(runOnPort) {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-ws-'));
  const workspace = join(dir, 'workspace');
  cpSync('test/workspace', workspace, { recursive: true });
  try {
    let result;
    for (let attempt = 0; attempt < 2; attempt++) {
      const [port] = await freePorts(1);
      result = await runOnPort(String(port), workspace);
      const counted = /\d+ passed, \d+ failed/.test(result.stdout);
      const noTestRan = (NO_TEST_RAN.includes(result.code) || HOST_DID_NOT_START.test(result.stdout)) && !counted;
      if (result.code !== PORT_BUSY && !noTestRan) break;
      console.log(`test: the VS Code testbed exited ${result.code} before any test ran; trying once more`);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last "N passed, N failed" counts in a step's output, or undefined when it never got that far. */
export function lastCounts(output) {
  const all = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
  if (all.length === 0) return undefined;
  const [, passed, failed] = all[all.length - 1];
  return { passed: Number(passed), failed: Number(failed) };
}

/** Runs out/test/extension/index.js (mocha) inside VS Code; `filters` narrow its files (DBND_TEST_FILTER);
 *  `clusterEnv` (KUBECONFIG, K8S_TESTBED_*) reaches the extension host through the server's environment.
 *  `untrusted`: VS Code starts with workspace trust on and the workspace in Restricted Mode (the kit's
 *  --untrusted), and index.js runs the suites of test/extension/restricted/ instead of the others. */
export function runExtensionSuite(filters, clusterEnv = {}, { untrusted = false } = {}) {
  const env = kitEnv({
    ...clusterEnv,
    DBND_TEST_FILTER: filters.join(','),
    DBND_RESTRICTED_MODE: untrusted ? '1' : '0',
  });
  return onFreePort((port, workspace) =>
    run(
      VSCODE_KIT,
      [
        'run-tests',
        ...(untrusted ? ['--untrusted'] : []),
        '--port',
        port,
        '--extension-dev-path',
        '.',
        '--tests-path',
        'out/test/extension/index.js',
        '--workspace',
        workspace,
        '--timeout',
        '900',
      ],
      { env, capture: true, timeoutMs: 1_200_000 },
    ),
  );
}

/** Runs one UI test script (node, with VSCODE_TESTBED_URL set) against a workbench that has the extension. */
export function runUiTest(script) {
  return onFreePort((port, workspace) =>
    run(
      VSCODE_KIT,
      [
        'with-server',
        '--port',
        port,
        '--extension-dev-path',
        '.',
        '--workspace',
        workspace,
        '--',
        process.execPath,
        script,
      ],
      // Each UI step waits up to this long (the kit's default, 45 s, is short on a loaded 2-core machine).
      {
        env: kitEnv({ VSCODE_TESTBED_UI_TIMEOUT: process.env.VSCODE_TESTBED_UI_TIMEOUT ?? '120000' }),
        capture: true,
        timeoutMs: 900_000,
      },
    ),
  );
}
