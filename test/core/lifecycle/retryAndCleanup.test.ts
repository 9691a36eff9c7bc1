import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldDeletePod } from '../../../server/src/core/lifecycle/cleanup';
import { retryPolicyFor } from '../../../server/src/core/lifecycle/retryPolicy';

const shipped = { '255': { retry_count: 3, retry_delay: '3m' }, err_image_pull: { retry_count: 0, retry_delay: '3m' } };
const defaults = { taskRetries: 1, podDefaultRetryDelaySeconds: 10 };

test('a reason in the dict gives its retry_count; its retry_delay is ignored for pod_default_retry_delay', () => {
  assert.deepEqual(retryPolicyFor('255', shipped, defaults), {
    ok: true,
    value: { retryCount: 3, delaySeconds: 10, source: 'pod_error_cfg_source_dict' },
  });
  assert.deepEqual(retryPolicyFor('err_image_pull', shipped, defaults), {
    ok: true,
    value: { retryCount: 0, delaySeconds: 10, source: 'pod_error_cfg_source_dict' },
  });
});

test("an absent or unknown reason falls back to the task's own task_retries", () => {
  assert.deepEqual(retryPolicyFor(null, shipped, defaults), {
    ok: true,
    value: { retryCount: 1, delaySeconds: 10, source: 'task_retries' },
  });
  assert.deepEqual(retryPolicyFor('137', shipped, defaults), {
    ok: true,
    value: { retryCount: 1, delaySeconds: 10, source: 'task_retries' },
  });
});

test("an entry without retry_count is dbnd's KeyError, returned not thrown; a non-dict entry is a TypeError", () => {
  assert.deepEqual(retryPolicyFor('err_pod_deleted', { err_pod_deleted: { retry_delay: '3s' } }, defaults), {
    ok: false,
    error: { type: 'KeyError', message: "'retry_count'" },
  });
  const bad = retryPolicyFor('1', { '1': 3 }, defaults);
  assert.deepEqual(bad, { ok: false, error: { type: 'TypeError', message: "'int' object is not subscriptable" } });
  assert.equal(retryPolicyFor('1', null, defaults).ok, false);
});

test('keep_finished_pods never deletes; keep_failed_pods keeps all but Running/Succeeded (and not found)', () => {
  const none = { keepFinishedPods: false, keepFailedPods: false };
  assert.equal(shouldDeletePod('Failed', none).delete, true);
  assert.equal(shouldDeletePod('Succeeded', { ...none, keepFinishedPods: true }).delete, false);
  const keepFailed = { ...none, keepFailedPods: true };
  assert.equal(shouldDeletePod('Succeeded', keepFailed).delete, true);
  assert.equal(shouldDeletePod('Running', keepFailed).delete, true);
  for (const phase of ['Pending', 'Failed', 'Unknown', null])
    assert.equal(shouldDeletePod(phase, keepFailed).delete, false);
  assert.equal(
    shouldDeletePod(null, keepFailed).why,
    'Keeping failed pod due to keep_failed_pods=True and state is None',
  );
});
