// DbndPodCtrl.delete_pod's keep rules (docs/dbnd-rules.md §4.6). Every deletion path (blocking submit, Airflow
// executor, shutdown, Ctrl-C) goes through it, so these two flags are honoured everywhere.

export interface KeepPodsConfig {
  readonly keepFinishedPods: boolean;
  readonly keepFailedPods: boolean;
}

export interface DeleteDecision {
  readonly delete: boolean;
  /** The warning dbnd logs when it keeps the pod. */
  readonly why: string | null;
}

/** `phase` is the pod's current phase, or null/undefined when the pod cannot be read (not found). */
export function shouldDeletePod(phase: string | null | undefined, config: KeepPodsConfig): DeleteDecision {
  if (config.keepFinishedPods) return { delete: false, why: 'Will not delete pod due to keep_finished_pods=True.' };
  if (config.keepFailedPods && phase !== 'Running' && phase !== 'Succeeded') {
    return { delete: false, why: `Keeping failed pod due to keep_failed_pods=True and state is ${phase ?? 'None'}` };
  }
  return { delete: true, why: null };
}
