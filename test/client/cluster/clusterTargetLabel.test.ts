// The Kubernetes context status item says what it is: the kubeconfig context (and namespace) runs and the Pods
// view use, also before the user chose one (then the engine's, as dbnd does), never a bare placeholder.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterTargetLabel } from '../../../client/src/cluster/clusterTargetLabel';

test('unset: the item says runs use the engine’s kubeconfig context, and the tooltip says which one that is', () => {
  const { text, tooltip } = clusterTargetLabel({ context: null, namespace: null });
  assert.equal(text, "$(cloud) Runs in the engine's kubeconfig context");
  assert.match(tooltip, /runs and the Pods view use the kubeconfig context the engine's cluster_context names/);
  assert.match(tooltip, /else the kubeconfig's current-context\) and the engine's namespace/);
});

test('a chosen context and namespace are named as what runs use', () => {
  assert.deepEqual(clusterTargetLabel({ context: 'kind-dev', namespace: 'jobs' }), {
    text: '$(cloud) Runs in kind-dev/jobs',
    tooltip: 'Databand runs and the Pods view use kubeconfig context "kind-dev" and namespace "jobs". Click to switch.',
  });
  assert.equal(clusterTargetLabel({ context: 'kind-dev', namespace: null }).text, '$(cloud) Runs in kind-dev');
  assert.equal(
    clusterTargetLabel({ context: null, namespace: 'jobs' }).text,
    "$(cloud) Runs in the engine's kubeconfig context/jobs",
  );
});
