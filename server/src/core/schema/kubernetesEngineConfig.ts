// `KubernetesEngineConfig` (dbnd_docker/kubernetes/kubernetes_engine_config.py), family `kubernetes`: 76 user keys
// plus the system key, in the order dbnd defines them (10 inherited, then 66 own). Order, types and code defaults
// are checked against every conformance case's `engine_config`.
import { CONTAINER_ENGINE_CONFIG_PARAMS } from './engineBaseParams';
import { validateNoExtraParams, withDefault, withoutDefault } from './paramBuilders';
import { DBND_RUN_CONF_DIR_PLACEHOLDER } from './placeholders';
import type { ConfigClassSchema, ParamSchema } from './types';

const LIVE_LOGS_SINCE = 'Feb 2021';
const ZOMBIES_SINCE = 'Feb 2021';

const STRINGIFIED_LEAVES =
  'Declared `List[str]`, so after JSON parsing **every nested value is converted to a string**: `readOnly: true` ' +
  'becomes `"True"`, `420` becomes `"420"`. The Kubernetes API expects booleans and integers there and will most ' +
  'likely reject the pod; put such fields in `pod_yaml` instead.';

const KUBERNETES_OWN_PARAMS: readonly ParamSchema[] = [
  withDefault(
    'cluster_context',
    'str',
    null,
    'kubeconfig context to use when dbnd is not running inside the cluster (`load_kube_config(context=...)`).',
  ),
  withDefault('config_file', 'str', null, 'Path of the kubeconfig file used when not running inside the cluster.'),
  withDefault(
    'in_cluster',
    'bool',
    null,
    'How to connect: unset tries the in-cluster service account first and falls back to kubeconfig; True or ' +
      'False forces one mode. Pods dbnd builds get `DBND__<ENGINE>__IN_CLUSTER=True`. An empty value is a bool ' +
      'parse error; write `@None` for "unset".',
  ),
  withDefault(
    'image_pull_policy',
    'str',
    'IfNotPresent',
    '`imagePullPolicy` of the `base` container. Not validated; any string is sent as written. Forced to `Never` ' +
      'when dbnd builds the image with `docker_build_push = False`.',
    { examples: ['IfNotPresent', 'Always', 'Never'] },
  ),
  withDefault(
    'image_pull_secrets',
    'str',
    null,
    'Comma-separated names of image pull secrets (`imagePullSecrets`). Names are not trimmed: `a, b` yields a ' +
      'second name with a leading space.',
    { examples: ['regcred', 'regcred,other-secret'] },
  ),
  withDefault('keep_finished_pods', 'bool', false, 'Never delete pods, whether they finished or not.'),
  withDefault(
    'keep_failed_pods',
    'bool',
    false,
    'Do not delete a pod unless it is Running or Succeeded. "Failed" here really means any other phase: Pending, ' +
      'Failed, Unknown, or not found.',
  ),
  withDefault(
    'namespace',
    'str',
    'default',
    'Namespace of the pods; the watcher, the executor and pod deletion use it too. Quotes and inline comments ' +
      'stay part of the value (`namespace = "prod"` includes the quotes).',
    { examples: ['databand'] },
  ),
  withDefault(
    'secrets',
    'List',
    [],
    'Secrets added to every pod. Each item is a dict with `type` (`env` or `volume`), `target`, `secret` and ' +
      'optionally `key`: `env` with `key` becomes an env var from a secret key (Airflow upper-cases the target), ' +
      '`env` without `key` becomes `envFrom.secretRef`, `volume` mounts the secret at `target` (read-only, random ' +
      'volume name). Another `type` fails at pod build ("deploy_type must be env or volume"), and so does a `key` ' +
      "without `target`. Setting it in a task_config replaces the engine's list unless extended.",
    {
      examples: [
        '[{"type": "env", "target": "DBND__CORE__DATABAND_URL", "secret": "databand-secret", "key": "databand_url"}]',
      ],
    },
  ),
  withDefault(
    'system_secrets',
    'List',
    [],
    'Same item format as `secrets`, but added only to pods built with system secrets: the driver, system tasks ' +
      'and every pod of the Airflow Kubernetes executor. They come before `secrets`.',
  ),
  withDefault(
    'env_vars',
    'Dict',
    {},
    "Extra environment variables of the `base` container, applied after dbnd's own (so they can override e.g. " +
      "`DBND__POD_NAMESPACE`) but before the run's spawn env. Values are sent as parsed: a number stays a JSON " +
      'number, which the API rejects for env values; quote them.',
    { examples: ['{"MY_FLAG": "1"}'] },
  ),
  withDefault('node_selectors', 'Dict', {}, '`spec.nodeSelector` of the pod.', {
    examples: ['{"cloud.google.com/gke-nodepool": "pool-1"}'],
  }),
  withDefault(
    'annotations',
    'Dict',
    {},
    'Pod annotations, next to the ones dbnd adds (`dbnd_tracker`, the GCP service account). Values are not ' +
      'converted to strings; numbers are invalid annotation values.',
  ),
  withDefault(
    'pods_creation_batch_size',
    'int',
    10,
    "Most pods the Airflow Kubernetes executor creates per sync loop (Airflow's `worker_pods_creation_batch_size`).",
  ),
  withDefault('service_account_name', 'str', null, '`spec.serviceAccountName` of the pod.'),
  withDefault(
    'gcp_service_account_keys',
    'str',
    null,
    'When set, adds the annotation `iam.cloud.google.com/service-account: <value>` to the pod.',
  ),
  withDefault('affinity', 'Dict', {}, '`spec.affinity`, as raw Kubernetes JSON in camelCase.'),
  withDefault('tolerations', 'List', [], '`spec.tolerations`, as raw Kubernetes JSON.', {
    examples: ['[{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}]'],
  }),
  withDefault('hostnetwork', 'bool', false, '`spec.hostNetwork` of the pod.'),
  withDefault(
    'configmaps',
    'List[str]',
    [],
    'ConfigMap names; each becomes an `envFrom.configMapRef` of the `base` container.',
    { examples: ['my-config,other-config'] },
  ),
  withDefault(
    'volumes',
    'List[str]',
    null,
    'Pod volumes, in practice a list of dicts with camelCase Kubernetes field names (an unknown top-level field ' +
      'fails the build). ' +
      STRINGIFIED_LEAVES,
    { examples: ['[{"name": "data", "persistentVolumeClaim": {"claimName": "data-pvc"}}]'] },
  ),
  withDefault(
    'volume_mounts',
    'List[str]',
    null,
    'Volume mounts of the `base` container, a list of dicts. Only `name`, `mountPath`, `subPath` and `readOnly` ' +
      'are read; other fields are silently dropped. ' +
      STRINGIFIED_LEAVES,
    { examples: ['[{"name": "data", "mountPath": "/data"}]'] },
  ),
  withDefault(
    'security_context',
    'List[str]',
    null,
    'Pod `spec.securityContext`, in practice a dict passed through as is. ' + STRINGIFIED_LEAVES,
  ),
  withDefault(
    'labels',
    'Dict',
    null,
    'Extra pod labels (a dict, although old docs call it a list). Values are rewritten to DNS-1123 label form ' +
      '(`team_A` becomes `team-a`, at most 63 characters); keys are kept. They can override the Airflow labels ' +
      "(`airflow-worker`, `task_id`, ...), which breaks the executor's pod watching, but not dbnd's own labels.",
    { examples: ['{"team": "data"}'] },
  ),
  withDefault(
    'request_memory',
    'str',
    null,
    'Memory request of the `base` container; overrides `requests["memory"]`. Also used by the cluster capacity ' +
      'check. An empty value is dropped.',
    { examples: ['64Mi', '2Gi'] },
  ),
  withDefault(
    'request_cpu',
    'str',
    null,
    'CPU request of the `base` container; overrides `requests["cpu"]`. Also used by the cluster capacity check.',
    { examples: ['250m', '0.5'] },
  ),
  withDefault('limit_memory', 'str', null, 'Memory limit of the `base` container; overrides `limits["memory"]`.', {
    examples: ['128Mi'],
  }),
  withDefault('limit_cpu', 'str', null, 'CPU limit of the `base` container; overrides `limits["cpu"]`.', {
    examples: ['500m'],
  }),
  withDefault(
    'requests',
    'Dict',
    null,
    'Full resource requests map (any resource name). `request_cpu`/`request_memory` override its entries. ' +
      'Resources in the `pod_yaml` template are always lost, so set them here.',
  ),
  withDefault(
    'limits',
    'Dict',
    null,
    'Full resource limits map, e.g. `{"nvidia.com/gpu": 1}`. `limit_cpu`/`limit_memory` override its entries.',
    { examples: ['{"nvidia.com/gpu": 1}'] },
  ),
  withoutDefault(
    'pod_error_cfg_source_dict',
    'Dict',
    'Retries per pod failure reason (Airflow executor path). Keys are a container exit code as a string ' +
      '(`"255"`, `"137"` for OOM kills) or `err_image_pull`, `err_config_error`, `err_pod_deleted`, ' +
      '`err_pod_evicted`; values are `{"retry_count": <int>, "retry_delay": "<timedelta>"}`. Only `retry_count` is ' +
      'read: **`retry_delay` has no effect**, the delay is always `pod_default_retry_delay`. A missing ' +
      '`retry_count` fails at retry time. Setting it in your own section **replaces** the shipped dict rather ' +
      'than merging with it. `err_image_pull` covers `ErrImagePull` only, not `ImagePullBackOff`, and ' +
      "`err_pod_evicted` is used only when a pod reports success but Airflow's task is unfinished; a real " +
      'eviction maps to no key. No code default; the shipped `[kubernetes]` sets `255` and `err_image_pull`.',
    { examples: ['{"255": {"retry_count": 3}, "err_image_pull": {"retry_count": 0}}'] },
  ),
  withDefault(
    'pod_default_retry_delay',
    'timedelta',
    10,
    'Delay between retries of a task whose engine is a Kubernetes engine (Airflow path); it replaces the ' +
      "task's `task_retry_delay`, and it is also the delay for `pod_error_cfg_source_dict` retries.",
    { examples: ['10s', '1m'] },
  ),
  withoutDefault(
    'submit_termination_grace_period',
    'timedelta',
    'After log streaming ends (blocking path), how long to wait for the pod to reach Succeeded or Failed before ' +
      'failing with "Pod is not in a final state". No code default; the shipped `[kubernetes]` sets `30s`.',
    { examples: ['30s', '2m'] },
  ),
  withDefault('startup_timeout_seconds', 'int', 120, 'Legacy pod startup timeout in seconds. Nothing reads it.', {
    unused: 'Nothing reads `startup_timeout_seconds`; the startup timeout is `startup_timeout`.',
    deprecated: 'Use `startup_timeout` (a timedelta such as `10m`).',
  }),
  withDefault(
    'show_pod_log',
    'bool',
    false,
    'Blocking mode: wait for every pod and stream its log (forces `detach_run` off). In practice tasks then run ' +
      'one after another.',
  ),
  withDefault(
    'debug',
    'bool',
    false,
    'Verbose Kubernetes logging and blocking mode (forces `detach_run` off); the full pod request is logged and ' +
      'written to `pod.yaml` in the task attempt folder.',
  ),
  withDefault(
    'debug_with_command',
    'str',
    '',
    "Replace the pod's command with this shell-split string, for debugging (e.g. `sleep 3600` to exec into the " +
      'pod).',
    { examples: ['sleep 3600'] },
  ),
  withDefault('debug_phase', 'str', '', 'Log the raw watcher events of pods in this phase (e.g. `Pending`).', {
    examples: ['Pending'],
  }),
  withDefault('prefix_remote_log', 'bool', true, 'Prefix every streamed pod log line with `[<pod name>]`.'),
  withDefault(
    'check_unschedulable_condition',
    'bool',
    true,
    'Fail a pod with an "Unschedulable" condition (e.g. taints), except for insufficient cpu/memory messages, ' +
      'which only warn.',
  ),
  withDefault(
    'check_image_pull_errors',
    'bool',
    true,
    'Fail a Pending pod whose container waits with `ErrImagePull` or `CreateContainerConfigError` (e.g. a missing ' +
      'secret). `ImagePullBackOff` is **not** detected.',
  ),
  withDefault(
    'check_running_pod_errors',
    'bool',
    false,
    'Fail a Running pod whose `Ready` condition is False (watcher path only).',
  ),
  withDefault(
    'check_cluster_resource_capacity',
    'bool',
    true,
    'On insufficient cpu/memory, compare `request_cpu`/`request_memory` (not `requests`) with the largest node ' +
      'and fail when the request can never fit.',
  ),
  withDefault(
    'startup_timeout',
    'timedelta',
    600,
    'Longest time a pod may stay Pending before dbnd fails it (blocking path only).',
    { examples: ['10m', '30m'] },
  ),
  withDefault(
    'max_retries_on_log_stream_failure',
    'int',
    50,
    'How often log streaming reconnects after a network error (lines may repeat). 0 disables retries; the loop ' +
      'is capped at 100. Running out of retries stops streaming without failing the run.',
    { since: 'Jul 2021' },
  ),
  withDefault(
    'dashboard_url',
    'str',
    null,
    'Link shown on the task run as `k8s_dashboard`: a Python format string with `{namespace}` and `{pod}`.',
    { examples: ['https://dashboard.example.com/#/pod/{namespace}/{pod}'] },
  ),
  withDefault(
    'pod_log_url',
    'str',
    null,
    'Link shown on the task run as `pod_log`: a format string with `{namespace}`, `{pod}` and `{timestamp}`.',
  ),
  withDefault(
    'pod_yaml',
    'str',
    `${DBND_RUN_CONF_DIR_PLACEHOLDER}/kubernetes-pod.yaml`,
    "Pod template merged under the pod dbnd builds. dbnd's values win; the template supplies fields dbnd leaves " +
      "empty (`restartPolicy`, `dnsPolicy`, init containers, sidecars, ...). Its first container's env, envFrom " +
      'and mounts are prepended to `base`, but its `resources` are always lost. Default: the packaged ' +
      '`kubernetes-pod.yaml` (one `base` container, `restartPolicy: Never`).',
    { examples: ['${DBND_HOME}/kubernetes-pod.yaml'] },
  ),
  withDefault(
    'trap_exit_file_flag',
    'str',
    null,
    'When set, the pod command runs under `/bin/bash -c` with a trap that touches this file on exit (used by the ' +
      'live-logs sidecar to know when to stop).',
    {
      derived:
        'When `airflow_log_enabled` is on and this key is empty, dbnd sets it to `airflow_log_trap_exit_flag_default`.',
    },
  ),
  withDefault(
    'auto_remove',
    'bool',
    false,
    'The pod deletes itself when its run ends (`DBND__AUTO_REMOVE_POD=True`). Only works together with ' +
      '`detach_run`.',
    {
      derived:
        'When `detach_run` is False, dbnd switches `auto_remove` to False with a warning. The driver submission ' +
        'without `--interactive` uses a clone with `auto_remove = detach_run = True`.',
    },
  ),
  withDefault('detach_run', 'bool', false, 'Submit the pod and return without waiting for it or deleting it.', {
    derived:
      '`debug` or `show_pod_log` force `detach_run` to False. The driver submission without `--interactive` uses ' +
      'a clone with `detach_run = True` (unless debug/show_pod_log).',
  }),
  withDefault(
    'watcher_request_timeout_seconds',
    'int',
    300,
    "Client-side connect/read timeout (`_request_timeout`) of the Airflow executor's pod watch.",
  ),
  withDefault(
    'watcher_recreation_interval_seconds',
    'int',
    30,
    'Seconds to sleep before the pod watch is reopened after it ended.',
  ),
  withDefault(
    'watcher_client_timeout_seconds',
    'int',
    50,
    'Server-side `timeout_seconds` of the pod watch. The help text calls it a client read timeout; it is not.',
  ),
  withDefault(
    'log_pod_events_on_sigterm',
    'bool',
    false,
    "Meant to log the driver's Kubernetes events on SIGTERM. Nothing reads it: dbnd always logs them when the " +
      'docker and airflow plugins are both enabled.',
    { unused: 'Not read; on SIGTERM inside a pod dbnd logs the events regardless.' },
  ),
  withDefault(
    'pending_zombies_timeout',
    'timedelta',
    18000,
    'A pod Pending this long that has disappeared from the cluster is failed as a zombie (Airflow path).',
    { since: ZOMBIES_SINCE, examples: ['5h'] },
  ),
  withDefault('zombie_query_interval_secs', 'int', 600, 'Seconds between two zombie scans (Airflow path).', {
    since: ZOMBIES_SINCE,
  }),
  withDefault(
    'zombie_threshold_secs',
    'int',
    300,
    'Heartbeat age in seconds after which a running task instance counts as a zombie.',
    { since: ZOMBIES_SINCE },
  ),
  withDefault(
    'airflow_log_enabled',
    'bool',
    false,
    'Add the Airflow "live logs" sidecar (`log-sidecar`, running `airflow serve_logs`) with shared `airflow-logs` ' +
      'and `trap` volumes. Also makes `trap_exit_file_flag` default to `airflow_log_trap_exit_flag_default`.',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'airflow_log_image',
    'str',
    null,
    'Image of the live-logs sidecar; defaults to the main image. (The live-logs doc calls this ' +
      '`airflow_live_log_image`, which is not a key.)',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'airflow_log_folder',
    'str',
    '/usr/local/airflow/logs',
    'Mount path of the logs volume inside the live-logs sidecar.',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'airflow_log_port',
    'str',
    '8793',
    'Port the live-logs sidecar serves on; converted with `int()` for `containerPort`, so it must be a number.',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'airflow_log_trap_exit_flag_default',
    'str',
    '/tmp/pod/terminated',
    'Trap file used when live logs are on and `trap_exit_file_flag` is not set; its folder is mounted in both ' +
      'containers.',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'container_airflow_log_path',
    'str',
    '/root/airflow/logs/',
    'Mount path of the logs volume inside the `base` container (live logs).',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault(
    'host_as_ip_for_live_logs',
    'bool',
    true,
    'With live logs, add `AIRFLOW__CORE__HOSTNAME_CALLABLE=airflow.utils.net:get_host_ip_address` so Airflow ' +
      'reaches the sidecar by pod IP.',
    { since: LIVE_LOGS_SINCE },
  ),
  withDefault('fix_pickle', 'bool', false, 'Added in 2023; nothing reads it.', {
    unused: 'No code in dbnd 1.0.28 reads `fix_pickle`.',
    since: 'after 1.0.14 (2023)',
  }),
];

export const KUBERNETES_ENGINE_CONFIG: ConfigClassSchema = {
  className: 'KubernetesEngineConfig',
  classPath: 'dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig',
  family: 'kubernetes',
  shortFamily: 'd.k.k.KubernetesEngineConfig',
  kind: 'engine',
  docs:
    'Runs the driver and tasks as Kubernetes pods (plugin `dbnd-docker`). Any section whose `_type` resolves to ' +
    'this class is a Kubernetes engine; it also reads `[kubernetes]`, the full class path section and `[config]`.',
  params: [validateNoExtraParams('disabled'), ...CONTAINER_ENGINE_CONFIG_PARAMS, ...KUBERNETES_OWN_PARAMS],
  packageDefaultKeys: ['_type', 'pod_error_cfg_source_dict', 'submit_termination_grace_period'],
  legacyKeys: [],
  registered: true,
};
