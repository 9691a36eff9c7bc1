// DbndPodCtrl.check_deploy_errors (docs/dbnd-rules.md §4.4): what dbnd raises for a pod that cannot start. It runs
// every second while a blocking submission waits, on every Pending watcher event, and to find the failure reason of a
// Pending pod. The Unschedulable conditions are checked first, so an unschedulable pod never reports its image
// pull error. Only `ErrImagePull` on container 0 counts; `ImagePullBackOff` does not.
import type { DbndFailure, PodJson } from './podStatus';
import { imageNotFound, podConfigError, unschedulable } from './k8sErrors';
import { checkResourceCapacity, type NodeCapacity } from './resourceCapacity';

export interface DeployCheckConfig {
  readonly check_unschedulable_condition?: unknown;
  readonly check_image_pull_errors?: unknown;
  readonly check_cluster_resource_capacity?: unknown;
  readonly request_cpu?: unknown;
  readonly request_memory?: unknown;
}

export interface DeployCheckFacts {
  /** `list_node()` of the cluster, for the capacity check; undefined = the listing failed (dbnd then only warns). */
  readonly nodes?: readonly NodeCapacity[];
}

export interface DeployCheck {
  /** What dbnd raises, or null when the pod may still start. */
  readonly failure: DbndFailure | null;
  /** KubernetesImageNotFoundError / KubernetesPodConfigFailure map to failure reasons; other failures to none. */
  readonly kind: 'image_not_found' | 'config_error' | 'unschedulable' | 'other' | null;
  readonly warnings: readonly string[];
}

const truthy = (v: unknown) => Boolean(v) && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0);

export function checkDeployErrors(
  pod: PodJson | undefined,
  engine: DeployCheckConfig,
  facts: DeployCheckFacts = {},
): DeployCheck {
  const warnings: string[] = [];
  const status = pod?.status ?? null;
  const none: DeployCheck = { failure: null, kind: null, warnings };
  if (!status) return none;

  const conditions = status.conditions ?? [];
  if (truthy(engine.check_unschedulable_condition) && conditions.length) {
    for (const condition of conditions) {
      if (condition.reason !== 'Unschedulable') continue;
      const message = condition.message;
      if (typeof message !== 'string') {
        return {
          failure: { type: 'TypeError', message: "argument of type 'NoneType' is not iterable" },
          kind: 'other',
          warnings,
        };
      }
      if (message.includes('Insufficient cpu') || message.includes('Insufficient memory')) {
        if (truthy(engine.check_cluster_resource_capacity)) {
          const capacity = checkResourceCapacity(message, engine.request_cpu, engine.request_memory, facts.nodes);
          warnings.push(...capacity.warnings);
          if (capacity.failure) return { failure: capacity.failure, kind: 'unschedulable', warnings };
        }
        warnings.push(`pod is pending because ${message}`);
      } else {
        return { failure: unschedulable(message), kind: 'unschedulable', warnings };
      }
    }
  }

  const statuses = status.containerStatuses ?? [];
  if (statuses.length) {
    const first = statuses[0];
    const waiting = first.state?.waiting ?? null;
    if (truthy(engine.check_image_pull_errors) && status.phase === 'Pending' && waiting) {
      if (waiting.reason === 'ErrImagePull') {
        return {
          failure: imageNotFound(first.image ?? null, waiting.message ?? null, waiting.reason),
          kind: 'image_not_found',
          warnings,
        };
      }
      if (waiting.reason === 'CreateContainerConfigError') {
        return { failure: podConfigError(waiting.message ?? 'None'), kind: 'config_error', warnings };
      }
    }
  }
  return none;
}
