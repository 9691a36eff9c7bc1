// What the editor's run shows for the clusters and kubeconfigs that cannot be used: the errors come from the real
// client against loopback servers (an HTML login page, ftp://, a missing namespace, /dev/zero), and each becomes
// one notification with the cluster module's message and a Show Output button, with no stack trace anywhere.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, openCluster, type KubeconfigRequest } from '../../../server/src/runIo';
import {
  errorLine,
  RETRY,
  RunFailed,
  runFailureNotice,
  SELECT_CONTEXT,
  SHOW_OUTPUT,
} from '../../../client/src/cluster/runFailureNotice';
import { loopbackServer, sendJson, sendLoginPage, sendStatus, writeKubeconfig } from '../../support/loopbackServer';

const dir = mkdtempSync(join(tmpdir(), 'run-notice-'));
const request = (env: Record<string, string>, configFile: string | null = null): KubeconfigRequest => ({
  inCluster: false,
  configFile,
  context: null,
  clusterContext: null,
  namespace: 'nope',
  env,
});

/** The error a run of the editor ends with (clusterRunner wraps it with its channel), and how it is shown. */
async function shown(failure: Promise<unknown>) {
  const err = await failure.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  let shownOutput = 0;
  const notice = runFailureNotice('my_task on k8s', new RunFailed(err, () => shownOutput++));
  notice.showOutput?.();
  return { err, notice, shownOutput, channelLine: `error: ${errorLine(err)}` };
}

const noStack = (text: string) => assert.doesNotMatch(text, /\n|\bat .*:\d+:\d+|TypeError/, text);

test('each cluster that cannot be used: a notification with its message and Show Output, no stack', async () => {
  const html = await loopbackServer((_req, res) => sendLoginPage(res));
  const noNamespace = await loopbackServer((req, res) =>
    req.url === '/version'
      ? sendJson(res, 200, { gitVersion: 'v1.20.2' })
      : sendStatus(res, 404, 'NotFound', 'namespaces "nope" not found'),
  );
  try {
    const cases = [
      {
        failure: () =>
          openCluster(request({}, writeKubeconfig(dir, 'html.yaml', html.url))).then((api) => api.serverVersion()),
        says: /did not answer as a Kubernetes API server.*HTML page titled "Sign in - Corp SSO".*login page of a proxy/,
        cluster: true,
      },
      {
        failure: () => openCluster(request({}, writeKubeconfig(dir, 'ftp.yaml', 'ftp://127.0.0.1:6443'))),
        says: /unsupported protocol scheme "ftp"/,
        cluster: true,
      },
      {
        failure: () =>
          openCluster(request({}, writeKubeconfig(dir, 'ns.yaml', `127.0.0.1:${noNamespace.port}`))).then((api) =>
            api.createPod({ metadata: { name: 'p' } }),
          ),
        says: /namespace "nope" does not exist .*create namespace nope/,
        // Another context would not help: the namespace is the engine's (or the chosen) one.
        cluster: false,
      },
      {
        failure: () => openCluster(request({ KUBECONFIG: '/dev/zero' })),
        says: /\/dev\/zero gives more than 16 MiB/,
        cluster: true,
      },
    ];
    for (const c of cases) {
      const { err, notice, shownOutput, channelLine } = await shown(c.failure());
      assert.ok(err instanceof ClusterError, String(err));
      assert.match(notice.message, /^my_task on k8s: /);
      assert.match(notice.message, c.says);
      // The cluster cannot be used: another context, or a new try once it is back, is the next step.
      assert.deepEqual(notice.actions, c.cluster ? [SELECT_CONTEXT, RETRY, SHOW_OUTPUT] : [SHOW_OUTPUT]);
      assert.equal(shownOutput, 1, 'the button shows the run output');
      assert.equal(notice.cancelled, false);
      noStack(notice.message);
      noStack(channelLine);
    }
  } finally {
    await html.close();
    await noNamespace.close();
  }
});

test('an unexpected error shows its first line only, never its stack; a cancel is information, not an error', () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'status')");
  assert.ok(bug.stack?.includes('\n    at '));
  const notice = runFailureNotice('my_task on k8s', new RunFailed(bug, () => undefined));
  assert.equal(
    notice.message,
    "my_task on k8s: unexpected error (a bug in the extension, please report it): Cannot read properties of undefined (reading 'status')",
  );
  assert.deepEqual(notice.actions, [SHOW_OUTPUT], 'a bug is no reason to pick another context');
  const cancel = runFailureNotice('t on e', new RunFailed(new ClusterError('cancelled', 'cancelled'), () => undefined));
  assert.equal(cancel.cancelled, true);
  assert.equal(cancel.message, 'Run of t on e cancelled; no pod was created');
  assert.doesNotMatch(cancel.message, /cancelled.*cancelled/);
  // Without a channel (the error came before the run had one): no Show Output; the cluster's next steps stay.
  assert.deepEqual(runFailureNotice('t', new ClusterError('config', 'bad')).actions, [SELECT_CONTEXT, RETRY]);
  assert.deepEqual(runFailureNotice('t', new ClusterError('invalid', 'bad pod')).actions, []);
});
