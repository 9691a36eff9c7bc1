// `system_secrets` + `secrets` → Airflow 2's Secret objects and what Secret.attach_to_pod adds to the pod
// (docs/dbnd-rules.md §3.5). All Secret objects are constructed first (get_secrets), so a bad item fails the
// build before any volume name is generated.
import type { EngineValues } from './types';
import { type DbndResult, fail, ok } from '../result';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { pyTypeName } from '../python';

export interface SecretSpec {
  readonly deployType: 'env' | 'volume';
  /** Upper-cased for env secrets (Airflow does this). */
  readonly deployTarget: Json;
  readonly secret: Json;
  readonly key: Json;
}

/** Airflow's Secret.__init__ checks, in its order. */
function toSecret(item: Json): DbndResult<SecretSpec> {
  if (!isJsonObject(item)) return fail('AttributeError', `'${pyTypeName(item)}' object has no attribute 'get'`);
  const deployType = item.type ?? null;
  if (deployType !== 'env' && deployType !== 'volume') {
    return fail('AirflowConfigException', 'deploy_type must be env or volume');
  }
  let deployTarget = item.target ?? null;
  if (deployTarget !== null && deployType === 'env') {
    if (typeof deployTarget !== 'string') {
      return fail('AttributeError', `'${pyTypeName(deployTarget)}' object has no attribute 'upper'`);
    }
    deployTarget = deployTarget.toUpperCase();
  }
  const key = item.key ?? null;
  if (key !== null && deployTarget === null) {
    return fail('AirflowConfigException', 'If `key` is set, `deploy_target` should not be None');
  }
  return ok({ deployType, deployTarget, secret: item.secret ?? null, key });
}

/** get_secrets(include_system_secrets): system secrets first, then the user's. */
export function collectSecrets(engine: EngineValues, includeSystemSecrets: boolean): DbndResult<SecretSpec[]> {
  const user = engine.secrets ?? null;
  const system = engine.system_secrets ?? null;
  const lists: Json[] = includeSystemSecrets ? [system, user] : [user];
  if (lists.some((l) => !Array.isArray(l))) {
    const bad = lists.find((l) => !Array.isArray(l)) ?? null;
    return fail('TypeError', `'${pyTypeName(bad)}' object is not iterable`);
  }
  const out: SecretSpec[] = [];
  for (const list of lists as Json[][]) {
    for (const item of list) {
      const secret = toSecret(item);
      if (!secret.ok) return secret;
      out.push(secret.value);
    }
  }
  return ok(out);
}

/** The parts of the base container and the pod spec that secrets append to. */
export interface SecretAttachTarget {
  env: Json[];
  envFrom: Json[];
  volumeMounts: Json[] | undefined;
  volumes: Json[] | undefined;
}

function withoutNulls(obj: Record<string, Json>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null) out[k] = v;
  return out;
}

/** Secret.attach_to_pod for each secret in order; returns the generated volume names. */
export function attachSecrets(
  secrets: readonly SecretSpec[],
  target: SecretAttachTarget,
  volumeName: (k: number) => string,
): DbndResult<string[]> {
  const names: string[] = [];
  for (const s of secrets) {
    if (s.deployType === 'volume') {
      const name = volumeName(names.length + 1);
      names.push(name);
      if (s.deployTarget === null) {
        // V1VolumeMount's client-side validation.
        return fail('ValueError', 'Invalid value for `mount_path`, must not be `None`');
      }
      (target.volumes ??= []).push({ name, secret: withoutNulls({ secretName: s.secret }) });
      (target.volumeMounts ??= []).push({ mountPath: s.deployTarget, name, readOnly: true });
    } else if (s.key !== null) {
      target.env.push({
        name: s.deployTarget,
        valueFrom: { secretKeyRef: withoutNulls({ key: s.key, name: s.secret }) },
      });
    } else {
      target.envFrom.push({ secretRef: withoutNulls({ name: s.secret }) });
    }
  }
  return ok(names);
}
