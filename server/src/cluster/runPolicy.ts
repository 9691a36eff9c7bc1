// The engine settings that steer a run on the cluster, read from the engine's resolved values (the core's
// `paramValuesRecord`, timedelta in seconds), and the one delay rule for retries.
//
// Retry delay: dbnd's runtime waits `pod_default_retry_delay` between tries of a Kubernetes task and never reads
// the `retry_delay` of a `pod_error_cfg_source_dict` entry, although the guide documents it
// (docs/dbnd-rules.md §4.5). We do what dbnd does, and every retry event says so, naming the entry's ignored value.

export interface RunPolicy {
  readonly keepFinishedPods: boolean;
  readonly keepFailedPods: boolean;
  readonly podErrorCfgSourceDict: unknown;
  /** The task's `task_retries`, used for a reason that is not in the dict. */
  readonly taskRetries: number;
  readonly podDefaultRetryDelaySeconds: number;
  /** How long a pod may stay Pending before the try fails (`startup_timeout`). */
  readonly startupTimeoutSeconds: number;
  readonly checkImagePullErrors: boolean;
  readonly checkUnschedulableCondition: boolean;
  readonly checkClusterResourceCapacity: boolean;
  readonly requestCpu: string | null;
  readonly requestMemory: string | null;
}

const bool = (v: unknown, fallback: boolean) =>
  typeof v === 'boolean' ? v : v === null || v === undefined ? fallback : Boolean(v);
const seconds = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** From the engine's values; defaults are dbnd's (KubernetesEngineConfig) for anything missing. */
export function runPolicyFromEngine(values: Readonly<Record<string, unknown>>, taskRetries = 0): RunPolicy {
  return {
    keepFinishedPods: bool(values.keep_finished_pods, false),
    keepFailedPods: bool(values.keep_failed_pods, false),
    podErrorCfgSourceDict: values.pod_error_cfg_source_dict ?? {},
    taskRetries,
    podDefaultRetryDelaySeconds: seconds(values.pod_default_retry_delay, 10),
    startupTimeoutSeconds: seconds(values.startup_timeout, 600),
    checkImagePullErrors: bool(values.check_image_pull_errors, true),
    checkUnschedulableCondition: bool(values.check_unschedulable_condition, true),
    checkClusterResourceCapacity: bool(values.check_cluster_resource_capacity, true),
    requestCpu: text(values.request_cpu),
    requestMemory: text(values.request_memory),
  };
}

/** The `retry_delay` written in the dict entry for a reason (what the guide promises and dbnd ignores), if any. */
export function ignoredEntryDelay(dict: unknown, reason: string | null): string | null {
  if (reason === null || typeof dict !== 'object' || dict === null || Array.isArray(dict)) return null;
  const entry = (dict as Record<string, unknown>)[reason];
  if (typeof entry !== 'object' || entry === null) return null;
  const delay = (entry as Record<string, unknown>).retry_delay;
  return delay === undefined || delay === null ? null : String(delay);
}
