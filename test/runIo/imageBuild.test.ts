// The image build step (server/src/runIo/imageBuild.ts) through its real spawn path: a real executable fake
// `docker` (test/support/fakeDocker.ts) first on the PATH records how it was called, prints, fails, or waits to be
// killed. dbnd's commands, in dbnd's folders; the output streamed as lines; a failed build or push, docker missing
// or no daemon each end the step with a message that says what happened and what to do; Cancel stops the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandText,
  imageBuildCommands,
  runImageBuild,
  type ImageBuildRequest,
  type OutputLine,
} from '../../server/src/runIo';
import { fakeDocker, processRuns, type FakeDocker } from '../support/fakeDocker';

const HOME = mkdtempSync(join(tmpdir(), 'dbnd-home-'));
const START = mkdtempSync(join(tmpdir(), 'run-start-'));
const IMAGE = 'databand_examples:dbnd_build_20260101_120000';
const PLAN = { image: IMAGE, push: true, dbndHome: HOME };

function request(docker: FakeDocker, extra: Partial<ImageBuildRequest> = {}): ImageBuildRequest {
  return { build: PLAN, startDir: START, env: { PATH: docker.dir }, engineName: 'your_kubernetes_engine', ...extra };
}

test("imageBuildCommands: dbnd's build in DBND_HOME with its Dockerfile, then the push where the run starts", () => {
  const commands = imageBuildCommands(PLAN, START);
  assert.deepEqual(commands, [
    { step: 'build', argv: ['docker', 'build', '-t', IMAGE, '-f', join(HOME, 'Dockerfile'), '.'], cwd: HOME },
    { step: 'push', argv: ['docker', 'push', IMAGE], cwd: START },
  ]);
  assert.equal(commandText(commands[0]), `docker build -t ${IMAGE} -f ${HOME}/Dockerfile .`);
  assert.deepEqual(
    imageBuildCommands({ ...PLAN, push: false, dbndHome: null }, START).map((c) => [c.step, c.cwd]),
    [['build', START]],
    'docker_build_push off: no push; no DBND_HOME in the plan: the start folder',
  );
  assert.equal(
    commandText({ step: 'build', argv: ['docker', 'build', '-f', "/my project/it's/Dockerfile"], cwd: '/' }),
    `docker build -f '/my project/it'\\''s/Dockerfile'`,
  );
});

test('a build and a push that succeed: the exact commands, in their folders, output streamed line by line', async () => {
  const docker = fakeDocker('echo "step 1/2 $1"; printf "to stderr\\r\\nno newline" >&2; echo "host=$DOCKER_HOST"');
  const lines: string[] = [];
  const commands: string[] = [];
  const result = await runImageBuild(
    request(docker, {
      env: { PATH: docker.dir, DOCKER_HOST: 'unix:///tmp/some.sock' },
      onCommand: (c) => commands.push(c.step),
      onLine: (l: OutputLine, c) => lines.push(`${c.step} ${l.stream}: ${l.text}`),
    }),
  );
  assert.deepEqual(result, { ok: true, image: IMAGE });
  assert.deepEqual(docker.calls(), [
    `${HOME} [build][-t][${IMAGE}][-f][${HOME}/Dockerfile][.]`,
    `${START} [push][${IMAGE}]`,
  ]);
  assert.deepEqual(commands, ['build', 'push']);
  for (const step of ['build', 'push']) {
    const of = lines.filter((l) => l.startsWith(step));
    assert.deepEqual(
      of.filter((l) => l.includes('stdout')),
      [`${step} stdout: step 1/2 ${step}`, `${step} stdout: host=unix:///tmp/some.sock`],
    );
    assert.deepEqual(
      of.filter((l) => l.includes('stderr')),
      [`${step} stderr: to stderr`, `${step} stderr: no newline`],
    );
  }
});

test("a failed build: dbnd's words, the command's last lines, exit code; no push is tried", async () => {
  const docker = fakeDocker(
    'i=1; while [ $i -le 30 ]; do echo "line $i"; i=$((i+1)); done; echo "COPY failed" >&2; exit 3',
  );
  const result = await runImageBuild(request(docker));
  assert.ok(!result.ok);
  const f = result.failure;
  assert.equal(f.kind, 'failed');
  assert.equal(f.command.step, 'build');
  assert.equal(f.lastLines.length, 20, 'bounded: the last 20 lines');
  assert.equal(f.lastLines.at(-1), 'COPY failed');
  assert.equal(f.lastLines[0], 'line 12');
  assert.match(f.message, new RegExp(`^failed building docker image ${IMAGE}: \`docker build -t ${IMAGE} -f `));
  assert.match(f.message, new RegExp(`\\(in ${HOME}\\) exited with code 3; its last output:\\n  line 12\\n`));
  assert.match(f.message, /\n {2}COPY failed$/);
  assert.equal(docker.calls().length, 1, 'the push is not run after a failed build');
});

test('a failed push: "failed to push docker image", after a build that worked', async () => {
  const docker = fakeDocker(
    'if [ "$1" = push ]; then echo "denied: requested access to the resource is denied" >&2; exit 1; fi',
  );
  const result = await runImageBuild(request(docker));
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'failed');
  assert.equal(result.failure.command.step, 'push');
  assert.match(result.failure.message, new RegExp(`^failed to push docker image ${IMAGE}: \`docker push ${IMAGE}\``));
  assert.match(result.failure.message, /denied: requested access to the resource is denied$/);
  assert.equal(docker.calls().length, 2);
});

test("no daemon: the docker client's own line, DOCKER_HOST, and what to do instead", async () => {
  const docker = fakeDocker(
    'echo "Cannot connect to the Docker daemon at unix:///nowhere.sock. Is the docker daemon running?" >&2; exit 1',
  );
  const result = await runImageBuild(
    request(docker, { env: { PATH: docker.dir, DOCKER_HOST: 'unix:///nowhere.sock' } }),
  );
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'no-daemon');
  assert.equal(
    result.failure.message,
    `cannot build image ${IMAGE}: docker reaches no Docker daemon at DOCKER_HOST=unix:///nowhere.sock: ` +
      'Cannot connect to the Docker daemon at unix:///nowhere.sock. Is the docker daemon running? ' +
      'Start Docker (or set DOCKER_HOST to a daemon that runs), or set container_tag in [your_kubernetes_engine] ' +
      'to the tag of an image that already exists in databand_examples (dbnd then builds nothing; ' +
      'docker_build = False needs that container_tag too).',
  );
});

test('docker not on the PATH: no process, a message that says to install and start Docker or set a tag', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-docker-'));
  const result = await runImageBuild({ build: PLAN, startDir: START, env: { PATH: empty } });
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'docker-missing');
  assert.match(result.failure.message, /^cannot build image \S+: there is no docker program on the PATH\. /);
  assert.match(result.failure.message, /Install and start Docker, or set container_tag in the engine's section/);
});

test('a DBND_HOME that is not a folder is said so, not taken for a missing docker', async () => {
  const docker = fakeDocker('exit 0');
  const result = await runImageBuild(request(docker, { build: { ...PLAN, dbndHome: join(HOME, 'gone') } }));
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'failed');
  assert.match(result.failure.message, /could not start: \S+gone is not a folder/);
});

test('Cancel stops the build and every process it started; the step ends as cancelled, no push', async () => {
  // The script starts a child that would outlive it, records both pids, then waits.
  const docker = fakeDocker('sleep 600 & echo $! >> "$FAKE_PIDS"; echo $$ >> "$FAKE_PIDS"; echo ready; wait');
  const ac = new AbortController();
  const result = await runImageBuild(
    request(docker, {
      signal: ac.signal,
      onLine: (l) => {
        if (l.text === 'ready') ac.abort();
      },
    }),
  );
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'cancelled');
  assert.equal(result.failure.message, `cancelled: docker build of ${IMAGE} was stopped`);
  const pids = docker.pidList();
  assert.equal(pids.length, 2);
  for (const pid of pids) assert.equal(processRuns(pid), false, `process ${pid} still runs`);
  assert.equal(docker.calls().length, 1);
});

test('aborted before it starts: nothing runs', async () => {
  const docker = fakeDocker('exit 0');
  const ac = new AbortController();
  ac.abort();
  const result = await runImageBuild(request(docker, { signal: ac.signal }));
  assert.ok(!result.ok);
  assert.equal(result.failure.kind, 'cancelled');
  assert.deepEqual(docker.calls(), []);
});

test('a huge output keeps memory bounded: a 1 MB line arrives in 16 KiB pieces, the tail holds 20 lines', async () => {
  const docker = fakeDocker(
    'head -c 1048576 /dev/zero | tr "\\0" x; echo; i=0; while [ $i -lt 2000 ]; do echo "n $i"; i=$((i+1)); done; exit 1',
  );
  let pieces = 0;
  let longest = 0;
  const result = await runImageBuild(
    request(docker, {
      onLine: (l) => {
        if (l.text.startsWith('x')) pieces++;
        longest = Math.max(longest, l.text.length);
      },
    }),
  );
  assert.ok(!result.ok);
  assert.equal(pieces, 64);
  assert.equal(longest, 16 * 1024);
  assert.equal(result.failure.lastLines.length, 20);
  assert.equal(result.failure.lastLines.at(-1), 'n 1999');
});
