// The cluster check "Run Task on Cluster" makes before its questions, with the real client against loopback
// servers: a context missing from the kubeconfig, a closed port and a login page each fail at once with the
// cluster module's message and are "cluster unusable" (the notification offers Select Kubernetes Context and
// Retry); a server that answers passes after two cheap requests (the version and one absent pod).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCluster, type KubeconfigSettings } from '../../../client/src/cluster/clusterCheck';
import { isClusterUnusable } from '../../../client/src/cluster/runFailureNotice';
import { loopbackServer, sendJson, sendLoginPage, writeKubeconfig } from '../../support/loopbackServer';

const dir = mkdtempSync(join(tmpdir(), 'cluster-check-'));
const settings = (configFile: string, context: string | null = null): KubeconfigSettings => ({
  inCluster: false,
  configFile,
  context,
  clusterContext: null,
  namespace: 'default',
});

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a context missing from the kubeconfig, a closed port, a login page: each fails at once, cluster unusable', async () => {
  const html = await loopbackServer((_req, res) => sendLoginPage(res));
  try {
    const port = await closedPort();
    const cases = [
      { settings: settings(writeKubeconfig(dir, 'ctx.yaml', html.url), 'no-such-context'), says: /no-such-context/ },
      { settings: settings(writeKubeconfig(dir, 'closed.yaml', `http://127.0.0.1:${port}`)), says: /127\.0\.0\.1/ },
      { settings: settings(writeKubeconfig(dir, 'html.yaml', html.url)), says: /Sign in - Corp SSO/ },
    ];
    // The first use loads @kubernetes/client-node (seconds on a busy machine): not part of what is timed.
    await checkCluster(cases[0].settings, {}, 2_000);
    for (const c of cases) {
      const started = Date.now();
      const found = await checkCluster(c.settings, {}, 2_000);
      assert.equal(found.ok, false);
      if (found.ok) continue;
      assert.match(found.message, c.says);
      assert.doesNotMatch(found.message, /\n|\bat .*:\d+:\d+/);
      assert.ok(isClusterUnusable(found.error), `${found.message}: another context or a retry is the next step`);
      assert.ok(Date.now() - started < 5_000, `answered in ${Date.now() - started} ms`);
    }
  } finally {
    await html.close();
  }
});

test('a server that answers passes, after the version and one absent pod were asked for', async () => {
  const api = await loopbackServer((req, res) =>
    req.url === '/version'
      ? sendJson(res, 200, { gitVersion: 'v1.20.2' })
      : sendJson(res, 200, { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '5' }, items: [] }),
  );
  try {
    const found = await checkCluster(settings(writeKubeconfig(dir, 'ok.yaml', api.url)), {});
    assert.ok(found.ok, found.ok ? '' : found.message);
    assert.equal(found.version, 'v1.20.2');
    assert.equal(found.namespace, 'default');
    assert.deepEqual(api.requests, [
      'GET /version',
      'GET /api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Ddataband-cluster-check',
    ]);
  } finally {
    await api.close();
  }
});
