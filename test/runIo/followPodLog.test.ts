// The follower's stream handling with a scripted API server: cuts resume from the last second, a clean end of a
// running container is a kubelet cut, the end comes only with the container's exit (and a last non-follow read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, httpErrorMessage } from '../../server/src/runIo/errors';
import { followPodLog, type LogNotice } from '../../server/src/runIo/followPodLog';
import { ManualClock } from './support/manualClock';
import { pod, ScriptedApi } from './support/scriptedApi';

const T = (s: number, n: number) => `2026-11-28T22:00:0${s}.${String(n).padStart(9, '0')}Z`;
const running = pod('p', '1', 'Running', {
  status: { phase: 'Running', containerStatuses: [{ name: 'base', state: { running: {} } }] },
});
const exited = pod('p', '2', 'Succeeded', {
  status: { phase: 'Succeeded', containerStatuses: [{ name: 'base', state: { terminated: { exitCode: 0 } } }] },
});

test('a cut mid-line and a kubelet-side clean end both resume; every line once, none partial', async () => {
  const api = new ScriptedApi();
  const notices: LogNotice[] = [];
  api.logs = [
    [`${T(1, 1)} one\n${T(1, 2)} tw`, { cut: true }],
    [`${T(1, 1)} one\n${T(1, 2)} two\n${T(2, 1)} three\n`],
    [`${T(2, 1)} three\n${T(3, 1)} four\n`],
    [`${T(3, 1)} four\n${T(3, 2)} five\n`],
  ];
  api.reads = [running, exited];
  const lines: string[] = [];
  const r = await followPodLog(api, 'p', {
    clock: new ManualClock(),
    onLines: (ls) => lines.push(...ls.map((l) => l.text)),
    onNotice: (n) => notices.push(n),
  });
  assert.deepEqual(lines, ['one', 'two', 'three', 'four', 'five']);
  assert.equal(r.end, 'exited');
  assert.deepEqual(api.calls, [
    'log follow -',
    'log follow 2026-11-28T22:00:01Z',
    'read p',
    'log follow 2026-11-28T22:00:02Z',
    'read p',
    'log once 2026-11-28T22:00:03Z',
  ]);
  assert.equal(api.logRequests[0].container, 'base');
  assert.ok(api.logRequests.every((q) => q.timestamps));
  assert.deepEqual(
    notices.map((n) => n.kind),
    ['resumed', 'resumed'],
  );
});

test('a container that is not running yet is waited for; a pod that ends without starting ends the follow', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  const waiting = pod('p', '1', 'Pending', {
    status: {
      phase: 'Pending',
      containerStatuses: [{ name: 'base', state: { waiting: { reason: 'ContainerCreating' } } }],
    },
  });
  const failed = pod('p', '2', 'Failed', {
    status: { phase: 'Failed', containerStatuses: [{ name: 'base', state: { waiting: { reason: 'ErrImagePull' } } }] },
  });
  const notStarted = new ClusterError(
    'invalid',
    'container "base" in pod "p" is waiting to start: ContainerCreating',
    400,
  );
  api.logs = [notStarted, notStarted];
  api.reads = [waiting, failed];
  const r = await followPodLog(api, 'p', { clock, onLines: () => assert.fail('no lines') });
  assert.equal(r.end, 'never-started');
  assert.deepEqual(clock.sleeps, [1000]);
});

test('a pod not on a node yet (the API server answers 204 No Content) is waited for, then followed', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  const unscheduled = pod('p', '1', 'Pending', { status: { phase: 'Pending' } });
  const target = { context: 'c', namespace: 'n', server: 'https://k8s', user: 'u' };
  const noNode = httpErrorMessage(204, '', 'get pods/log', target);
  assert.match(noNode.message, /^get pods\/log: nothing to read yet, the pod is not on a node \(204 No Content\)$/);
  api.logs = [noNode, [`${T(1, 1)} one\n`], [`${T(1, 1)} one\n`]];
  const notices: LogNotice[] = [];
  const lines: string[] = [];
  api.reads = [unscheduled, exited];
  const r = await followPodLog(api, 'p', {
    clock,
    onLines: (ls) => lines.push(...ls.map((l) => l.text)),
    onNotice: (n) => notices.push(n),
  });
  assert.deepEqual(lines, ['one']);
  assert.equal(r.end, 'exited');
  assert.deepEqual(clock.sleeps, [1000]);
  assert.deepEqual(
    notices.map((n) => n.kind),
    ['waiting'],
  );
});

test('the pod deleted while following ends the follow with pod-gone', async () => {
  const api = new ScriptedApi();
  api.logs = [[`${T(1, 1)} one\n`]];
  api.reads = [null];
  const lines: string[] = [];
  const r = await followPodLog(api, 'p', {
    clock: new ManualClock(),
    onLines: (ls) => lines.push(...ls.map((l) => l.text)),
  });
  assert.deepEqual(lines, ['one']);
  assert.equal(r.end, 'pod-gone');
});

test('a 403 on the log is not retried', async () => {
  const api = new ScriptedApi();
  api.logs = [new ClusterError('forbidden', 'user "x" may not get pods/log')];
  await assert.rejects(
    followPodLog(api, 'p', { clock: new ManualClock(), onLines: () => {} }),
    /may not get pods\/log/,
  );
});
