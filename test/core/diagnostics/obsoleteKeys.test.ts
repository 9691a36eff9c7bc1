// Obsolete keys belong to one class family: `pod_retry_delay` was a Kubernetes engine key, so in a Kubernetes
// engine section it is obsolete (with its replacement), and in `[docker]` it is just an unknown key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import type { CoreDiagnostic } from '../../../server/src/core/diagnostics/types';

function findingOn(key: string, text: string): CoreDiagnostic | undefined {
  return lintFiles([{ path: '/p/databand-system.cfg', text }]).find(
    (d) => d.range.start.line === text.split('\n').findIndex((l) => l.startsWith(key)),
  );
}

test('[kubernetes] pod_retry_delay is obsolete and offers pod_default_retry_delay', () => {
  const d = findingOn('pod_retry_delay', '[kubernetes]\ncontainer_repository = r\npod_retry_delay = 3m\n');
  assert.equal(d?.code, 'obsolete-key');
  assert.deepEqual(d?.data, { replaceKeyWith: 'pod_default_retry_delay' });
});

test('[docker] pod_retry_delay is an unknown key, not an obsolete one with a Kubernetes-only replacement', () => {
  const d = findingOn(
    'pod_retry_delay',
    '[docker]\napi_version = auto\ncontainer_repository = r\npod_retry_delay = 3m\n',
  );
  assert.equal(d?.code, 'unknown-key');
  assert.doesNotMatch(d?.message ?? '', /pod_default_retry_delay/);
  assert.notDeepEqual(d?.data, { replaceKeyWith: 'pod_default_retry_delay' });
});
