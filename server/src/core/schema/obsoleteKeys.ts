// Keys that appear in old docs, examples and projects but are not keys of any dbnd 1.0.28 class. dbnd only warns
// "Unknown parameter" about them; the editor can say what replaced them.

export interface ObsoleteKey {
  readonly name: string;
  /** Family of the class the key was meant for. */
  readonly family: string;
  /** The key to use instead (`pod_default_retry_delay`), or a description of the replacement. */
  readonly replacement: string;
  readonly docs: string;
}

export const OBSOLETE_KEYS: readonly ObsoleteKey[] = [
  {
    name: 'pod_exit_code_to_retry_count',
    family: 'kubernetes',
    replacement: 'pod_error_cfg_source_dict',
    docs:
      'Retries per exit code are now entries of `pod_error_cfg_source_dict`, e.g. `{"255": {"retry_count": 3}}`. ' +
      'Removed in Nov 2020.',
  },
  {
    name: 'pod_retry_delay',
    family: 'kubernetes',
    replacement: 'pod_default_retry_delay',
    docs: 'The delay between pod retries is `pod_default_retry_delay`. Removed in Nov 2020.',
  },
  {
    name: 'retry_on_image_pull_error_count',
    family: 'kubernetes',
    replacement: 'pod_error_cfg_source_dict',
    docs:
      'Image pull retries are the `err_image_pull` entry of `pod_error_cfg_source_dict`, e.g. ' +
      '`{"err_image_pull": {"retry_count": 2}}`. Removed in Nov 2020.',
  },
  {
    name: 'airflow_live_log_image',
    family: 'kubernetes',
    replacement: 'airflow_log_image',
    docs: 'Never a key: the Airflow live-logs doc misnames `airflow_log_image`.',
  },
];

/** The obsolete key `key` (case-insensitive); obsolete keys are only reported for classes of `family`. */
export function obsoleteKey(family: string, key: string): ObsoleteKey | undefined {
  const lower = key.toLowerCase();
  return OBSOLETE_KEYS.find((k) => k.family === family && k.name === lower);
}
