// The inputs and outputs of the pod renderer.
import type { Json, JsonObject } from '../json';

/**
 * The engine's parameter values keyed by parameter name, in the JSON form of docs/conformance.md §5.2
 * (timedelta = seconds, `List[str]` leaves already str()-ed), after `_initialize()`; plus the engine section
 * name as the user wrote it.
 */
export type EngineValues = { readonly engineName: string } & { readonly [param: string]: Json };

/** docs/conformance.md §7: the k-th volume secret (1-based) of one pod build. */
export function defaultSecretVolumeName(k: number): string {
  return `secretvol00000000-0000-0000-0000-${String(k).padStart(12, '0')}`;
}

export interface PodRenderContext {
  /** `driver`: the pod `dbnd run` submits; `task`: a pod of the Airflow Kubernetes executor. */
  readonly mode: 'driver' | 'task';
  /** The container command before trap/debug rewriting (driver: shlex.split of the DockerRunTask command). */
  readonly cmds: readonly string[];
  readonly taskName: string;
  readonly taskFamily: string;
  readonly fullTaskFamilyShort: string;
  readonly taskAfId: string;
  readonly isSystem: boolean;
  readonly runUid: string;
  readonly taskRunUid: string;
  readonly taskRunAttemptUid: string;
  /** `task_run_env.user` → DBND_USER. */
  readonly user: string;
  /** The task run's tracker URL → `dbnd_tracker` annotation. */
  readonly trackerUrl: string;
  /** The run's user code version → DBND__RUN_INFO__SOURCE_VERSION. */
  readonly sourceVersion: string;
  /** `run_executor.get_context_spawn_env()`: applied after env_vars, so it cannot be overridden. */
  readonly spawnEnv: Readonly<Record<string, string>>;
  /** Labels passed by the caller (Airflow executor: airflow-worker, dag_id, task_id, execution_date, try_number). */
  readonly labels?: Readonly<Record<string, Json>> | null;
  /** Airflow executor only: appended to the pod name as `-<n>`. */
  readonly tryNumber?: number | null;
  /** The env object's name → DBND_ENV. */
  readonly envName: string;
  /** `datetime.now().isoformat()` for `pod_log_url`; default `2024-01-01T00:00:00`. */
  readonly now?: string;
  /** dbnd always passes True for driver and executor pods. Default true. */
  readonly includeSystemSecrets?: boolean;
  /** Name of the k-th volume secret (1-based); default docs/conformance.md §7's deterministic counter. */
  readonly secretVolumeName?: (k: number) => string;
  /** The logger repr of the task run in warnings; default `TaskRun(<task_name>)`. */
  readonly taskRunRepr?: string;
}

export interface PodTemplateIo {
  /** The text of a `pod_yaml` file, or undefined when it cannot be read. */
  readTemplate(path: string): string | undefined;
}

/** What `renderPod` returns when dbnd would submit a pod (as `DbndResult<RenderedPod>`). */
export interface RenderedPod {
  readonly pod: JsonObject;
  readonly secretVolumeNames: readonly string[];
  readonly externalLinks: Readonly<Record<string, string>>;
  readonly logWarnings: readonly string[];
}
