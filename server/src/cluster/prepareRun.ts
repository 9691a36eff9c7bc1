// From dbnd config to what a cluster run needs: the pod of each try (rendered by the core exactly as
// `dbnd run TASK --env ENV --interactive` would submit its driver pod), the engine's run policy and the kubeconfig
// request. Pure: the caller hands in the config files' text and the process environment, so the CLI and the
// editor prepare runs the same way.
import { randomUUID } from 'node:crypto';
import type { Environment } from '../core/environment';
import { paramValuesRecord } from '../core/resolve/paramValue';
import { renderContext, runDbnd, type RunFile, type RunRequest, type RunResult } from '../core/run';
import type { KubeconfigRequest } from './kubeconfig';
import { runPolicyFromEngine, type RunPolicy } from './runPolicy';
import { NO_POD_TO_SUBMIT, noPodToSubmitMessage } from './runnableEnv';

export interface ClusterRunInput {
  /** Config files in dbnd's load order (after the package defaults), with their text. */
  readonly files: readonly RunFile[];
  /** The process environment (DBND__ variables, KUBECONFIG, HOME, PATH, USER). */
  readonly env: Environment;
  readonly readFile: (path: string) => string | undefined;
  /** `--env`; null = `[databand] env`. */
  readonly envName: string | null;
  readonly task: string;
  /** `--set` arguments as typed (`S.K=V` or the JSON form), in order. */
  readonly set: readonly string[];
  readonly context?: string | null;
  readonly namespace?: string | null;
  /** Identifies the run in pod labels (dbnd_run_uid); default a new UUID. */
  readonly runUid?: string;
}

export interface PreparedRun {
  readonly envName: string;
  readonly engineName: string;
  readonly runUid: string;
  readonly policy: RunPolicy;
  readonly kubeconfig: KubeconfigRequest;
  /**
   * The image dbnd would build and push before submitting (`container_tag` empty, `docker_build` on), or null.
   * The pod then names a tag that exists only after that build: callers build it first or set container_tag.
   */
  readonly imageBuild: { readonly image: string; readonly push: boolean } | null;
  /** dbnd's notes and log warnings about this run (e.g. "replacing pod command"), for the user. */
  readonly warnings: readonly string[];
  /** The pod body of try N (1-based): name suffix `-N` and label try_number=N, a new attempt uid per try. */
  podForTry(
    tryNumber: number,
  ): { metadata: { name: string; namespace: string; labels: Record<string, string> } } & Record<string, unknown>;
}

export type PrepareResult =
  | { readonly ok: true; readonly run: PreparedRun }
  | { readonly ok: false; readonly stage: string; readonly message: string };

function failure(result: RunResult): { stage: string; message: string } | null {
  if (result.failure)
    return { stage: result.failure.stage, message: `${result.failure.error.type}: ${result.failure.error.message}` };
  return null;
}

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

export function prepareClusterRun(input: ClusterRunInput): PrepareResult {
  // `dbnd run TASK --interactive`: the submitter waits for the driver pod, so dbnd does not detach it.
  const set = [...input.set, 'run.interactive=True'];
  const base: RunRequest = {
    files: input.files,
    environment: input.env,
    envName: input.envName ?? undefined,
    set,
    readFile: input.readFile,
  };
  const resolved = runDbnd(base);
  const failed = failure(resolved);
  if (failed) return { ok: false, ...failed };
  const settings = resolved.settings;
  const engine = resolved.engine;
  if (!settings || !engine) return { ok: false, stage: 'engine', message: 'no engine was built' };
  if (engine.cls.family !== 'kubernetes') {
    return {
      ok: false,
      stage: NO_POD_TO_SUBMIT,
      message: noPodToSubmitMessage(settings, engine.cls.className, input.task),
    };
  }
  const values = paramValuesRecord(engine.params);
  // --namespace goes in as a --set of the engine, so the pod's namespace and DBND__POD_NAMESPACE agree.
  const request: RunRequest = input.namespace
    ? { ...base, set: [...set, `${settings.engineName}.namespace=${input.namespace}`] }
    : base;
  const namespace = input.namespace ?? str(values.namespace) ?? 'default';
  const runUid = input.runUid ?? randomUUID();
  const taskRunUid = randomUUID();
  const started = new Date();
  const taskArgs = [
    input.task,
    ...(input.envName ? ['--env', input.envName] : []),
    '--interactive',
    ...input.set.flatMap((s) => ['--set', s]),
  ];

  const render = (tryNumber: number) => ({
    ...renderContext(
      {
        mode: 'driver',
        taskArgs,
        runUid,
        taskRunUid,
        taskRunAttemptUid: randomUUID(),
        trackerUrl: '',
        dockerBuildTime: buildTime(started),
        executionDate: executionDate(started),
      },
      input.env,
    ),
    // The Airflow executor's way of telling tries apart, applied to the driver pod: `-<n>` and a label.
    labels: { try_number: String(tryNumber) },
    tryNumber,
    now: started.toISOString().replace('Z', ''),
  });

  // The first try is rendered now, so a config that cannot build a pod fails before anything is sent.
  const first = runDbnd({ ...request, render: render(1) });
  const firstFailure = failure(first);
  if (firstFailure) return { ok: false, ...firstFailure };
  if (first.noPod || !first.pod) return { ok: false, stage: 'pod', message: first.noPod ?? 'no pod was rendered' };

  return {
    ok: true,
    run: {
      envName: settings.envName,
      engineName: settings.engineName,
      runUid,
      policy: runPolicyFromEngine(values),
      imageBuild:
        first.dockerStep?.kind === 'build'
          ? {
              image: `${String(first.dockerStep.build.image_name)}:${first.dockerStep.build.tag}`,
              push: first.dockerStep.build.push,
            }
          : null,
      warnings: [...first.logWarnings, ...first.notes],
      kubeconfig: {
        inCluster: typeof values.in_cluster === 'boolean' ? values.in_cluster : null,
        configFile: str(values.config_file),
        clusterContext: str(values.cluster_context),
        context: input.context ?? null,
        namespace,
        env: input.env,
      },
      podForTry(tryNumber) {
        const result = tryNumber === 1 ? first : runDbnd({ ...request, render: render(tryNumber) });
        const f = failure(result);
        if (f || !result.pod)
          throw new Error(`the pod of try ${tryNumber} cannot be built: ${f?.message ?? result.noPod}`);
        return result.pod.pod as unknown as ReturnType<PreparedRun['podForTry']>;
      },
    },
  };
}
