// templatePod remembers the last template it read (every lint renders each Kubernetes engine's pod from the same
// template): what it answers from there must equal a fresh read, and each call's pod must be its own (render
// steps build on it; a caller that changed a shared pod would change every later render).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTemplatePod, templatePod } from '../../../server/src/core/pod/template';
import type { Json, JsonObject } from '../../../server/src/core/json';

const TEMPLATES = [
  'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    team: a\nspec:\n  restartPolicy: Never\n  containers:\n  - name: x\n    env:\n    - name: A\n      value: "1"\n  volumes:\n  - name: v\n    emptyDir: {}\n',
  'spec:\n  containers: []\n',
  '',
  'spec: [unclosed',
  'metadata:\n  annotations: {a: b}\n',
];

/** Changes every object and list inside `value`, as a careless caller might. */
function scribble(value: Json): void {
  if (Array.isArray(value)) {
    for (const v of value) scribble(v);
    value.push('scribbled');
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) scribble(v);
    (value as JsonObject).scribbled = true;
  }
}

test('a remembered template pod equals a fresh read and is not changed by what a caller did to an earlier one', () => {
  for (const text of TEMPLATES) {
    templatePod('kind: Pod\n'); // another template last: the next call reads `text` afresh
    const expected = JSON.stringify(readTemplatePod(text));
    const fresh = templatePod(text);
    assert.equal(JSON.stringify(fresh), expected, text);
    if (fresh.ok) scribble(fresh.value);
    for (let n = 0; n < 3; n++) {
      const again = templatePod(text);
      assert.equal(JSON.stringify(again), expected, text);
      assert.equal(again.ok, fresh.ok);
      if (again.ok && fresh.ok) assert.notEqual(again.value, fresh.value);
      if (again.ok) scribble(again.value);
    }
  }
});
