// The workspace-trust guard of the cluster commands (Run Task on Cluster, Select Kubernetes Context, Find Pods
// Left by Closed Windows). Tested here in Node because the VS Code testbed runs with workspace trust disabled:
// Restricted Mode cannot be entered there, so the refusal path is checked at the guard the commands call first.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusedUntrusted, type ClusterAction } from '../../../client/src/cluster/trustGuard';

const ACTIONS: ClusterAction[] = ['run', 'selectContext', 'findOrphans'];

test('in an untrusted workspace every cluster action refuses and says that trust is what it needs', () => {
  for (const action of ACTIONS) {
    const said: string[] = [];
    assert.equal(
      refusedUntrusted(action, false, (m) => said.push(m)),
      true,
      action,
    );
    assert.equal(said.length, 1, action);
    assert.match(said[0], /needs a trusted workspace/, action);
    assert.match(said[0], /Manage Workspace Trust/, action);
  }
});

test('in a trusted workspace the guard lets the action go on and says nothing', () => {
  for (const action of ACTIONS) {
    const said: string[] = [];
    assert.equal(
      refusedUntrusted(action, true, (m) => said.push(m)),
      false,
    );
    assert.deepEqual(said, []);
  }
});
