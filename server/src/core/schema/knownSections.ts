// Sections dbnd knows that this schema does not model key by key: tracking/logging settings, Airflow and
// scheduler settings, and the plugin classes (cloud envs, Spark engines) whose plugins a k8s project usually lacks.
// Listed so the editor does not call them unknown sections, and can say what they are on hover.

export interface KnownSection {
  /** Lower-case section name, as dbnd stores it. */
  readonly name: string;
  readonly description: string;
}

export const KNOWN_UNMODELLED_SECTIONS: readonly KnownSection[] = [
  {
    name: 'tracking',
    description: 'Tracking settings (`TrackingConfig`): histograms, source code tracking, operator fields.',
  },
  {
    name: 'tracking_spark',
    description: 'Spark tracking settings; shipped with `_type = dbnd_airflow.tracking.config.TrackingSparkConfig`.',
  },
  { name: 'airflow_monitor', description: 'Settings of the Airflow monitor that syncs Airflow runs to Databand.' },
  { name: 'histogram', description: 'Histogram and statistics calculation of logged data (Spark caching).' },
  { name: 'log', description: 'Logging of the tracking side (`TrackingLoggingConfig`): formats, value preview size.' },
  {
    name: 'run_log',
    description: 'Logging of orchestrated runs (`RunLoggingConfig`): level, formatters, Sentry, per-module levels.',
  },
  {
    name: 'run_info',
    description: 'Information about the current run (`RunInfoConfig`), e.g. `source_version`, `execution_date`.',
  },
  { name: 'git', description: 'Git settings of the project (`GitConfig`), used for the `git` version alias.' },
  { name: 'describe', description: 'Settings of `dbnd run --describe` (`DescribeConfig`).' },
  {
    name: 'output',
    description: 'Output path templates (`{root}{sep}{task_name}...`) and the file format per value type.',
  },
  { name: 'scheduler', description: 'dbnd scheduler settings (`SchedulerConfig`): retries, refresh interval.' },
  { name: 'airflow', description: 'How dbnd integrates with Airflow: DAG loading, pools, DB access, webserver URL.' },
  {
    name: 'local_machine_engine',
    description: 'The default local engine; its `_type` names `LocalMachineEngineConfig` (family `local_machine`).',
  },
  { name: 'gcp', description: 'Google Cloud environment (`dbnd_gcp.env.GcpEnvConfig`); needs the dbnd-gcp plugin.' },
  { name: 'aws', description: 'AWS environment (`dbnd_aws.env.AwsEnvConfig`); needs the dbnd-aws plugin.' },
  { name: 'azure', description: 'Azure environment (`dbnd_azure.env.AzureCloudConfig`); needs the dbnd-azure plugin.' },
  {
    name: 'spark',
    description: 'Spark job settings (`dbnd_spark.spark_config.SparkConfig`); needs the dbnd-spark plugin.',
  },
  { name: 'livy', description: 'Spark over Livy engine (`LivySparkConfig`); needs the dbnd-spark plugin.' },
  {
    name: 'spark_local',
    description: 'Local spark-submit engine (`SparkLocalEngineConfig`); needs the dbnd-spark plugin.',
  },
  { name: 'dataproc', description: 'Google Dataproc Spark engine; needs the dbnd-gcp plugin.' },
  { name: 'databricks', description: 'Databricks Spark engine; needs the dbnd-databricks plugin.' },
  {
    name: 'databricks_azure',
    description: 'Azure Databricks settings (DBFS mount); needs the dbnd-databricks plugin.',
  },
  { name: 'qubole', description: 'Qubole Spark engine; needs the dbnd-qubole plugin.' },
  { name: 'emr', description: 'AWS EMR Spark engine; needs the dbnd-aws plugin.' },
  {
    name: 'hdfs_knox',
    description: 'HDFS over Knox settings, the default `hdfs` of environments; needs the HDFS plugin.',
  },
  {
    name: 'beam',
    description: 'Apache Beam settings, the default `beam_config` of environments; needs the dbnd-beam plugin.',
  },
];

const byName = new Map(KNOWN_UNMODELLED_SECTIONS.map((s) => [s.name, s]));

/** The known-but-unmodelled section with this name (case-insensitive, as dbnd lower-cases section names). */
export function knownUnmodelledSection(name: string): KnownSection | undefined {
  return byName.get(name.toLowerCase());
}
