// The whole test suite, ending with ONE line "N passed, N failed" that adds up every stage:
//   build      tsc (type-check + compile to out/), esbuild (dist/) and prettier --check, one check each
//   unit       node --test on out/test/** except cluster/ and extension/ (unit, protocol, CLI, layers...)
//   cluster    node --test on out/test/real-cluster/** against the k8s testbed and the Docker testbed (a daemon and
//              the registry the cluster pulls from, for the build-and-push tests), started here and always stopped
//   extension  the mocha suites of test/extension/ inside VS Code (code-server, test/vscode-testbed), with the
//              Docker testbed too when a suite that builds and pushes an image runs (DOCKER_EXTENSION_TESTS)
//   restricted the suites of test/extension/restricted/ in VS Code with the workspace in Restricted Mode
//   ui         each test/ui/*.mjs (playwright, through the workbench), when there are any
// A stage whose testbed cannot start counts its test files as failed: in CI nothing is silently skipped.
//
// Usage: node scripts/test.mjs [--unit] [--cluster] [--extension] [--ui] [path filter...]
//   stage flags pick stages (default: all); filters keep the test files whose path contains one of them,
//   and a stage with no matching file is left out (so `node scripts/test.mjs test/core/reader` starts no testbed).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { findTests, runNodeTests } from './testing/nodeTests.mjs';
import { run } from './testing/processes.mjs';
import { startK8sTestbed } from './testing/k8sTestbed.mjs';
import { startDockerTestbed } from './testing/dockerTestbed.mjs';
import { lastCounts, runExtensionSuite, runUiTest } from './testing/vscodeTestbed.mjs';

const STAGES = ['unit', 'cluster', 'extension', 'ui'];
const args = process.argv.slice(2);
const picked = STAGES.filter((s) => args.includes(`--${s}`));
const unknown = args.filter((a) => a.startsWith('--') && !STAGES.includes(a.slice(2)));
if (unknown.length > 0) {
  console.error(`unknown option(s): ${unknown.join(' ')}; stages are ${STAGES.map((s) => `--${s}`).join(' ')}`);
  process.exit(2);
}
const wanted = (stage) => picked.length === 0 || picked.includes(stage);
const filters = args.filter((a) => !a.startsWith('--'));
const matches = (file) => filters.length === 0 || filters.some((f) => file.includes(f));

const results = []; // { stage, passed, failed, skipped, note }
function record(stage, passed, failed, note = '', skipped = 0) {
  results.push({ stage, passed, failed, skipped, note });
}

function finish() {
  const total = (k) => results.reduce((n, r) => n + r[k], 0);
  console.log('\n── test summary ──');
  for (const r of results) {
    const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
    console.log(
      `${r.stage.padEnd(10)} ${r.passed} passed, ${r.failed} failed${skipped}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  if (total('skipped') > 0) console.log(`${total('skipped')} skipped (not counted)`);
  // The very last line, which CI reads.
  console.log(`${total('passed')} passed, ${total('failed')} failed`);
  process.exit(total('failed') > 0 ? 1 : 0);
}

/** Adds a node:test run's counts; a non-zero exit without a counted failure still counts as one failure. */
function recordNodeRun(stage, files, r) {
  if (!r.counts)
    return record(stage, 0, files.length, `no test summary (exit ${r.code}${r.timedOut ? ', timed out' : ''})`);
  const extra = r.code !== 0 && r.counts.failed === 0 ? 1 : 0;
  record(
    stage,
    r.counts.passed,
    r.counts.failed + extra,
    extra ? `exit ${r.code} with no failed test` : '',
    r.counts.skipped,
  );
}

// ── build ─────────────────────────────────────────────────────────────────────────────────────────────────────────
rmSync('out', { recursive: true, force: true }); // compiled tests of deleted sources must not run
for (const [name, cmd] of [
  ['tsc', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']],
  ['esbuild', ['scripts/build.mjs']],
]) {
  const r = await run(process.execPath, cmd);
  if (r.code !== 0) {
    record('build', 0, 1, `${name} failed; nothing else ran`);
    finish();
  }
  record('build', 1, 0, name);
}
// Formatting is checked, not fixed, here: `npm run format` fixes it. A miss fails this one check and the rest runs.
{
  const r = await run(process.execPath, [
    'node_modules/prettier/bin/prettier.cjs',
    '--check',
    '--log-level',
    'warn',
    '.',
  ]);
  record(
    'build',
    r.code === 0 ? 1 : 0,
    r.code === 0 ? 0 : 1,
    r.code === 0 ? 'prettier' : 'prettier: run `npm run format`',
  );
}

// ── unit, protocol, CLI ───────────────────────────────────────────────────────────────────────────────────────────
const outside = (file, ...dirs) => !dirs.some((d) => file.startsWith(`out/test/${d}/`));
const unitFiles = findTests('out/test').filter((f) => outside(f, 'real-cluster', 'extension') && matches(f));
if (wanted('unit') && unitFiles.length > 0) {
  console.log(`\n── unit: ${unitFiles.length} files ──`);
  recordNodeRun('unit', unitFiles, await runNodeTests(unitFiles, { timeoutMs: 1_800_000 }));
}

// ── the k8s testbed: up for the cluster stage and the extension stage (a run from VS Code needs a cluster) ─────
const clusterFiles = findTests('out/test/real-cluster').filter(matches);
const extensionFiles = findTests('out/test/extension').filter(matches);
const restrictedFiles = extensionFiles.filter((f) => f.startsWith('out/test/extension/restricted/'));
const trustedFiles = extensionFiles.filter((f) => !restrictedFiles.includes(f));
const runCluster = wanted('cluster') && clusterFiles.length > 0;
const runExtension = wanted('extension') && extensionFiles.length > 0;
// The extension suites whose run builds and pushes its image as dbnd does: they need the Docker testbed.
const DOCKER_EXTENSION_TESTS = ['out/test/extension/runImageBuild.test.js'];
const dockerExtensionFiles = runExtension ? trustedFiles.filter((f) => DOCKER_EXTENSION_TESTS.includes(f)) : [];
let testbed;
let testbedError;
if (runCluster || runExtension) {
  try {
    testbed = await startK8sTestbed();
  } catch (err) {
    testbedError = err;
    console.log(`test: ${err.message}`);
  }
}

// The Docker testbed for the stages whose tests build and push the image a run submits.
let docker;
if ((runCluster || dockerExtensionFiles.length > 0) && testbed) {
  try {
    docker = await startDockerTestbed();
  } catch (err) {
    console.log(`test: ${err.message}`);
  }
}

try {
  // ── cluster ─────────────────────────────────────────────────────────────────────────────────────────────────────
  if (runCluster) {
    console.log(`\n── cluster: ${clusterFiles.length} files, k8s testbed + Docker testbed ──`);
    if (!testbed || !docker)
      record(
        'cluster',
        0,
        clusterFiles.length,
        `the ${testbed ? 'Docker' : 'k8s'} testbed did not start: every cluster test file counts as failed`,
      );
    else
      recordNodeRun(
        'cluster',
        clusterFiles,
        await runNodeTests(clusterFiles, { env: { ...testbed.env, ...docker.env }, timeoutMs: 1_800_000 }),
      );
    await testbed?.restoreApiServer?.();
    // Not needed by the extension stage: its memory goes back before VS Code starts.
    if (dockerExtensionFiles.length === 0) {
      const done = docker;
      docker = undefined;
      await done?.stop();
    }
  }

  // ── extension (mocha inside VS Code; the testbed's KUBECONFIG reaches the extension host) ─────────────────────
  for (const [stage, files, untrusted] of [
    ['extension', trustedFiles, false],
    ['restricted', restrictedFiles, true],
  ]) {
    if (!runExtension || files.length === 0) continue;
    console.log(
      `\n── ${stage}: ${files.length} files, VS Code testbed${untrusted ? ' in Restricted Mode' : ''}${testbed ? ' + k8s testbed' : testbedError ? ' (no k8s testbed)' : ''} ──`,
    );
    // Without the Docker testbed, its suites would only skip (locally): they count as failed here.
    const noDocker = untrusted || docker ? [] : dockerExtensionFiles;
    if (noDocker.length > 0)
      record(stage, 0, noDocker.length, `the Docker testbed did not start: ${noDocker.join(', ')} counted as failed`);
    const r = await runExtensionSuite(filters, { ...testbed?.env, ...docker?.env }, { untrusted });
    const counts = lastCounts(r.stdout);
    if (!counts) record(stage, 0, files.length, `no test summary (exit ${r.code}): every file counts as failed`);
    else
      record(
        stage,
        counts.passed,
        counts.failed + (r.code !== 0 && counts.failed === 0 ? 1 : 0),
        r.code ? `exit ${r.code}` : '',
      );
  }
} finally {
  try {
    await docker?.stop();
  } finally {
    await testbed?.stop();
  }
}

// ── UI tests through the workbench ────────────────────────────────────────────────────────────────────────────────
const uiScripts = existsSync('test/ui')
  ? readdirSync('test/ui')
      .filter((n) => n.endsWith('.mjs'))
      .sort()
      .map((n) => `test/ui/${n}`)
      .filter(matches)
  : [];
if (wanted('ui') && uiScripts.length > 0) {
  for (const script of uiScripts) {
    console.log(`\n── ui: ${script} ──`);
    const r = await runUiTest(script);
    const counts = lastCounts(r.stdout);
    if (!counts) record('ui', 0, 1, `${script}: no test summary (exit ${r.code})`);
    else record('ui', counts.passed, counts.failed + (r.code !== 0 && counts.failed === 0 ? 1 : 0), script);
  }
}

finish();
