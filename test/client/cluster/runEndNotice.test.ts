// How a finished run is announced: a user's cancel is information that says what became of the pod, worded once
// ("Run of TASK on ENV cancelled; pod X deleted"), never an error "cancelled: cancelled; …"; a failure of the
// cluster offers another context and a new try.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RETRY, SELECT_CONTEXT } from '../../../client/src/cluster/runFailureNotice';
import { runEndNotice } from '../../../client/src/cluster/runEndNotice';

// The results' messages are runDriverPod's (test/runIo/runDriverPod.test.ts: "pod X deleted", "no pod was
// created"); here, how the editor words them.
test('a cancel: information naming what became of the pod, "cancelled" said once', () => {
  const notice = runEndNotice('my_task on k8s', {
    outcome: 'cancelled',
    cause: 'cancelled',
    message: 'pod p-1 deleted',
  });
  assert.equal(notice.severity, 'information');
  assert.equal(notice.message, 'Run of my_task on k8s cancelled; pod p-1 deleted');
  assert.equal(notice.message.match(/cancel/g)?.length, 1);
  assert.deepEqual(notice.actions, []);
});

test('success is information, a pod failure an error without cluster buttons, a cluster failure offers them', () => {
  assert.equal(
    runEndNotice('t on e', { outcome: 'succeeded', cause: 'succeeded', message: 'p ok' }).severity,
    'information',
  );
  const failed = runEndNotice('t on e', { outcome: 'failed', cause: 'exit-code', message: 'exit 3' });
  assert.equal(failed.severity, 'error');
  assert.equal(failed.message, 't on e: failed — exit 3');
  assert.deepEqual(failed.actions, []);
  const cluster = runEndNotice('t on e', { outcome: 'failed', cause: 'cluster-error', message: 'gone' });
  assert.deepEqual(cluster.actions, [SELECT_CONTEXT, RETRY]);
});
