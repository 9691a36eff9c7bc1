// DbndExtendedResources: the `limits`/`requests` dicts, with `limit_cpu`/`limit_memory`/`request_cpu`/
// `request_memory` written over their `cpu`/`memory` entries only when truthy. The result is always an object
// (possibly `{limits: {}, requests: {}}`), which is why a pod_yaml template's resources never survive the merge.
import type { EngineValues } from './types';
import { type DbndResult, fail, ok } from '../result';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { pyTruthy, pyTypeName } from '../python';

function withExplicitKeys(base: Json, cpu: Json, memory: Json): DbndResult<JsonObject> {
  // `self.limits = limits or {}`: any falsy value (None, {}, []) becomes an empty dict.
  const dict: Json = pyTruthy(base) ? base : {};
  if (!isJsonObject(dict)) return fail('AttributeError', `'${pyTypeName(dict)}' object has no attribute 'update'`);
  const out: JsonObject = { ...dict };
  if (pyTruthy(cpu)) out.cpu = cpu;
  if (pyTruthy(memory)) out.memory = memory;
  return ok(out);
}

export function buildResources(engine: EngineValues): DbndResult<JsonObject> {
  const limits = withExplicitKeys(engine.limits ?? null, engine.limit_cpu ?? null, engine.limit_memory ?? null);
  if (!limits.ok) return limits;
  const requests = withExplicitKeys(engine.requests ?? null, engine.request_cpu ?? null, engine.request_memory ?? null);
  if (!requests.ok) return requests;
  return ok({ limits: limits.value, requests: requests.value });
}
