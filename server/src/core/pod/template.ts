// The `pod_yaml` template: read as PyYAML's safe_load would, deserialized the way the kubernetes client turns a
// dict into a V1Pod (unknown keys dropped, primitives converted), then merged under dbnd's pod with
// `reconcile_pods` (docs/dbnd-rules.md §3.8, a copy of Airflow 2's PodGenerator logic). Both pods are kept in their
// serialized (camelCase JSON) form; the schema says which values were model objects, because Python treats a
// model as true even when it is empty (that is why dbnd's `resources` always wins).
import { parse, type ScalarTag } from 'yaml';
import { K8S_MODELS, isModelField, type FieldKind, type ModelName } from './k8sSchema';
import { type DbndResult, fail, ok } from '../result';
import { cloneJson, isJsonObject, type Json, type JsonObject } from '../json';
import { pyInt, pyStr, pyTruthy } from '../python';

const BOOL_TAG = 'tag:yaml.org,2002:bool';
const FLOAT_TAG = 'tag:yaml.org,2002:float';

/** PyYAML's implicit resolvers where they differ from the `yaml` package's YAML 1.1 schema. */
const PYYAML_SCALARS: ScalarTag[] = [
  // y/Y/n/N stay strings in PyYAML.
  { tag: BOOL_TAG, default: true, test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/, resolve: () => true },
  { tag: BOOL_TAG, default: true, test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/, resolve: () => false },
  // An exponent needs a dot and a signed exponent in PyYAML (`1e3` is a string there).
  {
    tag: FLOAT_TAG,
    default: true,
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+$/,
    resolve: (s) => Number(s.replace(/_/g, '')),
  },
];

/** yaml.safe_load: YAML 1.1 scalars as PyYAML resolves them, merge keys, duplicate keys allowed (last wins). */
export function loadYaml(text: string): DbndResult<Json> {
  try {
    const value = parse(text, {
      version: '1.1',
      merge: true,
      uniqueKeys: false,
      customTags: (tags) => [
        ...PYYAML_SCALARS,
        ...tags.filter(
          (t) =>
            typeof t === 'object' &&
            t.tag !== BOOL_TAG &&
            !(t.tag === FLOAT_TAG && t.format === 'EXP') &&
            // PyYAML would build datetime objects; str() of a date is its ISO text, so keep the text.
            t.tag !== 'tag:yaml.org,2002:timestamp',
        ),
      ],
    }) as unknown;
    return ok(toJson(value));
  } catch (e) {
    return fail('YAMLError', e instanceof Error ? e.message : String(e));
  }
}

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) {
    const out: JsonObject = {};
    for (const [k, v] of value) out[String(k)] = toJson(v);
    return out;
  }
  if (value instanceof Set) return [...value].map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return String(value);
}

function deserializeField(value: Json, kind: FieldKind): DbndResult<Json> {
  if (value === null) return ok(null);
  if (typeof kind === 'object') {
    if ('model' in kind) return deserializeModel(value, kind.model);
    if (!Array.isArray(value)) return ok(value);
    const items: Json[] = [];
    for (const item of value) {
      const d = deserializeModel(item, kind.listOf);
      if (!d.ok) return d;
      items.push(d.value);
    }
    return ok(items);
  }
  switch (kind) {
    case 'str':
      return ok(pyStr(value));
    case 'int': {
      const n = pyInt(value);
      return n.ok ? ok(n.value) : fail('ValueError', n.error.message);
    }
    case 'bool':
      return ok(pyTruthy(value));
    case 'dict-str':
      if (!isJsonObject(value)) return ok(value);
      return ok(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? null : pyStr(v)])));
    case 'list-str':
      return ok(Array.isArray(value) ? value.map((v) => (v === null ? null : pyStr(v))) : value);
    default:
      return ok(value);
  }
}

/** ApiClient.__deserialize_model(data, klass), serialized again (None fields omitted). */
export function deserializeModel(data: Json, model: ModelName): DbndResult<JsonObject> {
  const schema = K8S_MODELS[model];
  const source = isJsonObject(data) ? data : {};
  const out: JsonObject = {};
  for (const [jsonName, kind] of Object.entries(schema.fields)) {
    if (!(jsonName in source)) continue;
    const value = deserializeField(source[jsonName], kind);
    if (!value.ok) return value;
    if (value.value !== null) out[jsonName] = value.value;
  }
  for (const required of schema.required) {
    if (out[required] === undefined) {
      return fail('ValueError', `Invalid value for \`${schema.attr(required)}\`, must not be \`None\``);
    }
  }
  return ok(out);
}

/** `yaml.safe_load(text) or {}` deserialized into a V1Pod. */
export function templatePod(text: string): DbndResult<JsonObject> {
  const loaded = loadYaml(text);
  if (!loaded.ok) return loaded;
  return deserializeModel(pyTruthy(loaded.value) ? loaded.value : {}, 'V1Pod');
}

// ---- reconcile_pods -------------------------------------------------------------------------------------------

/** dbnd's own pod holds raw config values where the client has models, except `resources`, a real model. */
function clientTruthy(model: ModelName, field: string, value: Json | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (model === 'V1Container' && field === 'resources') return true;
  if (model === 'V1Pod' && (field === 'metadata' || field === 'spec')) return true;
  return pyTruthy(value);
}

function baseTruthy(model: ModelName, field: string, value: Json | undefined): boolean {
  if (value === undefined || value === null) return false;
  return isModelField(model, field) || pyTruthy(value);
}

/** merge_objects for two models: the client's value stays unless it is falsy and the template's is truthy. */
function mergeModels(model: ModelName, base: JsonObject | undefined, client: JsonObject): JsonObject {
  if (!base) return client;
  const out = cloneJson(client);
  for (const field of Object.keys(K8S_MODELS[model].fields)) {
    if (!clientTruthy(model, field, out[field]) && baseTruthy(model, field, base[field])) {
      out[field] = cloneJson(base[field] as Json);
    }
  }
  return out;
}

/** merge_objects for two dicts (labels, annotations): a copy of the template's, updated with dbnd's. */
function mergeDicts(base: Json | undefined, client: Json | undefined): Json | undefined {
  if (!pyTruthy(base)) return client;
  if (!pyTruthy(client)) return base;
  if (isJsonObject(base) && isJsonObject(client)) return { ...base, ...client };
  return client;
}

/** extend_object_field: the template's list first, then dbnd's. */
function extendField(base: JsonObject, client: JsonObject, field: string): DbndResult<JsonObject> {
  const baseField = base[field];
  const clientField = client[field];
  const notList = (v: Json | undefined) => v !== undefined && v !== null && !Array.isArray(v);
  if (notList(baseField) || notList(clientField)) return fail('ValueError', 'The chosen field must be a list.');
  const out = cloneJson(client);
  if (!pyTruthy(baseField)) return ok(out);
  if (!pyTruthy(clientField)) {
    out[field] = cloneJson(baseField as Json);
    return ok(out);
  }
  out[field] = [...cloneJson(baseField as Json[]), ...(clientField as Json[])];
  return ok(out);
}

function extendFields(base: JsonObject, client: JsonObject, fields: readonly string[]): DbndResult<JsonObject> {
  let current = client;
  for (const field of fields) {
    const next = extendField(base, current, field);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}

function reconcileContainers(base: readonly Json[], client: readonly Json[]): DbndResult<Json[]> {
  if (base.length === 0) return ok([...client]);
  if (client.length === 0) return ok([...base]);
  const base0 = base[0] as JsonObject;
  const extended = extendFields(base0, client[0] as JsonObject, [
    'volumeMounts',
    'env',
    'envFrom',
    'ports',
    'volumeDevices',
  ]);
  if (!extended.ok) return extended;
  const rest = reconcileContainers(base.slice(1), client.slice(1));
  if (!rest.ok) return rest;
  return ok([mergeModels('V1Container', base0, extended.value), ...rest.value]);
}

function reconcileSpecs(base: JsonObject | undefined, client: JsonObject): DbndResult<JsonObject> {
  if (!base) return ok(client);
  const containers = reconcileContainers(
    (base.containers as Json[] | undefined) ?? [],
    (client.containers as Json[] | undefined) ?? [],
  );
  if (!containers.ok) return containers;
  const withContainers: JsonObject = { ...client, containers: containers.value };
  const extended = extendFields(base, withContainers, ['initContainers', 'volumes']);
  if (!extended.ok) return extended;
  return ok(mergeModels('V1PodSpec', base, extended.value));
}

function reconcileMetadata(base: JsonObject | undefined, client: JsonObject): DbndResult<JsonObject> {
  if (!base) return ok(client);
  const merged: JsonObject = { ...client };
  for (const field of ['labels', 'annotations']) {
    const value = mergeDicts(base[field], client[field]);
    if (value === undefined || value === null) delete merged[field];
    else merged[field] = cloneJson(value);
  }
  const extended = extendFields(base, merged, ['managedFields', 'finalizers', 'ownerReferences']);
  if (!extended.ok) return extended;
  return ok(mergeModels('V1ObjectMeta', base, extended.value));
}

/** reconcile_pods(template, dbnd's pod). */
export function reconcilePods(base: JsonObject, client: JsonObject): DbndResult<JsonObject> {
  const spec = reconcileSpecs(base.spec as JsonObject | undefined, client.spec as JsonObject);
  if (!spec.ok) return spec;
  const metadata = reconcileMetadata(base.metadata as JsonObject | undefined, client.metadata as JsonObject);
  if (!metadata.ok) return metadata;
  return ok(mergeModels('V1Pod', base, { ...client, spec: spec.value, metadata: metadata.value }));
}
