// A large, realistic dbnd config for the benchmark (and the tests that need a big project): hundreds of Kubernetes engine sections with the keys people
// write (short `_from` chains, labels, multi-line JSON secrets / pod_error_cfg_source_dict / affinity /
// tolerations, `%%` in a URL template, `%(...)s` references), comments and blank lines. Every key is a real dbnd
// key, so a full lint measures the checks rather than thousands of unknown-key warnings.

function engineSection(i: number): string {
  const lines: string[] = [
    `# engine ${i}: team ${i % 17}, pool ${i % 5}`,
    `[k8s_engine_${i}]`,
    `_type = kubernetes`,
    // Every tenth engine extends the family section, the others extend it (short chains, as people write them).
    `_from = ${i % 10 === 0 ? 'kubernetes' : `k8s_engine_${i - (i % 10)}`}`,
    `container_repository = gcr.io/acme-${i % 7}/pipeline-${i}`,
    `container_tag = release-${1000 + i}`,
    `namespace = team-${i % 17}`,
    `service_account_name = sa-%(namespace)s`,
    `cluster_context = gke_acme_us-east1_${i % 3}`,
    `image_pull_policy = IfNotPresent`,
    `docker_build = False`,
    `docker_build_push = False`,
    `debug = ${i % 2 === 0 ? 'False' : 'True'}`,
    `keep_finished_pods = False`,
    `keep_failed_pods = True`,
    `submit_termination_grace_period = 30s`,
    `pending_zombies_timeout = 1 week 2 days`,
    `startup_timeout = 10m`,
    `max_retries_on_log_stream_failure = 50`,
    `dashboard_url = https://dashboard.acme.io/#!/pod/{namespace}/{pod}?namespace={namespace}`,
    `pod_log_url = https://logs.acme.io/{namespace}/{pod}?from=%%(start)s`,
    `labels = {"team": "team-${i % 17}", "cost-center": "cc-${i % 11}", "app": "pipeline-${i}"}`,
    `annotations = {"owner": "data-eng", "run": "nightly"}`,
    ``,
    `; secrets mounted into every pod`,
    `secrets = [`,
    `    {"type": "env", "target": "AIRFLOW__CORE__SQL_ALCHEMY_CONN", "secret": "db-${i}", "key": "conn"},`,
    `    {"type": "env", "target": "DBND__CORE__DATABAND_URL", "secret": "databand", "key": "url"},`,
    `    {"type": "volume", "target": "/var/secrets/google", "secret": "gcp-sa-${i % 4}"},`,
    `    {"type": "env", "target": "API_TOKEN", "secret": "tokens", "key": "api"}`,
    `    ]`,
    ``,
    `pod_error_cfg_source_dict = {`,
    `    "255": {"retry_count": 3, "retry_delay": "3m"},`,
    `    "err_image_pull": {"retry_count": 0, "retry_delay": "3m"},`,
    `    "err_pod_deleted": {"retry_count": 3, "retry_delay": "3s"},`,
    `    "err_pod_evicted": {"retry_count": 5, "retry_delay": "10s"},`,
    `    }`,
    ``,
    `affinity = {`,
    `    "nodeAffinity": {`,
    `      "requiredDuringSchedulingIgnoredDuringExecution": {`,
    `        "nodeSelectorTerms": [`,
    `          {`,
    `            "matchExpressions": [`,
    `              {"key": "pool", "operator": "In", "values": ["etl-${i % 5}", "batch"]},`,
    `              {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}`,
    `            ]`,
    `          }`,
    `        ]`,
    `      }`,
    `    },`,
    `    "podAntiAffinity": {`,
    `      "preferredDuringSchedulingIgnoredDuringExecution": [`,
    `        {"weight": 100, "podAffinityTerm": {"topologyKey": "kubernetes.io/hostname",`,
    `         "labelSelector": {"matchLabels": {"app": "pipeline-${i}"}}}}`,
    `      ]`,
    `    }`,
    `    }`,
    ``,
    `tolerations = [`,
    `    {"key": "dedicated", "operator": "Equal", "value": "etl", "effect": "NoSchedule"},`,
    `    {"key": "spot", "operator": "Exists", "effect": "NoExecute"}`,
    `    ]`,
    `node_selectors = {"disktype": "ssd", "zone": "us-east1-${'bcd'[i % 3]}"}`,
    `requests = {"memory": "${1 + (i % 8)}Gi", "cpu": "${250 * (1 + (i % 4))}m"}`,
    `limits = {"memory": "${2 + (i % 8)}Gi", "cpu": "2"}`,
    `env_vars = {"PIPELINE": "pipeline-${i}", "STAGE": "prod", "LOG_LEVEL": "INFO"}`,
    `volumes = [{"name": "data", "persistentVolumeClaim": {"claimName": "data-${i}"}}]`,
    `volume_mounts = [{"name": "data", "mountPath": "/data"}]`,
    `pod_yaml = \${DBND_HOME}/conf/pod-${i % 3}.yaml`,
    `trap_exit_file_flag = /tmp/dbnd-exit-${i}`,
    `auto_remove = True`,
    `detach_run = True`,
    `show_pod_log = False`,
    `check_unschedulable_condition = True`,
    `check_image_pull_errors = True`,
    `check_running_pod_errors = False`,
    `check_cluster_resource_capacity = True`,
    `dbnd_executable = [`,
    `    "python",`,
    `    "-m",`,
    `    "dbnd"`,
    `    ]`,
    ``,
  ];
  return lines.join('\n') + '\n';
}

function envSection(i: number): string {
  return (
    `[k8s_env_${i}]\n_from = local\nremote_engine = k8s_engine_${i}\nroot = gs://acme-data-${i % 9}/dbnd\n` +
    `spark_engine = dataproc\nsubmit_driver = True\nsubmit_tasks = True\n\n`
  );
}

/** About `targetLines` lines (never fewer), ending with a newline. */
export function generateLargeConfig(targetLines: number): string {
  const parts: string[] = [
    '# generated for the reader benchmark\n',
    '[core]\ndataband_url = https://tracker.acme.io\ndataband_access_token = bench-token\n\n',
    '[kubernetes]\nnamespace = default\nimage_pull_policy = Always\n\n',
  ];
  let lines = parts.join('').split('\n').length - 1;
  const environments: string[] = [];
  for (let i = 0; lines < targetLines; i++) {
    const block = engineSection(i) + envSection(i);
    parts.push(block);
    environments.push(`'k8s_env_${i}'`);
    lines += block.split('\n').length - 1;
  }
  parts.push(`[run]\nenvironments = [\n    'local',\n    ${environments.join(',\n    ')}\n    ]\n`);
  return parts.join('');
}
