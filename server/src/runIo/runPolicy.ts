// The engine settings that steer a run on the cluster, read from the engine's resolved values (the core's
// `paramValuesRecord`, timedelta in seconds). No retry settings: the driver pod is submitted once (runDriverPod.ts).

export interface RunPolicy {
  readonly keepFinishedPods: boolean;
  readonly keepFailedPods: boolean;
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
export function runPolicyFromEngine(values: Readonly<Record<string, unknown>>): RunPolicy {
  return {
    keepFinishedPods: bool(values.keep_finished_pods, false),
    keepFailedPods: bool(values.keep_failed_pods, false),
    startupTimeoutSeconds: seconds(values.startup_timeout, 600),
    checkImagePullErrors: bool(values.check_image_pull_errors, true),
    checkUnschedulableCondition: bool(values.check_unschedulable_condition, true),
    checkClusterResourceCapacity: bool(values.check_cluster_resource_capacity, true),
    requestCpu: text(values.request_cpu),
    requestMemory: text(values.request_memory),
  };
}
