// The parts of a V1Pod (as the Kubernetes API returns it, camelCase JSON) that dbnd's failure handling reads.
// Everything is optional: a pod read from a cluster may lack any of it, and nothing here may throw.
import type { PythonError } from '../result';

export interface ContainerStateJson {
  readonly waiting?: { readonly reason?: string | null; readonly message?: string | null } | null;
  readonly terminated?: { readonly exitCode?: number | null; readonly reason?: string | null } | null;
  readonly running?: unknown;
}

export interface ContainerStatusJson {
  readonly name?: string | null;
  readonly image?: string | null;
  readonly state?: ContainerStateJson | null;
}

export interface PodConditionJson {
  readonly type?: string | null;
  readonly status?: string | null;
  readonly reason?: string | null;
  readonly message?: string | null;
}

export interface PodJson {
  readonly metadata?: { readonly name?: string | null; readonly deletionTimestamp?: string | null } | null;
  readonly status?: {
    readonly phase?: string | null;
    readonly conditions?: readonly PodConditionJson[] | null;
    readonly containerStatuses?: readonly ContainerStatusJson[] | null;
  } | null;
}

/** The exception dbnd raises (class name, message, and the help text dbnd attaches). */
export interface DbndFailure extends PythonError {
  readonly helpMsg?: string;
}
