// The client against loopback API servers that misbehave as real ones do: a server written without a scheme, an
// unsupported scheme, plain http (kubectl proxy), an HTML login page answered with 200, a namespace that does not
// exist, 403/422, and the transient failures (429, 503, connection refused, no answer). Each ends in one clear
// ClusterError at once, or is retried through the injected clock with its attempts and time shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCluster, runDriverPod, runPolicyFromEngine, type KubeconfigRequest } from '../../server/src/runIo';
import { ClusterError, isTransient } from '../../server/src/runIo/errors';
import type { RunEvent } from '../../server/src/runIo/runEvents';
import { describeRunEvent } from '../../server/src/runIo/describeRunEvent';
import { ManualClock } from './support/manualClock';
import {
  loopbackServer,
  selfSignedCert,
  sendJson,
  sendLoginPage,
  sendStatus,
  writeKubeconfig,
  type Handler,
} from '../support/loopbackServer';

const dir = mkdtempSync(join(tmpdir(), 'misbehaving-'));
let n = 0;

const request = (configFile: string, namespace = 'default'): KubeconfigRequest => ({
  inCluster: false,
  configFile,
  context: null,
  clusterContext: null,
  namespace,
  env: {},
});

/** A kubeconfig for `server` (as written in the file) and the cluster/user lines given. */
const config = (server: string, cluster: string[] = [], user?: string[]) =>
  writeKubeconfig(dir, `kubeconfig-${++n}.yaml`, server, cluster, user);

const version: Handler = (req, res) =>
  req.url === '/version' ? sendJson(res, 200, { gitVersion: 'v1.20.2' }) : sendStatus(res, 404, 'NotFound', 'no');

const pod = (name: string, phase: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', resourceVersion: '5' },
  status: { phase },
});

/** An API server: /version, then `creates` answers the POSTs in order; the pod itself is Succeeded. */
function apiServer(creates: Handler[]): Handler {
  return (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/version') return sendJson(res, 200, { gitVersion: 'v1.20.2' });
    if (req.method === 'POST') {
      const next = creates.shift();
      if (next) return next(req, res, body);
      return sendJson(res, 201, pod((JSON.parse(body) as { metadata: { name: string } }).metadata.name, 'Succeeded'));
    }
    if (url.searchParams.get('watch') === 'true') return res.writeHead(200, { 'Content-Type': 'application/json' });
    if (url.pathname.endsWith('/pods') && req.method === 'GET')
      return sendJson(res, 200, { kind: 'PodList', items: [], metadata: { resourceVersion: '5' } });
    const name = url.pathname.split('/').pop() ?? '';
    if (req.method === 'DELETE' || req.method === 'GET') return sendJson(res, 200, pod(name, 'Succeeded'));
    sendStatus(res, 405, 'MethodNotAllowed', 'no');
  };
}

async function run(server: string, clock = new ManualClock(), maxOutageMs?: number) {
  const api = await openCluster(request(config(server)), { clock });
  const events: RunEvent[] = [];
  const result = await runDriverPod({
    api,
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'task-1' } },
    policy: runPolicyFromEngine({}),
    clock,
    maxOutageMs,
    onEvent: (e) => events.push(e),
  });
  return { result, events, lines: events.map(describeRunEvent).filter((l): l is string => l !== null) };
}

const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at |TypeError|SyntaxError|Cannot read/, text);

test("a server without a scheme is https:// when the cluster has a CA (kubectl's rule), and the request goes through", async () => {
  const tls = selfSignedCert();
  const server = await loopbackServer(version, tls);
  try {
    const api = await openCluster(
      request(config(`127.0.0.1:${server.port}`, [`certificate-authority: ${tls.certPath}`])),
    );
    assert.equal(api.target.server, `https://127.0.0.1:${server.port}`);
    assert.equal(await api.serverVersion(), 'v1.20.2');
  } finally {
    await server.close();
  }
});

test('a server without a scheme and no TLS setting at all is http://, as kubectl takes it', async () => {
  const server = await loopbackServer(version);
  try {
    const api = await openCluster(request(config(`127.0.0.1:${server.port}`)));
    assert.equal(api.target.server, `http://127.0.0.1:${server.port}`);
    assert.equal(await api.serverVersion(), 'v1.20.2');
  } finally {
    await server.close();
  }
});

test('a plain http:// server (kubectl proxy) is used without insecure-skip-tls-verify, as kubectl uses it', async () => {
  const server = await loopbackServer(version);
  try {
    const api = await openCluster(request(config(server.url)));
    assert.equal(await api.serverVersion(), 'v1.20.2');
    assert.deepEqual(server.requests, ['GET /version']);
  } finally {
    await server.close();
  }
});

test('ftp:// is refused by name before any request: unsupported protocol scheme', async () => {
  await assert.rejects(openCluster(request(config('ftp://127.0.0.1:6443'))), (err: ClusterError) => {
    assert.equal(err.kind, 'config');
    assert.match(err.message, /cluster "loop" has server ftp:\/\/127\.0\.0\.1:6443: unsupported protocol scheme "ftp"/);
    noStack(err.message);
    return true;
  });
});

test('an HTML login page answered with 200 is a clear bad_answer naming the server, and the run submits nothing', async () => {
  const server = await loopbackServer((_req, res) => sendLoginPage(res));
  try {
    const api = await openCluster(request(config(server.url)));
    await assert.rejects(api.serverVersion(), (err: ClusterError) => {
      assert.equal(err.kind, 'bad_answer');
      assert.match(
        err.message,
        new RegExp(`the server ${server.url} of context "loop" did not answer as a Kubernetes API server`),
      );
      assert.match(err.message, /status 200, text\/html, not JSON \(an HTML page titled "Sign in - Corp SSO"\)/);
      assert.match(err.message, /login page of a proxy or of an expired single-sign-on session/);
      assert.equal(isTransient(err), false);
      return true;
    });
    // A create answered with the page does not pass for a pod.
    await assert.rejects(api.createPod({ metadata: { name: 'p' } }), /not JSON/);
  } finally {
    await server.close();
  }
});

test('a run whose creates get the login page fails at once: no "submitted", no retry, no cleanup crash', async () => {
  const server = await loopbackServer(apiServer([(_q, res) => sendLoginPage(res), (_q, res) => sendLoginPage(res)]));
  try {
    const { result, events, lines } = await run(server.url);
    assert.equal(result.outcome, 'failed');
    assert.equal(result.cause, 'cluster-error');
    assert.match(result.message, /not JSON .*HTML page titled "Sign in - Corp SSO"/);
    assert.ok(!events.some((e) => e.kind === 'submitted' || e.kind === 'connection'), lines.join('\n'));
    assert.equal(server.requests.filter((r) => r.startsWith('POST')).length, 1);
    assert.deepEqual(result.leftPods, []);
    noStack(lines.join('\n'));
  } finally {
    await server.close();
  }
});

test('a namespace that does not exist fails at once with its name and the fix (one create, no retry)', async () => {
  const server = await loopbackServer(
    apiServer([(_q, res) => sendStatus(res, 404, 'NotFound', 'namespaces "nope" not found')]),
  );
  try {
    const clock = new ManualClock();
    const api = await openCluster(request(config(server.url), 'nope'), { clock });
    const events: RunEvent[] = [];
    const result = await runDriverPod({
      api,
      pod: { metadata: { name: 'task-1' } },
      policy: runPolicyFromEngine({}),
      clock,
      onEvent: (e) => events.push(e),
    });
    assert.equal(result.cause, 'cluster-error');
    assert.match(result.message, /namespace "nope" does not exist on the cluster of context "loop"/);
    assert.match(result.message, /namespaces "nope" not found/);
    assert.match(result.message, /kubectl --context loop create namespace nope/);
    assert.equal(server.requests.filter((r) => r.startsWith('POST')).length, 1);
    assert.deepEqual(clock.sleeps, [], 'no wait at all');
    assert.ok(!events.some((e) => e.kind === 'connection'));
  } finally {
    await server.close();
  }
});

test('403 and 422 fail at once too', async () => {
  for (const [code, reason, said] of [
    [403, 'Forbidden', 'pods is forbidden: User "tester" cannot create resource "pods"'],
    [422, 'Invalid', 'Pod "task-1" is invalid: spec.containers[0].image: Required value'],
  ] as const) {
    const server = await loopbackServer(apiServer([(_q, res) => sendStatus(res, code, reason, said)]));
    try {
      const clock = new ManualClock();
      const { result } = await run(server.url, clock);
      assert.equal(result.cause, 'cluster-error', String(code));
      assert.ok(result.message.includes(said), result.message);
      assert.equal(server.requests.filter((r) => r.startsWith('POST')).length, 1, String(code));
      assert.deepEqual(clock.sleeps, [], String(code));
    } finally {
      await server.close();
    }
  }
});

test('429 and 503 are retried, each retry naming the attempts and time spent; then the pod is created', async () => {
  const server = await loopbackServer(
    apiServer([
      (_q, res) => sendStatus(res, 429, 'TooManyRequests', 'too many requests, please try again later'),
      (_q, res) => sendStatus(res, 503, 'ServiceUnavailable', 'the server is currently unable to handle the request'),
    ]),
  );
  try {
    const { result, lines } = await run(server.url);
    assert.equal(result.outcome, 'succeeded', lines.join('\n'));
    const retries = lines.filter((l) => l.includes('creating the pod failed'));
    assert.equal(retries.length, 2, lines.join('\n'));
    assert.match(retries[0], /429.*; 1 attempt in 0 s, retrying in 0\.25 s/);
    assert.match(retries[1], /503.*; 2 attempts in 0 s, retrying in 0\.5 s/);
    assert.equal(server.requests.filter((r) => r.startsWith('POST')).length, 3);
  } finally {
    await server.close();
  }
});

test('a server that keeps answering 503 is given up after the outage limit, with the attempts and time', async () => {
  const server = await loopbackServer(
    apiServer(Array.from({ length: 50 }, () => (_q, res) => sendStatus(res, 503, 'ServiceUnavailable', 'unavailable'))),
  );
  try {
    const { result } = await run(server.url, new ManualClock(), 10_000);
    assert.equal(result.cause, 'cluster-error');
    assert.match(
      result.message,
      /create pods: the API server answered 503: unavailable \(gave up after 7 attempts in 13 s\)/,
    );
  } finally {
    await server.close();
  }
});

test('connection refused (a server restarting) and no answer are transient; no answer is bounded by the clock', async () => {
  const gone = await loopbackServer(version);
  await gone.close();
  const refused = await openCluster(request(config(gone.url)));
  await assert.rejects(refused.serverVersion(), (err: ClusterError) => {
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /cannot reach the API server .* \(ECONNREFUSED\)/);
    return isTransient(err);
  });

  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const silent = await loopbackServer(() => arrived()); // never answers
  try {
    const clock = new ManualClock();
    const api = await openCluster(request(config(silent.url)), { clock, requestTimeoutMs: 5_000 });
    const answer = api.serverVersion();
    await reached;
    clock.advance(5_000);
    await assert.rejects(answer, (err: ClusterError) => {
      assert.match(err.message, /ETIMEDOUT/);
      return isTransient(err);
    });
  } finally {
    await silent.close();
  }
});
