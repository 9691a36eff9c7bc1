// `volumes` and `volume_mounts` through dbnd's compat/volume_shims.py. A volume dict's top-level keys are turned
// into V1Volume attributes by a naive camelCase→snake_case (so `downwardAPI` and `scaleIO` are rejected); nested
// values pass through raw. A mount keeps only name/mountPath/subPath/readOnly.
import { type DbndResult, fail, ok } from '../result';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { pyTypeName } from '../python';

/** V1Volume's attributes (kubernetes client 22.6) → their JSON names. */
const V1_VOLUME_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_elastic_block_store: 'awsElasticBlockStore',
  azure_disk: 'azureDisk',
  azure_file: 'azureFile',
  cephfs: 'cephfs',
  cinder: 'cinder',
  config_map: 'configMap',
  csi: 'csi',
  downward_api: 'downwardAPI',
  empty_dir: 'emptyDir',
  ephemeral: 'ephemeral',
  fc: 'fc',
  flex_volume: 'flexVolume',
  flocker: 'flocker',
  gce_persistent_disk: 'gcePersistentDisk',
  git_repo: 'gitRepo',
  glusterfs: 'glusterfs',
  host_path: 'hostPath',
  iscsi: 'iscsi',
  name: 'name',
  nfs: 'nfs',
  persistent_volume_claim: 'persistentVolumeClaim',
  photon_persistent_disk: 'photonPersistentDisk',
  portworx_volume: 'portworxVolume',
  projected: 'projected',
  quobyte: 'quobyte',
  rbd: 'rbd',
  scale_io: 'scaleIO',
  secret: 'secret',
  storageos: 'storageos',
  vsphere_volume: 'vsphereVolume',
};

/** volume_shims._convert_to_snake_case: `_` + lower before every upper-case letter, then lstrip('_'). */
function toSnakeCase(key: string): string {
  return Array.from(key)
    .map((c) => (c !== c.toLowerCase() && c === c.toUpperCase() ? '_' + c.toLowerCase() : c))
    .join('')
    .replace(/^_+/, '');
}

const NOT_A_DICT = (value: Json) => fail('AttributeError', `'${pyTypeName(value)}' object has no attribute 'get'`);

/** volume_shims.to_k8s_client_obj, serialized. */
export function toVolume(spec: Json): DbndResult<JsonObject> {
  if (!isJsonObject(spec)) return NOT_A_DICT(spec);
  const name = spec.name ?? null;
  if (name === null) return fail('ValueError', 'Invalid value for `name`, must not be `None`');
  const attrs = new Map<string, Json>([['name', name]]);
  for (const [k, v] of Object.entries(spec)) {
    const attr = toSnakeCase(k);
    if (!Object.prototype.hasOwnProperty.call(V1_VOLUME_ATTRIBUTES, attr)) {
      return fail('AttributeError', `k8s.V1Volume does not have attribute ${k}`);
    }
    if (attr === 'name' && v === null) return fail('ValueError', 'Invalid value for `name`, must not be `None`');
    attrs.set(attr, v);
  }
  const out: JsonObject = {};
  for (const [attr, v] of attrs) if (v !== null) out[V1_VOLUME_ATTRIBUTES[attr]] = v;
  return ok(out);
}

/** volume_shims.attach_volume_mount's V1VolumeMount, serialized (mount_path is validated before name). */
export function toVolumeMount(spec: Json): DbndResult<JsonObject> {
  if (!isJsonObject(spec)) return NOT_A_DICT(spec);
  const mountPath = spec.mountPath ?? null;
  const name = spec.name ?? null;
  if (mountPath === null) return fail('ValueError', 'Invalid value for `mount_path`, must not be `None`');
  if (name === null) return fail('ValueError', 'Invalid value for `name`, must not be `None`');
  const out: JsonObject = { mountPath, name };
  const readOnly = spec.readOnly ?? null;
  const subPath = spec.subPath ?? null;
  if (readOnly !== null) out.readOnly = readOnly;
  if (subPath !== null) out.subPath = subPath;
  return ok(out);
}
