// The Pod request body dbnd would send to Kubernetes (KubernetesEngineConfig.build_pod + sanitize_for_serialization
// + the live-logs step of DbndPodCtrl.run_pod), as a pure function of the engine values and the render context.
import { KUBERNETES_POD_YAML } from '../defaults/packageDefaults';
import { buildCommand } from './command';
import { buildEnvVars, envVarEntries, fullImage } from './env';
import { buildExternalLinks } from './externalLinks';
import { attachLiveLogs } from './liveLogs';
import { buildAnnotations, buildLabels } from './metadata';
import { podName as makePodName } from './name';
import { buildResources } from './resources';
import { attachSecrets, collectSecrets } from './secrets';
import { reconcilePods, templatePod } from './template';
import {
  defaultSecretVolumeName,
  type EngineValues,
  type PodRenderContext,
  type RenderedPod,
  type PodTemplateIo,
} from './types';
import { type DbndResult, fail, ok } from '../result';
import { toVolume, toVolumeMount } from './volumes';
import { isJsonObject, type Json, type JsonObject, mapToObject } from '../json';
import { pyStr, pyTruthy, pyTypeName } from '../python';

/** `pod_yaml`'s default: dbnd-run's packaged template (docs/conformance.md §3.1 placeholder). */
export const PACKAGED_POD_YAML_PATH = '{{DBND_RUN_CONF_DIR}}/kubernetes-pod.yaml';

export const DEFAULT_NOW = '2024-01-01T00:00:00';

/** Python's `for x in value` over a parsed value: a dict yields its keys, a str its characters. */
function pyIterate(value: Json): DbndResult<Json[]> {
  if (Array.isArray(value)) return ok([...value]);
  if (isJsonObject(value)) return ok(Object.keys(value));
  if (typeof value === 'string') return ok(Array.from(value));
  return fail('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

function readTemplateText(path: Json, io: PodTemplateIo): DbndResult<string> {
  if (path === PACKAGED_POD_YAML_PATH) return ok(KUBERNETES_POD_YAML);
  const file = pyStr(path);
  const text = io.readTemplate(file);
  return text === undefined ? fail('FileNotFoundError', `[Errno 2] No such file or directory: '${file}'`) : ok(text);
}

/** `_to_real_pod`: dbnd's own V1Pod before the template merge, in serialized form. */
interface BuiltPods {
  readonly template: JsonObject;
  readonly client: JsonObject;
  readonly secretVolumeNames: string[];
}

/**
 * build_pod's steps in dbnd's order (so the first error is the one dbnd raises): labels, annotations, env, secrets,
 * command, the template (`_build_base_pod`), then `_to_real_pod` (dbnd's own V1Pod, here in serialized form).
 */
function buildPods(
  engine: EngineValues,
  ctx: PodRenderContext,
  io: PodTemplateIo,
  name: string,
  logWarnings: string[],
): DbndResult<BuiltPods> {
  const labels = buildLabels(engine, ctx, name);
  if (!labels.ok) return labels;
  const annotations = buildAnnotations(engine, ctx);
  if (!annotations.ok) return annotations;
  const env = buildEnvVars(engine, ctx, name);
  if (!env.ok) return env;
  // get_secrets runs before the command is rewritten, so a bad secret wins over a bad debug command.
  const secrets = collectSecrets(engine, ctx.includeSystemSecrets ?? true);
  if (!secrets.ok) return secrets;
  const command = buildCommand(engine, ctx.cmds, name, ctx.taskRunRepr ?? `TaskRun(${ctx.taskName})`, logWarnings);
  if (!command.ok) return command;
  const text = readTemplateText(engine.pod_yaml ?? null, io);
  if (!text.ok) return text;
  const template = templatePod(text.value);
  if (!template.ok) return template;

  const namespace = engine.namespace ?? null;
  const metadata: JsonObject = { annotations: mapToObject(annotations.value), labels: mapToObject(labels.value), name };
  if (namespace !== null) metadata.namespace = namespace;

  const container: JsonObject = {
    command: command.value.command,
    env: envVarEntries(env.value),
    envFrom: [],
    image: fullImage(engine),
    name: 'base',
  };
  if (command.value.args !== undefined) container.args = command.value.args;
  const pullPolicy = engine.image_pull_policy ?? null;
  if (pullPolicy !== null) container.imagePullPolicy = pullPolicy;

  const pullSecrets = engine.image_pull_secrets ?? null;
  const spec: JsonObject = {
    containers: [container],
    // Split on "," only: `a, b` gives a name with a leading space.
    imagePullSecrets: pyTruthy(pullSecrets)
      ? pyStr(pullSecrets)
          .split(',')
          .map((n) => ({ name: n }))
      : [],
  };
  const specFields: ReadonlyArray<[string, string]> = [
    ['serviceAccountName', 'service_account_name'],
    ['nodeSelector', 'node_selectors'],
    ['hostNetwork', 'hostnetwork'],
    ['tolerations', 'tolerations'],
    ['affinity', 'affinity'],
    ['securityContext', 'security_context'],
  ];
  for (const [jsonName, param] of specFields) {
    const value = engine[param] ?? null;
    if (value !== null) spec[jsonName] = value;
  }

  const configmaps = pyIterate(engine.configmaps ?? null);
  if (!configmaps.ok) return configmaps;
  const envFrom = container.envFrom as Json[];
  for (const name of configmaps.value) envFrom.push({ configMapRef: name === null ? {} : { name } });

  const volumes = pyTruthy(engine.volumes ?? null) ? pyIterate(engine.volumes ?? null) : ok<Json[]>([]);
  if (!volumes.ok) return volumes;
  let specVolumes: Json[] | undefined;
  for (const v of volumes.value) {
    const volume = toVolume(v);
    if (!volume.ok) return volume;
    (specVolumes ??= []).push(volume.value);
  }
  const mounts = pyTruthy(engine.volume_mounts ?? null) ? pyIterate(engine.volume_mounts ?? null) : ok<Json[]>([]);
  if (!mounts.ok) return mounts;
  let volumeMounts: Json[] | undefined;
  for (const m of mounts.value) {
    const mount = toVolumeMount(m);
    if (!mount.ok) return mount;
    (volumeMounts ??= []).push(mount.value);
  }

  const target = { env: container.env as Json[], envFrom, volumeMounts, volumes: specVolumes };
  const secretVolumeNames = attachSecrets(secrets.value, target, ctx.secretVolumeName ?? defaultSecretVolumeName);
  if (!secretVolumeNames.ok) return secretVolumeNames;
  if (target.volumeMounts) container.volumeMounts = target.volumeMounts;
  if (target.volumes) spec.volumes = target.volumes;
  const resources = buildResources(engine);
  if (!resources.ok) return resources;
  container.resources = resources.value;

  return ok({ template: template.value, client: { metadata, spec }, secretVolumeNames: secretVolumeNames.value });
}

export function renderPod(engine: EngineValues, ctx: PodRenderContext, io: PodTemplateIo): DbndResult<RenderedPod> {
  if (!pyTruthy(engine.container_tag ?? null)) {
    return fail('DatabandConfigError', 'Your container tag is None, please check your configuration');
  }
  const logWarnings: string[] = [];
  const name = makePodName({
    taskFamily: ctx.taskFamily,
    taskName: ctx.taskName,
    taskRunUid: ctx.taskRunUid,
    tryNumber: ctx.tryNumber,
  });
  const built = buildPods(engine, ctx, io, name, logWarnings);
  if (!built.ok) return built;
  const merged = reconcilePods(built.value.template, built.value.client);
  if (!merged.ok) return merged;
  const pod = merged.value;

  // Links are built from the V1Pod, before the live-logs step touches the request.
  const metadata = pod.metadata as JsonObject;
  const externalLinks = buildExternalLinks(
    engine,
    metadata.namespace ?? null,
    metadata.name ?? null,
    ctx.now ?? DEFAULT_NOW,
  );
  const live = attachLiveLogs(engine, pod, logWarnings);
  if (!live.ok) return live;

  return ok({ pod, secretVolumeNames: built.value.secretVolumeNames, externalLinks, logWarnings });
}
