// Which kubeconfig, context and credentials a run uses: kubectl's merge of $KUBECONFIG (first current-context and
// first definition of a name win), the engine's config_file/cluster_context, and exec plugins found on PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKubeconfig, openCluster, type ClusterError, type KubeconfigRequest } from '../../server/src/runIo';
import { chooseContext, mergeKubeconfigs } from '../../server/src/core/kube/kubeconfig';
import { ManualClock } from './support/manualClock';

const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const request = (over: Partial<KubeconfigRequest>): KubeconfigRequest => ({
  inCluster: false,
  configFile: null,
  context: null,
  clusterContext: null,
  namespace: 'default',
  env: {},
  ...over,
});

const first = file('first.yaml', [
  'apiVersion: v1',
  'kind: Config',
  'clusters: [{name: shared, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]',
  'users: [{name: u1, user: {token: first-file-token}}]',
  'contexts: [{name: one, context: {cluster: shared, user: u1, namespace: team}}]',
  'current-context: one',
]);
const second = file('second.yaml', [
  'apiVersion: v1',
  'kind: Config',
  'clusters: [{name: shared, cluster: {server: "https://127.0.0.2:2"}}]',
  'users: [{name: u2, user: {token: second-file-token}}]',
  'contexts: [{name: two, context: {cluster: shared, user: u2}}, {name: one, context: {cluster: shared, user: u2}}]',
  'current-context: two',
]);

test('merge: the first file that sets current-context wins, and the first definition of each name', () => {
  const merged = mergeKubeconfigs([
    {
      path: 'a',
      clusters: [{ name: 'c', v: 1 }],
      users: [],
      contexts: [{ name: 'x', v: 1 }],
      currentContext: undefined,
    },
    {
      path: 'b',
      clusters: [{ name: 'c', v: 2 }],
      users: [],
      contexts: [
        { name: 'x', v: 2 },
        { name: 'y', v: 2 },
      ],
      currentContext: 'y',
    },
    { path: 'c', clusters: [], users: [], contexts: [], currentContext: 'x' },
  ]);
  assert.equal(merged.currentContext, 'y');
  assert.deepEqual(merged.clusters, [{ name: 'c', v: 1 }]);
  assert.deepEqual(merged.contexts, [
    { name: 'x', v: 1 },
    { name: 'y', v: 2 },
  ]);
});

test('context: --context beats cluster_context beats current-context; an unknown one lists the others', () => {
  const merged = {
    clusters: [],
    users: [],
    contexts: [{ name: 'a' }, { name: 'b' }],
    currentContext: 'a',
    files: ['f'],
  };
  assert.deepEqual(chooseContext(request({ clusterContext: 'b' }), merged), { ok: true, context: 'b' });
  assert.deepEqual(chooseContext(request({ clusterContext: 'b', context: 'a' }), merged), { ok: true, context: 'a' });
  const bad = chooseContext(request({ clusterContext: 'zz' }), merged);
  assert.ok(
    !bad.ok &&
      /context "zz" \(from the engine's cluster_context\) is not in the kubeconfig \(f\)\. Contexts there: a, b/.test(
        bad.message,
      ),
  );
});

test('KUBECONFIG with two files is read as kubectl reads it (client-node alone would take the last current-context and throw on duplicates)', async () => {
  const summary = await describeKubeconfig(
    request({ env: { KUBECONFIG: `${first}::${join(dir, 'missing.yaml')}:${second}:${first}` } }),
  );
  assert.deepEqual(summary.files, [first, second], 'empty entries and repeats dropped, as kubectl does');
  assert.equal(summary.currentContext, 'one');
  assert.deepEqual(
    summary.contexts.map((c) => `${c.name}:${c.user}`),
    ['one:u1', 'two:u2'],
  );
  assert.ok(!JSON.stringify(summary).includes('token'), 'no credential in the summary');
  const api = await openCluster(request({ env: { KUBECONFIG: `${first}:${second}` }, namespace: 'team' }));
  assert.deepEqual(api.target, { context: 'one', namespace: 'team', server: 'https://127.0.0.1:1', user: 'u1' });
});

test("the engine's config_file is used alone and must exist", async () => {
  const api = await openCluster(request({ configFile: second, env: { KUBECONFIG: first } }));
  assert.equal(api.target.context, 'two');
  await assert.rejects(
    openCluster(request({ configFile: join(dir, 'nope.yaml') })),
    /config_file .*nope\.yaml does not exist/,
  );
});

test('an exec credential plugin is looked up on the given PATH, and its failure says what to install', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'plugin-bin-'));
  const plugin = join(bin, 'fake-login');
  writeFileSync(
    plugin,
    '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"exec-secret-token"}}\'\n',
  );
  chmodSync(plugin, 0o755);
  const kubeconfig = file('exec.yaml', [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]',
    'users: [{name: sso, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: fake-login}}}]',
    'contexts: [{name: sso, context: {cluster: c, user: sso}}]',
    'current-context: sso',
  ]);
  // Found on the given PATH: the credential is obtained and the request then fails only on the closed port.
  const found = await openCluster(request({ configFile: kubeconfig, env: { PATH: `${bin}:/usr/bin:/bin` } }));
  await assert.rejects(
    found.serverVersion(),
    (err: Error) => /ECONNREFUSED/.test(err.message) && !err.message.includes('exec-secret-token'),
  );
  // Not on PATH: a config error that names the fix.
  const missing = await openCluster(request({ configFile: kubeconfig, env: { PATH: '/nonexistent' } }));
  await assert.rejects(
    missing.serverVersion(),
    /cannot get credentials for user "sso".*exec credential plugin.*on PATH/,
  );
});

test('KUBECONFIG=/dev/zero is refused at the size bound, at once, with a message naming it', async () => {
  const started = Date.now();
  await assert.rejects(openCluster(request({ env: { KUBECONFIG: '/dev/zero' } })), (err: ClusterError) => {
    assert.equal(err.kind, 'config');
    assert.match(err.message, /cannot read the kubeconfig \/dev\/zero: \/dev\/zero gives more than 16 MiB/);
    return true;
  });
  assert.ok(Date.now() - started < 5_000, 'bounded: 16 MiB, not gigabytes');
});

/** A clock that tells when a timer is set, so the test moves time only once the read waits. */
class TimerClock extends ManualClock {
  private waiting: (() => void) | null = null;
  readonly timerSet = new Promise<void>((resolve) => (this.waiting = resolve));
  override timer(ms: number, fn: () => void): () => void {
    const cancel = super.timer(ms, fn);
    this.waiting?.();
    return cancel;
  }
}

test('a FIFO nobody writes to does not hold the process: the read gives up after its time bound, or on cancel', async () => {
  const fifo = join(dir, 'silent.fifo');
  execFileSync('mkfifo', [fifo]);
  const clock = new TimerClock();
  const pending = openCluster(request({ env: { KUBECONFIG: fifo } }), { clock, readTimeoutMs: 10_000 });
  await clock.timerSet;
  clock.advance(10_000);
  await assert.rejects(
    pending,
    /cannot read the kubeconfig .*silent\.fifo: .*gave no end of file within 10 s \(a FIFO/,
  );

  const ac = new AbortController();
  const cancelled = openCluster(request({ env: { KUBECONFIG: fifo } }), { signal: ac.signal });
  ac.abort();
  await assert.rejects(cancelled, (err: ClusterError) => err.kind === 'cancelled');
});

test('a FIFO is read as kubectl reads it (KUBECONFIG=<(...)), and an endless writer stops at the bound', async () => {
  const fifo = join(dir, 'config.fifo');
  execFileSync('mkfifo', [fifo]);
  const text = readFileSync(first, 'utf8');
  const writer = open(fifo, 'w').then(async (h) => {
    await h.write(text);
    await h.close();
  });
  const api = await openCluster(request({ env: { KUBECONFIG: fifo } }));
  await writer;
  assert.equal(api.target.context, 'one');

  const endless = join(dir, 'endless.fifo');
  execFileSync('mkfifo', [endless]);
  const yes = spawn('sh', ['-c', `yes 'clusters: []' > '${endless}'`], { stdio: 'ignore' });
  try {
    await assert.rejects(openCluster(request({ env: { KUBECONFIG: endless } })), /gives more than 16 MiB/);
  } finally {
    yes.kill();
  }
});

test('a context whose cluster or user entry is missing names it and lists what is there', async () => {
  const path = file('dangling.yaml', [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{name: real, cluster: {server: "https://127.0.0.1:1"}}]',
    'users: [{name: u, user: {token: some-token}}]',
    'contexts: [{name: a, context: {cluster: gone, user: u}}, {name: b, context: {cluster: real, user: nobody}}]',
    'current-context: a',
  ]);
  await assert.rejects(
    openCluster(request({ configFile: path })),
    /context "a" names cluster "gone", which is not in the kubeconfig \(.*dangling\.yaml\)\. Clusters there: real\./,
  );
  await assert.rejects(
    openCluster(request({ configFile: path, context: 'b' })),
    /context "b" names user "nobody", which is not in the kubeconfig .* Users there: u\./,
  );
});

test('a missing client-certificate file is named (relative to the kubeconfig), with no advice about exec plugins', async () => {
  const path = file('cert.yaml', [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]',
    'users: [{name: admin-cert, user: {client-certificate: pki/admin.crt, client-key: pki/admin.key}}]',
    'contexts: [{name: cert, context: {cluster: c, user: admin-cert}}]',
    'current-context: cert',
  ]);
  await assert.rejects(openCluster(request({ configFile: path })), (err: ClusterError) => {
    assert.equal(err.kind, 'config');
    assert.ok(
      err.message.startsWith(
        `the client-certificate of user "admin-cert" of context "cert", ${join(dir, 'pki/admin.crt')}, cannot be read: no such file.`,
      ),
      err.message,
    );
    assert.doesNotMatch(err.message, /exec/);
    return true;
  });
});
