// `dbnd-cfg run` as a user meets a cluster or kubeconfig that cannot be used: the process (the bundled CLI) ends
// at once with exit 4 (the cluster cannot be used) or 3 (no pod to build) and one clear line, never a stack trace,
// a hang or minutes of retries. The API servers are loopback servers started and stopped by each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS } from '../support/paths';
import {
  loopbackServer,
  sendJson,
  sendLoginPage,
  sendStatus,
  writeKubeconfig,
  type Handler,
} from '../support/loopbackServer';

const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-run-'));
// The guide's env, with an image that exists (no build step) and no context of its own: the kubeconfig decides.
const project = join(dir, 'project.cfg');
writeFileSync(
  project,
  [
    '[run]',
    'environments = ["local", "k8s"]',
    '[k8s]',
    '_from = local',
    'remote_engine = k8s_engine',
    '[k8s_engine]',
    '_type = kubernetes',
    'container_repository = databand_examples',
    'container_tag = v1',
    'docker_build = False',
    'namespace = nope',
    '',
  ].join('\n'),
);

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dbnd-cfg run` on the project with KUBECONFIG; `started` is called once the process runs. */
function dbndRun(kubeconfig: string, extra: string[] = [], started?: (pid: number) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI_JS, 'run', '--file', project, '--env', 'k8s', '--task', 'my_task', ...extra],
      { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig }, timeout: 60_000 },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (child.pid !== undefined) started?.(child.pid);
  });
}

const noStack = (r: Ran) => assert.doesNotMatch(r.stderr, /\n\s+at |internal error|TypeError|SyntaxError/, r.stderr);

const api =
  (create: Handler): Handler =>
  (req, res, body) => {
    if (req.url === '/version') return sendJson(res, 200, { gitVersion: 'v1.20.2' });
    if (req.method === 'POST') return create(req, res, body);
    sendStatus(res, 404, 'NotFound', 'not found');
  };

test('--env local: the env runs locally, so there is no pod to submit (exit 3, said truthfully)', async () => {
  const r = await new Promise<Ran>((resolve) => {
    const child = spawn(process.execPath, [CLI_JS, 'run', '--file', project, '--env', 'local', '--task', 'my_task'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /env "local" runs locally: it has no remote_engine, so dbnd runs my_task on this machine/);
  assert.match(r.stderr, /`dbnd run my_task --env local`/);
  assert.doesNotMatch(r.stderr, /would fail/);
});

test('a server written without a scheme, a missing namespace: exit 4 at once with the namespace, no retrying', async () => {
  const server = await loopbackServer(
    api((_q, res) => sendStatus(res, 404, 'NotFound', 'namespaces "nope" not found')),
  );
  try {
    const r = await dbndRun(writeKubeconfig(dir, 'noscheme.yaml', `127.0.0.1:${server.port}`));
    assert.equal(r.code, 4, r.stderr);
    assert.match(
      r.stderr,
      /namespace "nope" does not exist on the cluster of context "loop" \(http:\/\/127\.0\.0\.1:\d+;/,
    );
    assert.doesNotMatch(r.stderr, /retrying|submitted/);
    assert.equal(server.requests.filter((q) => q.startsWith('POST')).length, 1);
    noStack(r);
  } finally {
    await server.close();
  }
});

test('ftp:// is exit 4 with "unsupported protocol scheme"', async () => {
  const r = await dbndRun(writeKubeconfig(dir, 'ftp.yaml', 'ftp://127.0.0.1:6443'));
  assert.equal(r.code, 4, r.stderr);
  assert.match(
    r.stderr,
    /cluster error: cluster "loop" has server ftp:\/\/127\.0\.0\.1:6443: unsupported protocol scheme "ftp"/,
  );
  noStack(r);
});

test('an HTML login page (a proxy, an expired SSO session): exit 4 naming the server, nothing submitted', async () => {
  const server = await loopbackServer((_req, res) => sendLoginPage(res));
  try {
    const r = await dbndRun(writeKubeconfig(dir, 'html.yaml', server.url));
    assert.equal(r.code, 4, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(`the server ${server.url} of context "loop" did not answer as a Kubernetes API server`),
    );
    assert.match(r.stderr, /login page of a proxy/);
    assert.doesNotMatch(r.stderr, /submitted/);
    noStack(r);
  } finally {
    await server.close();
  }
});

test('a plain http:// server (kubectl proxy) is used: the dry run goes through it', async () => {
  const server = await loopbackServer(api((_q, res, body) => sendJson(res, 201, JSON.parse(body))));
  try {
    const r = await dbndRun(writeKubeconfig(dir, 'http.yaml', server.url), ['--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(server.requests.some((q) => q.startsWith('POST /api/v1/namespaces/nope/pods?dryRun=All')));
  } finally {
    await server.close();
  }
});

test('KUBECONFIG=/dev/zero: exit 4 at once at the size bound', async () => {
  const r = await dbndRun('/dev/zero');
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /cannot read the kubeconfig \/dev\/zero: .*more than 16 MiB/);
  noStack(r);
});

test('KUBECONFIG on a FIFO whose writer never finishes: SIGTERM still ends the run (exit 130)', async () => {
  const fifo = join(dir, 'kubeconfig.fifo');
  execFileSync('mkfifo', [fifo]);
  let writer: Awaited<ReturnType<typeof open>> | undefined;
  const r = await dbndRun(fifo, [], (pid) => {
    // Opening the write end returns once the CLI has the FIFO open for reading: it is then waiting on it.
    void open(fifo, 'w').then((h) => {
      writer = h;
      process.kill(pid, 'SIGTERM');
    });
  });
  await writer?.close();
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /cancelling/);
  noStack(r);
});
