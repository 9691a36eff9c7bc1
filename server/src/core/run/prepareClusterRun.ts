// What `dbnd run TASK --env ENV --interactive` submits to Kubernetes, as a plan for the run's I/O: the driver pod
// (rendered exactly as dbnd would submit it), the engine's values that steer the run (keep flags, timeouts, the
// deploy checks), the kubeconfig settings, and the image dbnd would build and push first. Or dbnd's failure, typed
// and with its origin, so the editor links it to the line that causes it.
//
// Pure: the caller hands in the files' text, the environment, the ids dbnd would generate and the clock's time,
// so the language server (from its project model) and `dbnd-cfg run` (from the disk) prepare the same run.
import type { Environment } from '../environment';
import type { Json, JsonObject } from '../json';
import type { KubeconfigRequest } from '../kube/kubeconfig';
import { paramValuesRecord } from '../resolve/paramValue';
import { renderContext } from './renderDefaults';
import type { RunFile, RunRequest } from './request';
import type { RunFailure } from './result';
import { runDbnd } from './runDbnd';
import { noPodToSubmitMessage } from './noPodToSubmit';

/** The uids dbnd generates for a run (uuid1 in dbnd; any unique string here). */
export interface ClusterRunIds {
  /** `dbnd_run_uid`: the run, in pod labels and DBND__RUN_UID. */
  readonly runUid: string;
  readonly taskRunUid: string;
  readonly taskRunAttemptUid: string;
  /** The uuid of the run's result file in `run.run_result_json_path` (uuid in dbnd). */
  readonly resultFileUuid: string;
}

export interface ClusterRunInput {
  /** Config files in dbnd's load order (after the package defaults), with their saved text. */
  readonly files: readonly RunFile[];
  /** The process environment (DBND__ variables, DBND_HOME, KUBECONFIG, HOME, USER). */
  readonly environment: Environment;
  readonly readFile: (path: string) => string | undefined;
  /** `--env`; null = `[databand] env`. */
  readonly envName: string | null;
  readonly task: string;
  /** `--set` arguments as typed (`S.K=V` or the JSON form), in order. */
  readonly set: readonly string[];
  /** A kubeconfig context that beats the engine's cluster_context. */
  readonly context?: string | null;
  /** A namespace that beats the engine's. */
  readonly namespace?: string | null;
  readonly ids: ClusterRunIds;
  /** The submitter's clock (ms since the epoch): the docker build tag and the driver's execution date. */
  readonly now: number;
}

/** Which kubeconfig, context and namespace the run uses; the run's I/O adds the process environment. */
export type KubeconfigSettings = Omit<KubeconfigRequest, 'env'>;

/** A pod request body whose name is known (every pod dbnd renders has one). */
export type PodRequestBody = JsonObject & { readonly metadata: JsonObject & { readonly name: string } };

/** A prepared cluster run: plain JSON, so the language server can send it to the extension as it is. */
export interface ClusterRunPlan {
  readonly envName: string;
  readonly engineName: string;
  readonly runUid: string;
  /** The driver pod's request body, as `create_namespaced_pod` receives it. */
  readonly pod: PodRequestBody;
  readonly kubeconfig: KubeconfigSettings;
  /** The engine's resolved values (timedeltas in seconds): keep flags, startup_timeout, the deploy checks. */
  readonly engineValues: { readonly [key: string]: Json };
  /**
   * The image dbnd builds and pushes before it submits (`container_tag` empty, `docker_build` on), in DBND_HOME; null
   * when the tag is set. The pod names the tag that build produces.
   */
  readonly imageBuild: { readonly image: string; readonly push: boolean; readonly dbndHome: string | null } | null;
  /** dbnd's log warnings and notes about this run (e.g. "replacing pod command"), for the user. */
  readonly warnings: readonly string[];
}

export type ClusterRunPreparation =
  | { readonly ok: true; readonly plan: ClusterRunPlan }
  /** `failure`: the exception dbnd raises, with its origin; null when dbnd would run but submit no pod. */
  | { readonly ok: false; readonly failure: RunFailure | null; readonly message: string };

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `%Y%m%d_%H%M%S`, dbnd's docker build time string. */
function buildTime(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** `%Y-%m-%dT%H%M%S.%f`, the execution date in dbnd's driver command. */
function executionDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`;
}

const failed = (failure: RunFailure) => ({
  ok: false as const,
  failure,
  message: `${failure.error.type}: ${failure.error.message}`,
});

export function prepareClusterRun(input: ClusterRunInput): ClusterRunPreparation {
  // `dbnd run TASK --interactive`: the submitter waits for the driver pod, so dbnd does not detach it.
  const set = [...input.set, 'run.interactive=True'];
  const base: RunRequest = {
    files: input.files,
    environment: input.environment,
    envName: input.envName ?? undefined,
    set,
    readFile: input.readFile,
  };
  const resolved = runDbnd(base);
  if (resolved.failure) return failed(resolved.failure);
  const { settings, engine } = resolved;
  if (!settings || !engine) return { ok: false, failure: null, message: 'no engine was built' };
  if (engine.cls.family !== 'kubernetes') {
    return {
      ok: false,
      failure: null,
      message: noPodToSubmitMessage(settings, engine.cls.className, input.task),
    };
  }
  const values = paramValuesRecord(engine.params);
  // --namespace goes in as a --set of the engine, so the pod's namespace and DBND__POD_NAMESPACE agree.
  const request: RunRequest = input.namespace
    ? { ...base, set: [...set, `${settings.engineName}.namespace=${input.namespace}`] }
    : base;
  const started = new Date(input.now);
  const render = renderContext(
    {
      mode: 'driver',
      taskArgs: [
        input.task,
        ...(input.envName ? ['--env', input.envName] : []),
        '--interactive',
        ...input.set.flatMap((s) => ['--set', s]),
      ],
      ...input.ids,
      trackerUrl: '',
      dockerBuildTime: buildTime(started),
      executionDate: executionDate(started),
    },
    input.environment,
  );
  const rendered = runDbnd({ ...request, render: { ...render, now: started.toISOString().replace('Z', '') } });
  if (rendered.failure) return failed(rendered.failure);
  if (rendered.noPod || !rendered.pod)
    return { ok: false, failure: null, message: rendered.noPod ?? 'no pod was rendered' };
  const pod = rendered.pod.pod as PodRequestBody;
  const build = rendered.dockerStep?.kind === 'build' ? rendered.dockerStep.build : null;
  return {
    ok: true,
    plan: {
      envName: settings.envName,
      engineName: settings.engineName,
      runUid: input.ids.runUid,
      pod,
      kubeconfig: {
        inCluster: typeof values.in_cluster === 'boolean' ? values.in_cluster : null,
        configFile: str(values.config_file),
        clusterContext: str(values.cluster_context),
        context: input.context ?? null,
        namespace: input.namespace ?? str(values.namespace) ?? 'default',
      },
      engineValues: values,
      imageBuild: build
        ? {
            image: `${String(build.image_name)}:${build.tag}`,
            push: build.push,
            dbndHome: input.environment.DBND_HOME ?? null,
          }
        : null,
      warnings: [...rendered.logWarnings, ...rendered.notes],
    },
  };
}
