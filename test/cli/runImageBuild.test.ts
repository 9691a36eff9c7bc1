// `dbnd-cfg run` (the bundled CLI) on the Kubernetes guide's configuration (test/workspace: container_tag empty,
// docker_build = True): it builds and pushes the image as dbnd does before it submits, with a real executable
// fake `docker` on the PATH and a loopback API server that records every request. --dry-run says what it would
// build and builds nothing; a failed build, a missing docker or a cancel ends the run before any pod is POSTed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS, repoPath } from '../support/paths';
import { fakeDocker, processRuns } from '../support/fakeDocker';
import { loopbackServer, sendJson, sendStatus, writeKubeconfig, type LoopbackServer } from '../support/loopbackServer';

const WORKSPACE = repoPath('test', 'workspace');
const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-build-'));
const TAG = /databand_examples:dbnd_build_\d{8}_\d{6}/;

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `dbnd-cfg run` in the guide's workspace against `server`, docker looked up in `path`; `onStderr` sees stderr so far. */
function startRun(
  server: LoopbackServer,
  path: string,
  extra: string[] = [],
  onStderr?: (all: string) => void,
  env: NodeJS.ProcessEnv = {},
) {
  const kubeconfig = writeKubeconfig(dir, `kc-${server.port}.yaml`, server.url);
  const child = spawn(process.execPath, [CLI_JS, 'run', '--task', 'prepare_data', '--context', 'loop', ...extra], {
    cwd: WORKSPACE,
    env: { ...env, PATH: path, HOME: dir, KUBECONFIG: kubeconfig },
    timeout: 60_000,
  });
  const done = new Promise<Ran>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const dbndRun = (server: LoopbackServer, path: string, extra: string[] = []) => startRun(server, path, extra).done;

/** An API server that answers a pod POST with `status` (the pod echoed back for 201) and records the bodies. */
async function apiServer(status: number) {
  const bodies: string[] = [];
  const server = await loopbackServer((req, res, body) => {
    if (req.url === '/version') return sendJson(res, 200, { gitVersion: 'v1.20.2' });
    if (req.method !== 'POST') return sendStatus(res, 404, 'NotFound', 'not found');
    bodies.push(body);
    if (status === 201) return sendJson(res, 201, JSON.parse(body));
    sendStatus(res, status, 'Forbidden', 'pods is forbidden: User "tester" cannot create resource "pods"');
  });
  return { server, bodies, posts: () => server.requests.filter((r) => r.startsWith('POST')) };
}

const noStack = (r: Ran) => assert.doesNotMatch(r.stderr, /\n\s+at |internal error|TypeError/, r.stderr);

test('--dry-run: says which image it would build and push, with the commands and folders; builds nothing', async () => {
  const docker = fakeDocker('exit 0');
  const { server, posts } = await apiServer(201);
  try {
    const r = await dbndRun(server, docker.dir, ['--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => /dbnd would build and push image \S+ first/.test(l));
    assert.ok(at >= 0, r.stderr);
    assert.match(lines[at], TAG);
    const image = TAG.exec(lines[at])![0];
    assert.equal(
      lines[at + 1],
      `dbnd-cfg run:   in ${WORKSPACE}: docker build -t ${image} -f ${WORKSPACE}/Dockerfile .`,
    );
    assert.equal(lines[at + 2], `dbnd-cfg run:   in ${WORKSPACE}: docker push ${image}`);
    assert.deepEqual(docker.calls(), [], 'nothing was built');
    assert.deepEqual(posts(), ['POST /api/v1/namespaces/databand/pods?dryRun=All'], 'only the server-side dry run');
    noStack(r);
  } finally {
    await server.close();
  }
});

test('a real run builds, pushes, then submits the pod that names the image it built', async () => {
  const docker = fakeDocker('echo "Successfully did $1"');
  const { server, bodies, posts } = await apiServer(403);
  try {
    const r = await dbndRun(server, docker.dir);
    assert.equal(r.code, 4, r.stderr); // the loopback server refuses the pod: the build went first
    const image = TAG.exec(r.stderr)![0];
    assert.deepEqual(docker.calls(), [
      `${WORKSPACE} [build][-t][${image}][-f][${WORKSPACE}/Dockerfile][.]`,
      `${WORKSPACE} [push][${image}]`,
    ]);
    assert.match(r.stderr, /\ndocker build \| Successfully did build\n/);
    assert.match(r.stderr, /\ndocker push \| Successfully did push\n/);
    assert.match(r.stderr, new RegExp(`dbnd-cfg run: built and pushed ${image}\\n`));
    assert.equal(posts().length, 1, `${server.requests.join(', ')}\n${r.stderr}`);
    const pod = JSON.parse(bodies[0]) as { spec: { containers: { image: string }[] } };
    assert.equal(pod.spec.containers[0].image, image);
    noStack(r);
  } finally {
    await server.close();
  }
});

test("a failed build: exit 5 with the build's own message, and no pod is POSTed", async () => {
  const docker = fakeDocker(
    'echo "Step 1/3 : FROM python:3.9"; echo "failed to solve: COPY failed: no such file" >&2; exit 1',
  );
  const { server, posts } = await apiServer(201);
  try {
    const r = await dbndRun(server, docker.dir);
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /dbnd-cfg run: failed building docker image databand_examples:dbnd_build_\d{8}_\d{6}: /);
    assert.match(
      r.stderr,
      /exited with code 1; its last output:\n {2}Step 1\/3 : FROM python:3\.9\n {2}failed to solve/,
    );
    assert.match(r.stderr, /\nnothing was submitted\n$/);
    assert.equal(docker.calls().length, 1, 'no push after a failed build');
    assert.deepEqual(posts(), []);
    noStack(r);
  } finally {
    await server.close();
  }
});

test('docker missing from the PATH: exit 5, what to do, no pod', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-docker-'));
  const { server, posts } = await apiServer(201);
  try {
    const r = await dbndRun(server, empty);
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /there is no docker program on the PATH/);
    assert.match(
      r.stderr,
      /Install and start Docker, or set container_tag in \[your_kubernetes_engine\] to the tag of an image that already exists in databand_examples/,
    );
    assert.deepEqual(posts(), []);
    noStack(r);
  } finally {
    await server.close();
  }
});

test("no Docker daemon: exit 5 with docker's own line, the DOCKER_HOST it tried, what to do; no pod", async () => {
  const docker = fakeDocker(
    'echo "Cannot connect to the Docker daemon at $DOCKER_HOST. Is the docker daemon running?" >&2; exit 1',
  );
  const { server, posts } = await apiServer(201);
  try {
    const r = await startRun(server, docker.dir, [], undefined, { DOCKER_HOST: 'unix:///run/none.sock' }).done;
    assert.equal(r.code, 5, r.stderr);
    assert.match(
      r.stderr,
      /docker reaches no Docker daemon at DOCKER_HOST=unix:\/\/\/run\/none\.sock: Cannot connect to the Docker daemon at unix:\/\/\/run\/none\.sock\. Is the docker daemon running\? Start Docker/,
    );
    assert.deepEqual(posts(), []);
    noStack(r);
  } finally {
    await server.close();
  }
});

test('SIGTERM during the build stops docker and its children; exit 130, no pod', async () => {
  const docker = fakeDocker('sleep 600 & echo $! >> "$FAKE_PIDS"; echo $$ >> "$FAKE_PIDS"; echo ready; wait');
  const { server, posts } = await apiServer(201);
  try {
    let signalled = false;
    const run = startRun(server, docker.dir, [], (all) => {
      if (!signalled && all.includes('docker build | ready\n')) {
        signalled = true;
        run.child.kill('SIGTERM');
      }
    });
    const r = await run.done;
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /cancelling: stopping the image build/);
    assert.match(r.stderr, /cancelled: docker build of \S+ was stopped/);
    const pids = docker.pidList();
    assert.equal(pids.length, 2);
    for (const pid of pids) assert.equal(processRuns(pid), false, `process ${pid} still runs`);
    assert.deepEqual(posts(), []);
    noStack(r);
  } finally {
    await server.close();
  }
});
