// `dbnd-cfg run` up to the cluster: it prepares the run with the core's prepareClusterRun (the function the
// language server answers dbnd/prepareClusterRun with), so dbnd's error names the file and line that cause it,
// an env whose engine is not Kubernetes submits nothing, and the help promises no driver retry. Exit 3 each time,
// before any cluster is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-run-'));
const cfg = join(dir, 'project.cfg');
const LINES = [
  '[run]',
  "environments = ['local', 'k8s']",
  '[k8s]',
  '_from = local',
  'remote_engine = k8s_engine',
  '[k8s_engine]',
  '_type = kubernetes',
  'container_repository = repo',
  'container_tag = 1',
  'startup_timeout = soon',
  '',
];
writeFileSync(cfg, LINES.join('\n'));

function dbndCfg(...args: string[]) {
  // No kubeconfig: a run that got as far as the cluster would fail differently (exit 4).
  const env = { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'none') };
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("run: dbnd's error with the file and line that cause it, exit 3, nothing sent", () => {
  const r = dbndCfg('run', '--env', 'k8s', '--task', 'hello');
  assert.equal(r.code, 3, r.stderr);
  const line = LINES.indexOf('startup_timeout = soon') + 1;
  assert.match(
    r.stderr,
    new RegExp(
      `^dbnd-cfg run: dbnd would fail at the engine stage: \\w+: .*startup_timeout.* \\(${cfg}:${line}\\)\\n$`,
    ),
  );
  assert.equal(r.stdout, '');
});

test('run: an env whose engine is not Kubernetes submits no pod, exit 3', () => {
  const r = dbndCfg('run', '--env', 'local', '--task', 'hello');
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /dbnd would submit no pod: env "local" runs locally: it has no remote_engine/);
});

test('run --help: the driver pod is submitted once; the dict retries task pods', () => {
  const r = dbndCfg('run', '--help');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /The driver pod is submitted once, as dbnd does/);
  assert.doesNotMatch(r.stdout, /is retried as pod_error_cfg_source_dict says/);
});
