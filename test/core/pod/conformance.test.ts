// Every conformance case that reaches the pod stage: the rendered pod, secret volume names, external links and
// driver submission must equal the oracle's (arrays ordered, object key order ignored), and a pod-stage error
// must have dbnd's exception type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { prepareDriverSubmission } from '../../../server/src/core/pod/driverSubmit';
import type { Json, JsonObject } from '../../../server/src/core/pod/json';
import { renderPod } from '../../../server/src/core/pod/renderPod';
import type { EngineValues, PodError, PodRenderResult } from '../../../server/src/core/pod/types';
import { loadPodCases, placeholderBack, renderContext, type PodCase } from './conformanceCases';

const io = {
  readTemplate(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Errors whose text is dbnd's own and produced here (others come from stages this module does not own). */
const MESSAGE_CHECKED = new Set(['ParseParameterError', 'AirflowConfigException', 'DatabandBuildError']);

type RunOutcome = { error: PodError } | { result: PodRenderResult & { ok: true }; driverSubmit?: Json; podEngine?: EngineValues };

function run(c: PodCase): RunOutcome {
  if (c.render.mode === 'driver') {
    const submission = prepareDriverSubmission(c.runLevelEngine, { runArgs: c.render.command as string[], interactive: c.interactive, env: c.env });
    if (!submission.ok) return { error: submission.error };
    const result = renderPod(submission.value.podEngine, renderContext(c, submission.value.cmds), io);
    if (!result.ok) return { error: result.error };
    return { result, driverSubmit: submission.value.driverSubmit as unknown as Json, podEngine: submission.value.podEngine };
  }
  const result = renderPod(c.engine, renderContext(c, c.render.command as string[]), io);
  return result.ok ? { result } : { error: result.error };
}

const cases = loadPodCases();

test('the corpus has pod cases', () => {
  assert.ok(cases.length >= 30, `found ${cases.length}`);
});

for (const c of cases) {
  test(`conformance pod: ${c.name}`, () => {
    const outcome = run(c);
    const expectedError = c.expected.error as JsonObject | null;
    if (expectedError) {
      assert.ok('error' in outcome, `expected ${String(expectedError.type)}, got a pod`);
      assert.equal(outcome.error.type, expectedError.type);
      if (MESSAGE_CHECKED.has(outcome.error.type)) assert.equal(outcome.error.message, expectedError.message);
      return;
    }
    assert.ok(!('error' in outcome), 'error' in outcome ? `${outcome.error.type}: ${outcome.error.message}` : '');
    const { result } = outcome;
    assert.deepEqual(placeholderBack(result.pod, c.filesDir), c.expected.pod);
    assert.deepEqual(result.secretVolumeNames, c.expected.secret_volume_names);
    assert.deepEqual(result.externalLinks, c.expected.external_links);
    if (c.render.mode === 'driver') {
      assert.deepEqual(outcome.driverSubmit, c.expected.driver_submit);
      // The clones of the submission give the engine the oracle saw building the pod (engine_config + pod_engine).
      assert.deepEqual(outcome.podEngine, c.engine);
    }
  });
}
