// The watch's recovery rules with a scripted API server: resume from the last resourceVersion, re-list on 410
// (answer or ERROR event) reporting pods that vanished meanwhile, re-watch after 30 s of silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '../../server/src/runIo/errors';
import { watchPods, type PodEvent } from '../../server/src/runIo/podWatch';
import { ManualClock } from './support/manualClock';
import { event, pod, ScriptedApi } from './support/scriptedApi';

function collect(api: ScriptedApi, clock: ManualClock) {
  const events: PodEvent[] = [];
  const watch = watchPods(api, { selector: { labelSelector: 'x=y' }, clock, onEvent: (e) => events.push(e) });
  return { events, watch };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(check(), 'condition not reached');
}

test('a dropped watch resumes from the last resourceVersion seen, without a re-list', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [{ items: [pod('a', '10')], resourceVersion: '10' }];
  api.watches = [
    [event('MODIFIED', pod('a', '11')), { cut: true }],
    [event('MODIFIED', pod('a', '12')), { hang: true }],
  ];
  const { events, watch } = collect(api, clock);
  await until(() => events.length === 3);
  watch.stop();
  await watch.done;
  assert.deepEqual(api.calls, ['list', 'watch 10', 'watch 11']);
  assert.deepEqual(
    events.map((e) => `${e.type} ${e.pod.metadata?.resourceVersion}`),
    ['ADDED 10', 'MODIFIED 11', 'MODIFIED 12'],
  );
});

test('410 Gone (an answer or an ERROR event) re-lists and reports pods deleted in the gap', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [
    { items: [pod('a', '10'), pod('b', '10')], resourceVersion: '10' },
    { items: [pod('a', '30')], resourceVersion: '30' },
    { items: [pod('a', '30')], resourceVersion: '31' },
  ];
  api.watches = [
    [event('ERROR', { kind: 'Status', code: 410, reason: 'Expired' })],
    new ClusterError('gone', 'Gone', 410),
    [{ hang: true }],
  ];
  const { events, watch } = collect(api, clock);
  await until(() => api.calls.length === 6);
  watch.stop();
  await watch.done;
  assert.deepEqual(api.calls, ['list', 'watch 10', 'list', 'watch 30', 'list', 'watch 31']);
  assert.deepEqual(
    events.map((e) => `${e.type} ${e.pod.metadata?.name}${e.synthetic ? ' (from re-list)' : ''}`),
    ['ADDED a', 'ADDED b', 'MODIFIED a', 'DELETED b (from re-list)'],
  );
});

test('30 s without a byte re-watches from the same version', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [{ items: [], resourceVersion: '5' }];
  api.watches = [[{ hang: true }], [{ hang: true }]];
  const { watch } = collect(api, clock);
  await until(() => api.calls.length === 2);
  clock.advance(29_999);
  await new Promise((r) => setImmediate(r));
  assert.equal(api.calls.length, 2);
  clock.advance(1);
  await until(() => api.calls.length === 3);
  watch.stop();
  await watch.done;
  assert.deepEqual(api.calls, ['list', 'watch 5', 'watch 5']);
});

test('an unreachable server is retried with backoff; 403 ends the watch with the message', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [
    new ClusterError('unreachable', 'ECONNREFUSED'),
    new ClusterError('unreachable', 'ECONNREFUSED'),
    new ClusterError('forbidden', 'user "viewer" may not list pods'),
  ];
  const { watch } = collect(api, clock);
  await assert.rejects(watch.done, /may not list pods/);
  assert.deepEqual(clock.sleeps, [250, 500]);
});

test('an outage longer than maxOutageMs gives up with a clear error', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = Array.from({ length: 100 }, () => new ClusterError('unreachable', 'ECONNREFUSED'));
  const watch = watchPods(api, { selector: {}, clock, maxOutageMs: 10_000, onEvent: () => {} });
  await assert.rejects(watch.done, /gave up watching pods after 10 s without the API server: ECONNREFUSED/);
});

test('stop() from an event of the first list ends the watch at once, not at the idle timeout', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [{ items: [pod('a', '10', 'Failed')], resourceVersion: '10' }];
  api.watches = [[{ hang: true }]];
  const watch: { stop: () => void; done: Promise<void> } = watchPods(api, {
    selector: { labelSelector: 'x=y' },
    clock,
    // The listed pod ends the caller's interest, as a pod that already failed ends a run's try.
    onEvent: () => watch.stop(),
  });
  let ended = false;
  void watch.done.then(() => (ended = true));
  await until(() => ended);
  assert.equal(clock.now(), 1_000_000, 'no time passed: the idle timer did not end it');
});

test('a watch resumed after an outage says it is watching again (no re-list, so no "synced" follows)', async () => {
  const api = new ScriptedApi();
  const clock = new ManualClock();
  api.lists = [{ items: [pod('a', '10')], resourceVersion: '10' }];
  api.watches = [[{ cut: true }], new ClusterError('unreachable', 'ECONNREFUSED'), [{ hang: true }]];
  const statuses: string[] = [];
  const watch = watchPods(api, {
    selector: {},
    clock,
    onEvent: () => {},
    onStatus: (s) => statuses.push(s.kind),
  });
  await until(() => statuses.filter((s) => s === 'watching').length === 2);
  watch.stop();
  await watch.done;
  // The cut and the refused connection are each retried; the stream that opens then is reported.
  assert.deepEqual(statuses, ['synced', 'watching', 'reconnecting', 'reconnecting', 'watching']);
  assert.deepEqual(api.calls, ['list', 'watch 10', 'watch 10', 'watch 10']);
});
