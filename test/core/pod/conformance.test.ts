// Every conformance case that reaches the pod stage: the rendered pod, secret volume names, external links and
// driver submission must equal the oracle's (arrays ordered, object key order ignored), and a pod-stage error
// must have dbnd's exception type. The engine is the oracle's (engine_config + pod_engine): how the driver's
// clones produce it is the resolver's part, checked end to end by test/core/conformance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fullImage } from '../../../server/src/core/pod/env';
import { renderPod } from '../../../server/src/core/pod/renderPod';
import type { RenderedPod } from '../../../server/src/core/pod/types';
import type { PythonError } from '../../../server/src/core/result';
import { driverCommandList, driverSubmission, splitImage } from '../../../server/src/core/resolve/driverSubmission';
import { loadPodCases, placeholderBack, renderContext, type PodCase } from './conformanceCases';
import type { Json, JsonObject } from '../../../server/src/core/json';

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
const MESSAGE_CHECKED = new Set(['ParseParameterError', 'AirflowConfigException']);

/** A DatabandBuildError at the pod stage comes from re-parsing values in the driver's engine clone (resolver). */
const RAISED_BY_RESOLVER = new Set(['DatabandBuildError']);

type RunOutcome = { error: PythonError } | { result: RenderedPod; driverSubmit?: Json };

function run(c: PodCase): RunOutcome {
  if (c.render.mode === 'driver') {
    const executable = c.engine.dbnd_executable ?? null;
    const submit = driverSubmission(
      executable,
      c.render.command as string[],
      fullImage(c.engine),
      'dbnd_driver_run',
      c.env,
    );
    if (!submit.ok) return { error: submit.error };
    const split = splitImage(submit.value.image);
    if (!split.ok) return { error: split.error };
    const cmds = driverCommandList(submit.value.command);
    if (!cmds.ok) return { error: cmds.error };
    const result = renderPod(c.engine, renderContext(c, cmds.value), io);
    if (!result.ok) return { error: result.error };
    return { result: result.value, driverSubmit: submit.value as unknown as Json };
  }
  const result = renderPod(c.engine, renderContext(c, c.render.command as string[]), io);
  return result.ok ? { result: result.value } : { error: result.error };
}

const cases = loadPodCases();

test('the corpus has pod cases', () => {
  assert.ok(cases.length >= 30, `found ${cases.length}`);
});

for (const c of cases.filter((c) => !RAISED_BY_RESOLVER.has(String((c.expected.error as JsonObject | null)?.type)))) {
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
    }
  });
}
