// Pod labels and annotations (build_pod). Python dict semantics throughout: a key that is set again keeps its
// first position, which is why these are Maps.
import { cleanLabelValue } from './name';
import type { EngineValues, PodRenderContext } from './types';
import { type DbndResult, fail, ok } from '../result';
import { isJsonObject, type Json } from '../json';
import { pyStr, pyTruthy, pyTypeName } from '../python';

/** combine_mappings(caller labels, engine labels) then dbnd's fixed labels; every value str()-ed and cleaned. */
export function buildLabels(
  engine: EngineValues,
  ctx: PodRenderContext,
  podName: string,
): DbndResult<Map<string, string>> {
  const merged = new Map<string, Json>();
  for (const source of [ctx.labels ?? null, engine.labels ?? null]) {
    if (source === null) continue;
    if (!isJsonObject(source)) {
      return fail('TypeError', `'${pyTypeName(source)}' object is not a mapping`);
    }
    for (const [k, v] of Object.entries(source)) merged.set(k, v);
  }
  merged.set('pod_name', podName);
  merged.set('dbnd_run_uid', ctx.runUid);
  merged.set('dbnd_task_run_uid', ctx.taskRunUid);
  merged.set('dbnd_task_run_attempt_uid', ctx.taskRunAttemptUid);
  merged.set('dbnd_task_family', ctx.fullTaskFamilyShort);
  merged.set('dbnd_task_name', ctx.taskName);
  merged.set('dbnd_task_af_id', ctx.taskAfId);
  // "for easier pod deletion (kubectl delete pod -l dbnd=task_run_executor)"
  merged.set('dbnd', ctx.isSystem ? 'dbnd_system_task_run' : 'task_run_executor');

  const cleaned = new Map<string, string>();
  for (const [k, v] of merged) cleaned.set(k, cleanLabelValue(pyStr(v)));
  return ok(cleaned);
}

/** annotations.copy() + the GCP service account annotation + dbnd_tracker (which keeps a user key's position). */
export function buildAnnotations(engine: EngineValues, ctx: PodRenderContext): DbndResult<Map<string, Json>> {
  const configured = engine.annotations ?? null;
  if (!isJsonObject(configured)) {
    return fail('AttributeError', `'${pyTypeName(configured)}' object has no attribute 'copy'`);
  }
  const annotations = new Map<string, Json>(Object.entries(configured));
  const gcpKeys = engine.gcp_service_account_keys ?? null;
  if (pyTruthy(gcpKeys)) {
    annotations.set('iam.cloud.google.com/service-account', gcpKeys);
  }
  annotations.set('dbnd_tracker', ctx.trackerUrl);
  return ok(annotations);
}
