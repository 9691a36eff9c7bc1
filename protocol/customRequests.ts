// The custom LSP requests between the extension (client) and the dbnd-cfg language server, typed once and
// compiled by both sides, so a change of shape breaks the build on both. The server owns the project model and
// dbnd's resolution; the client only asks and shows. docs/lsp-extensions.md documents each request.
import { RequestType, type Location } from 'vscode-languageserver-protocol';

/** A JSON value as dbnd's parameters hold them after parsing. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Which project a request is about: any of its documents (usually the active one) or a workspace folder. */
export interface ProjectParams {
  /** A document or folder URI; the server finds DBND_HOME and dbnd's config files from it, as `dbnd run` would there. */
  readonly uri: string;
}

/** What `dbnd run` is asked for: the environment and, optionally, an engine section to build instead. */
export interface RunParams extends ProjectParams {
  /** Like `dbnd run --env`. Absent: `[databand] env` of the project, else `local`. */
  readonly env?: string;
  /** Build this engine section instead of the environment's remote_engine/local_engine (a CodeLens on it). */
  readonly engine?: string;
}

/** The exception dbnd would raise, and where in the user's files the value that causes it was written. */
export interface DbndError {
  /** The step of `dbnd run` that fails: reading the files, entering the env, building the engine, building the pod. */
  readonly stage: 'load' | 'env' | 'engine' | 'pod';
  /** The Python exception class, e.g. `DatabandBuildError`. */
  readonly type: string;
  readonly message: string;
  /** The exceptions behind it, outermost first (dbnd prints them as "caused by"). */
  readonly nested: readonly { readonly type: string; readonly message: string }[];
  /** The line that causes it, when it is in a file. */
  readonly location?: Location;
}

/** Where one value that decided a parameter came from. */
export interface ValueSource {
  /** In words, as the CLI's `effective` and the hover say it: `project.cfg:12` (relative to DBND_HOME when inside it), `$DBND__K8S__NAMESPACE`, `code default`. */
  readonly text: string;
  /** The line that sets it, when it is in one of the project's files (not dbnd's package defaults). */
  readonly location?: Location;
}

export interface EffectiveParam {
  readonly name: string;
  /** dbnd's value type name (`str`, `bool`, `Dict`, ...). */
  readonly type: string;
  readonly value: JsonValue;
  /** dbnd's own source string: `config[databand-system.cfg]`, `environ[DBND__K8S__NAMESPACE]`, `...[default]`. */
  readonly source: string;
  /** Every value that decided it, lowest layer first (several when `extend` merged them). */
  readonly from: readonly ValueSource[];
  /** True for parameters dbnd hides from users (`system=True`). */
  readonly system: boolean;
}

export interface EffectiveObject {
  readonly role: 'env' | 'engine';
  /** The section name the object is built from (`kubernetes_cluster_env`, `your_kubernetes_engine`). */
  readonly name: string;
  readonly className: string;
  readonly classPath: string;
  /** The sections dbnd reads for it, in its order. */
  readonly sections: readonly string[];
  readonly params: readonly EffectiveParam[];
}

/** Sent by the client: the environment objects of `[run] environments`, for the environment picker. */
export namespace EnvironmentsRequest {
  export const method = 'dbnd/environments' as const;
  export const type = new RequestType<ProjectParams, EnvironmentsResult, void>(method);
}

export interface EnvironmentInfo {
  readonly name: string;
  /** The engine section `dbnd run` uses in this environment: remote_engine, else local_engine. */
  readonly engine: string | null;
  /** The engine's config class (`KubernetesEngineConfig`), when it can be built. */
  readonly engineClass: string | null;
  /** True when that engine is a Kubernetes engine, so the environment has a Pod spec. */
  readonly kubernetes: boolean;
  /** The environment's section header, when a file declares it. */
  readonly location?: Location;
  /** Why dbnd cannot enter this environment or build its engine. */
  readonly error?: DbndError;
}

export interface EnvironmentsResult {
  /** `[databand] env`: what `dbnd run` uses without `--env`. */
  readonly defaultEnv: string;
  /** In the order of `[run] environments`; empty when the files cannot be loaded. */
  readonly environments: readonly EnvironmentInfo[];
  /** Set when the configuration cannot be loaded at all. */
  readonly error: DbndError | null;
  /** The config files dbnd reads for this project, in its order (their changes change the answer). */
  readonly files: readonly string[];
}

/** Sent by the client: the env and engine objects dbnd would build, every value with where it comes from. */
export namespace EffectiveConfigRequest {
  export const method = 'dbnd/effectiveConfig' as const;
  export const type = new RequestType<RunParams, EffectiveConfigResult, void>(method);
}

export interface EffectiveConfigResult {
  readonly env: string;
  /** The engine section built (the environment's, or the one asked for). */
  readonly engine: string | null;
  /** The env object, then the engine object, as far as dbnd gets before an error. */
  readonly objects: readonly EffectiveObject[];
  /** Unknown keys and similar warnings dbnd logs, in its words. */
  readonly warnings: readonly string[];
  readonly error: DbndError | null;
  readonly files: readonly string[];
}

/** Sent by the client: the Kubernetes Pod dbnd would submit, the driver's or a task's. */
export namespace RenderPodRequest {
  export const method = 'dbnd/renderPod' as const;
  export const type = new RequestType<RenderPodParams, RenderPodResult, void>(method);
}

export interface RenderPodParams extends RunParams {
  /** `driver`: the pod `dbnd run` submits for the driver; `task`: the pod of one task (submit_tasks). */
  readonly mode: 'driver' | 'task';
  /** The task name (task mode); also the pod name's stem. */
  readonly taskName?: string;
  /** What `@task(task_config=...)` would add, e.g. `{"kubernetes": {"limit_memory": "2Gi"}}` (task mode). */
  readonly taskConfig?: { readonly [section: string]: { readonly [key: string]: JsonValue } };
}

/** A pod value dbnd only knows once it really submits: the document shows a stand-in and says so. */
export interface PodPlaceholder {
  readonly value: string;
  readonly meaning: string;
}

export interface RenderPodResult {
  readonly env: string;
  /** The engine section built, once dbnd got that far. */
  readonly engine: string | null;
  /** The Pod request body, as the Kubernetes API receives it; null when dbnd fails or builds no pod. */
  readonly pod: JsonValue | null;
  /** Why there is no pod although dbnd does not fail (the environment's engine is not Kubernetes). */
  readonly noPod: string | null;
  readonly error: DbndError | null;
  /** Where dbnd is silent but the reader should know (task_config does not reach the driver pod, ...). */
  readonly notes: readonly string[];
  readonly placeholders: readonly PodPlaceholder[];
  readonly files: readonly string[];
}

/**
 * Sent by the client when the user runs a task on the cluster, after it saved the project's dbnd files: what
 * `dbnd run TASK --env ENV --interactive` would submit, prepared by the server from the files' SAVED state (a run
 * reads the disk, as dbnd and the image build do), or dbnd's error with the line that causes it. The client then
 * does only the run's I/O (image build, Kubernetes) and the UI.
 */
export namespace PrepareClusterRunRequest {
  export const method = 'dbnd/prepareClusterRun' as const;
  export const type = new RequestType<PrepareClusterRunParams, PrepareClusterRunResult, void>(method);
}

export interface PrepareClusterRunParams extends ProjectParams {
  /** `dbnd run --env`. */
  readonly env: string;
  /** The task `dbnd run` runs. */
  readonly task: string;
  /** `--set` values as typed (`S.K=V`), in order. */
  readonly set: readonly string[];
  /** A kubeconfig context that beats the engine's cluster_context (the status item's choice). */
  readonly context: string | null;
  /** A namespace that beats the engine's. */
  readonly namespace: string | null;
}

/** The prepared run: plain JSON, the shape of the core's `ClusterRunPlan` (server/src/core/run/prepareClusterRun.ts). */
export interface ClusterRunPlan {
  readonly envName: string;
  readonly engineName: string;
  /** `dbnd_run_uid` of this run (in the pod's labels). */
  readonly runUid: string;
  /** The driver pod's request body. */
  readonly pod: { readonly [key: string]: JsonValue } & { readonly metadata: { readonly name: string } };
  /** Which kubeconfig, context and namespace the run uses; the client adds its process environment. */
  readonly kubeconfig: {
    readonly inCluster: boolean | null;
    readonly configFile: string | null;
    readonly context: string | null;
    readonly clusterContext: string | null;
    readonly namespace: string;
  };
  /** The engine's resolved values (timedeltas in seconds) that steer the run: keep flags, startup_timeout, checks. */
  readonly engineValues: { readonly [key: string]: JsonValue };
  /** The image dbnd builds (and pushes) in DBND_HOME before it submits; null when container_tag is set. */
  readonly imageBuild: { readonly image: string; readonly push: boolean; readonly dbndHome: string | null } | null;
  /** dbnd's warnings and notes about this run, for the run's output. */
  readonly warnings: readonly string[];
}

export interface PrepareClusterRunResult {
  readonly plan: ClusterRunPlan | null;
  /** dbnd's error, with the line that causes it when it is in a file. */
  readonly error: DbndError | null;
  /** Why dbnd would run but submit no pod (the env's engine is not a Kubernetes engine). */
  readonly noPod: string | null;
  /** The saved config files the run read, in dbnd's order. */
  readonly files: readonly string[];
}
