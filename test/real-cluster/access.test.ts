// Access errors end within seconds (the bound allows for a loaded CI machine: node and the client load in ~1 s idle) with a message that says what to fix, and never print a credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, requireTestbed, runCli, TESTBED_TOKENS } from './support/testbed';

function assertNoSecrets(text: string) {
  for (const token of TESTBED_TOKENS) assert.ok(!text.includes(token), `a token was printed: ${token}`);
}

test('a read-only user gets a clear 403 and no pod', async (t) => {
  if (!requireTestbed(t)) return;
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello', '--context', 'testbed-viewer'], {
    cwd: makeProject(),
  });
  assert.equal(r.code, 4, r.stderr);
  assert.match(
    r.stderr,
    /user "viewer" may not create pods in namespace "default" of context "testbed-viewer" .*403 Forbidden/,
  );
  assert.match(r.stderr, /RBAC/);
  assert.ok(r.ms < 20_000, `took ${r.ms} ms`);
  assertNoSecrets(r.stderr + r.stdout);
});

test('a wrong token gets a clear 401', async (t) => {
  if (!requireTestbed(t)) return;
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello', '--context', 'testbed-badtoken'], {
    cwd: makeProject(),
  });
  assert.equal(r.code, 4, r.stderr);
  assert.match(
    r.stderr,
    /rejected the credentials of user "bad-token" in context "testbed-badtoken" \(401 Unauthorized/,
  );
  assertNoSecrets(r.stderr + r.stdout);
});

test('an unknown context names the contexts there are', async (t) => {
  if (!requireTestbed(t)) return;
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello', '--context', 'no-such'], { cwd: makeProject() });
  assert.equal(r.code, 4, r.stderr);
  assert.match(
    r.stderr,
    /context "no-such" \(from --context\) is not in the kubeconfig .* Contexts there: .*testbed-viewer/,
  );
  assert.ok(r.ms < 20_000, `took ${r.ms} ms`);
});

test('an unreachable server fails within seconds and says what to check', async (t) => {
  // Needs no cluster: the server address is a closed port.
  const dir = makeProject();
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: gone, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]',
      'users: [{name: u, user: {token: never-printed-token}}]',
      'contexts: [{name: gone, context: {cluster: gone, user: u}}]',
      'current-context: gone',
      '',
    ].join('\n'),
  );
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello'], {
    cwd: dir,
    env: { ...process.env, KUBECONFIG: kubeconfig },
  });
  assert.equal(r.code, 4, r.stderr);
  assert.match(
    r.stderr,
    /cannot reach the API server https:\/\/127\.0\.0\.1:1 of context "gone".*ECONNREFUSED.*Check that the cluster is running/,
  );
  assert.ok(r.ms < 20_000, `took ${r.ms} ms`);
  assert.ok(!(r.stderr + r.stdout).includes('never-printed-token'));
});
