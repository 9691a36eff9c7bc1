// The steps of a pod's attempt one by one, against the scripted API and the manual clock: submitPod (an outage is
// waited out, a refusal is final and created nothing, a conflict after a broken connection is our own pod when
// its attempt uid matches) and cleanupPod (the keep flags decide on the pod as it is now; a delete that cannot
// reach the server leaves the pod named with the kubectl command that deletes it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttemptContext } from '../../server/src/runIo/attemptContext';
import { cleanupPod } from '../../server/src/runIo/cleanupPod';
import { ClusterError } from '../../server/src/runIo/errors';
import type { RunEvent } from '../../server/src/runIo/runEvents';
import { runPolicyFromEngine } from '../../server/src/runIo/runPolicy';
import { submitPod } from '../../server/src/runIo/submitPod';
import { ManualClock } from './support/manualClock';
import { pod, ScriptedApi } from './support/scriptedApi';

function context(api: ScriptedApi, engine: Record<string, unknown> = {}) {
  const events: RunEvent[] = [];
  const clock = new ManualClock();
  const ctx: AttemptContext = {
    api,
    policy: runPolicyFromEngine(engine),
    clock,
    container: 'base',
    maxOutageMs: 10_000,
    watchIdleMs: undefined,
    signal: undefined,
    emit: (e) => events.push(e),
    onLogLines: undefined,
  };
  return { ctx, events, clock };
}

const body = { metadata: { name: 'p', labels: { dbnd_task_run_attempt_uid: 'mine' } } };

test('submitPod waits out a 503 with backoff on the clock, saying so, then the pod is created', async () => {
  const api = new ScriptedApi();
  api.creates = [new ClusterError('server', 'service unavailable', 503), pod('p', '1', 'Pending')];
  const { ctx, events, clock } = context(api);
  const submitted = await submitPod(ctx, body);
  assert.equal(submitted.ok, true);
  assert.deepEqual(clock.sleeps, [250]);
  assert.deepEqual(
    events.map((e) => e.kind === 'connection' && e.message),
    ['creating the pod failed (service unavailable); 1 attempt in 0 s, retrying in 0.25 s'],
  );
});

test('submitPod: a refusal (422) is final and created nothing, so there is nothing to clean up', async () => {
  const api = new ScriptedApi();
  api.creates = [new ClusterError('invalid', 'Pod "p" is invalid', 422)];
  const { ctx, clock } = context(api);
  const submitted = await submitPod(ctx, body);
  assert.ok(!submitted.ok);
  assert.equal(submitted.maybeCreated, false);
  assert.deepEqual(clock.sleeps, []);
  assert.deepEqual(api.calls, ['create p']);
});

test('submitPod: a conflict after a broken connection is our pod when its attempt uid matches', async () => {
  const api = new ScriptedApi();
  api.creates = [new ClusterError('interrupted', 'socket hang up'), new ClusterError('conflict', 'exists', 409)];
  const ours = pod('p', '7', 'Pending', { metadata: { name: 'p', labels: { dbnd_task_run_attempt_uid: 'mine' } } });
  api.reads = [ours];
  const { ctx } = context(api);
  const submitted = await submitPod(ctx, body);
  assert.ok(submitted.ok);
  assert.equal(submitted.pod, ours);

  const other = new ScriptedApi();
  other.creates = [new ClusterError('interrupted', 'socket hang up'), new ClusterError('conflict', 'exists', 409)];
  other.reads = [pod('p', '7', 'Pending', { metadata: { name: 'p', labels: { dbnd_task_run_attempt_uid: 'x' } } })];
  const foreign = await submitPod(context(other).ctx, body);
  assert.ok(!foreign.ok, "someone else's pod of that name is not taken for ours");
  assert.equal(foreign.maybeCreated, true);
});

test('cleanupPod: keep_failed_pods keeps a Failed pod (read as it is now); without it the pod is deleted', async () => {
  const kept = new ScriptedApi();
  kept.reads = [pod('p', '9', 'Failed')];
  const k = context(kept, { keep_failed_pods: true });
  assert.equal(await cleanupPod(k.ctx, 'p', pod('p', '3', 'Running')), 'kept');
  assert.deepEqual(kept.calls, ['read p']);

  const deleted = new ScriptedApi();
  deleted.reads = [pod('p', '9', 'Failed')];
  deleted.deletes = [true];
  assert.equal(await cleanupPod(context(deleted).ctx, 'p', null), 'deleted');
  assert.deepEqual(deleted.calls, ['read p', 'delete p']);
});

test('cleanupPod: a pod that never started is deleted at once; one already gone is not deleted', async () => {
  const pending = new ScriptedApi();
  pending.reads = [pod('p', '2', 'Pending')];
  pending.deletes = [true];
  assert.equal(await cleanupPod(context(pending).ctx, 'p', null), 'deleted');
  assert.deepEqual(pending.calls, ['read p', 'delete p now']);

  const gone = new ScriptedApi();
  gone.reads = [null];
  assert.equal(await cleanupPod(context(gone).ctx, 'p', pod('p', '2', 'Running')), 'already-gone');
  assert.deepEqual(gone.calls, ['read p']);
});

test('cleanupPod: a server that stays away leaves the pod behind, named with the kubectl command', async () => {
  const api = new ScriptedApi();
  const cut = () => new ClusterError('unreachable', 'connect ECONNREFUSED');
  api.reads = [cut()];
  api.deletes = [cut(), cut(), cut(), cut(), cut()];
  const { ctx, events, clock } = context(api);
  assert.equal(await cleanupPod(ctx, 'p', pod('p', '5', 'Succeeded')), 'left-behind');
  assert.deepEqual(clock.sleeps, [250, 500, 1000, 2000]);
  const last = events.at(-1);
  assert.ok(last?.kind === 'cleanup' && last.action === 'failed');
  assert.match(last.message, /delete it with: kubectl --context test -n ns delete pod p$/);
});
