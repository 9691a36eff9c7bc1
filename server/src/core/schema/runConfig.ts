// `RunConfig` (dbnd_run/run_settings/run.py), family `run`: per-run settings, including the list of enabled
// environments. The conformance corpus does not report this object's parameters, so order and defaults follow
// the dbnd source and docs/dbnd-rules.md §2.4.
import { validateNoExtraParams, withDefault, withoutDefault } from './paramBuilders';
import type { ConfigClassSchema } from './types';

const CMDLINE_FALSE_NOTE =
  ' `dbnd run` always writes this switch into its command-line layer (False when the flag is absent), so a file ' +
  'value never wins; use `--set run.<key>=True` or the flag.';

const LEGACY_CORE = (key: string): string => ` LEGACY (dbnd ≤ 1.0.14): this key lived in \`[core] ${key}\`.`;

export const RUN_CONFIG: ConfigClassSchema = {
  className: 'RunConfig',
  classPath: 'dbnd_run.run_settings.run.RunConfig',
  family: 'run',
  shortFamily: 'd.r.r.RunConfig',
  kind: 'settings',
  docs:
    'Settings of one `dbnd run`: enabled environments, executor, driver/task submission, task selection, ' +
    'heartbeats and user code hooks. Read from `[run]`.',
  params: [
    validateNoExtraParams('disabled'),
    withDefault('parallel', 'bool', null, 'Run tasks in parallel.' + CMDLINE_FALSE_NOTE, { cliFlag: '--parallel' }),
    withDefault(
      'task_executor_type',
      'str',
      null,
      "Force an executor instead of dbnd's automatic choice: `local`, `airflow_inprocess`, " +
        '`airflow_multiprocess_local` or `airflow_kubernetes`.',
      { examples: ['local', 'airflow_kubernetes'] },
    ),
    withDefault(
      'enable_airflow_kubernetes',
      'bool',
      true,
      "Use dbnd's Airflow Kubernetes executor (watcher, per-failure retries from `pod_error_cfg_source_dict`) when " +
        'tasks are submitted to a Kubernetes engine.',
    ),
    withDefault(
      'interactive',
      'bool',
      false,
      'When the driver is submitted, wait for it and stream its log instead of detaching (the driver pod then is ' +
        'not auto-removed).' +
        CMDLINE_FALSE_NOTE,
      { cliFlag: '--interactive' },
    ),
    withDefault(
      'submit_driver',
      'bool',
      null,
      "Override the environment's `submit_driver`: run the driver on the remote engine.",
      { cliFlag: '--submit-driver / --local-driver' },
    ),
    withDefault(
      'submit_tasks',
      'bool',
      null,
      "Override the environment's `submit_tasks`: send every task to the remote engine.",
      { cliFlag: '--submit-tasks / --no-submit-tasks' },
    ),
    withDefault(
      'open_web_tracker_in_browser',
      'bool',
      false,
      'Open the run in the web tracker in a browser.' + CMDLINE_FALSE_NOTE,
    ),
    withDefault('dry', 'bool', false, 'Build the run and print task states without executing anything.'),
    withDefault(
      'run_result_json_path',
      'str',
      null,
      'Where to write the run result (task band) as JSON. dbnd sets it itself for a submitted driver.',
    ),
    withDefault(
      'debug_pydevd_pycharm_port',
      'int',
      null,
      'Port of a PyCharm debug server; the driver connects to `localhost:<port>` before it starts executing.',
    ),
    withDefault('mark_success', 'bool', false, 'Mark tasks as succeeded without running them.'),
    withDefault('id', 'List[str]', null, 'Run only the tasks with these ids.'),
    withDefault(
      'selected_tasks_regex',
      'List[str]',
      null,
      'Run only the tasks whose id matches these regular expressions.',
    ),
    withDefault('ignore_dependencies', 'bool', false, 'Airflow executor: ignore upstream dependencies of tasks.'),
    withDefault(
      'ignore_first_depends_on_past',
      'bool',
      false,
      'Airflow executor: ignore `depends_on_past` for the first run.',
    ),
    withDefault('skip_completed', 'bool', true, 'Do not rerun tasks whose outputs already exist.'),
    withDefault('fail_fast', 'bool', true, 'Skip the remaining tasks once one task failed.'),
    withDefault('enable_prod', 'bool', false, 'Run tasks that are disabled in production environments anyway.'),
    withDefault(
      'skip_completed_on_run',
      'bool',
      true,
      'Check again at execution time whether a task is complete and reuse it if so.',
    ),
    withDefault('validate_task_inputs', 'bool', true, 'Check that all input files of a task exist before it runs.'),
    withDefault('validate_task_outputs', 'bool', true, 'Check that all outputs of a task exist after it ran.'),
    withDefault(
      'validate_task_outputs_on_build',
      'bool',
      false,
      'Fail the build when a task has some but not all of its outputs (otherwise only a warning).',
    ),
    withDefault(
      'pipeline_band_only_check',
      'bool',
      false,
      'Consider a pipeline complete when its band file exists, without checking its tasks.',
    ),
    withDefault(
      'task_complete_parallelism_level',
      'int',
      1,
      'Threads used to check whether tasks are already complete.',
    ),
    withDefault('pool', 'str', null, 'Airflow resource pool of the tasks.'),
    withDefault('always_save_pipeline', 'bool', false, 'Always pickle the pipeline (`run.pickle`).'),
    withDefault('disable_save_pipeline', 'bool', false, 'Never pickle the pipeline.'),
    withDefault(
      'donot_pickle',
      'bool',
      false,
      'Do not pickle the DAG for the workers; they run their own copy of the code.',
    ),
    withDefault('pickle_handler', 'str', null, "Python pickle module used to pickle the run's data."),
    withDefault(
      'enable_concurent_sqlite',
      'bool',
      false,
      "Allow concurrent execution with a SQLite database (debugging only). The spelling is dbnd's.",
    ),
    withoutDefault(
      'heartbeat_interval_s',
      'int',
      'Seconds between two heartbeats of a run; -1 disables heartbeats. No code default; shipped `5`.',
    ),
    withoutDefault(
      'heartbeat_timeout_s',
      'int',
      'Age in seconds of the last heartbeat after which a run counts as failed; -1 disables the check. No code ' +
        'default; shipped `7200`.',
    ),
    withoutDefault(
      'heartbeat_sender_log_to_file',
      'bool',
      "Give the heartbeat sender its own log file instead of the run's stdout. No code default; shipped `True`.",
    ),
    withDefault(
      'hearbeat_disable_plugins',
      'bool',
      false,
      'Do not load dbnd plugins in the heartbeat subprocess. The key is spelled `hearbeat` in dbnd.',
    ),
    withDefault(
      'task_run_at_execution_time_enabled',
      'bool',
      true,
      "Allow calling tasks from inside another task's execution.",
    ),
    withDefault(
      'task_run_at_execution_time_in_memory_outputs',
      'bool',
      false,
      'Keep the outputs of tasks called at execution time in memory instead of the file system.',
    ),
    withDefault('target_cache_on_access', 'bool', true, 'Cache target values in memory during execution.'),
    withDefault(
      'module',
      'str',
      null,
      'Module to import before user classes are resolved.' + ' LEGACY: it was `[databand] module`.',
      { examples: ['my_project.pipelines'] },
    ),
    withDefault(
      'user_configs',
      'List[str]',
      [],
      'Config sections used when creating tasks from user code.' + LEGACY_CORE('user_configs'),
    ),
    withDefault(
      'user_init',
      'object',
      null,
      'Function (`@python://pkg.mod.func`) run in every dbnd process once the configuration is in place.' +
        LEGACY_CORE('user_init'),
    ),
    withDefault(
      'user_driver_init',
      'object',
      null,
      'Function run in the driver after the configuration is initialized.' + LEGACY_CORE('user_driver_init'),
    ),
    withDefault(
      'user_code_on_fork',
      'object',
      null,
      'Code run in subprocesses (parallel, Kubernetes pods, ...). Sent to pods as `DBND__USER_PRE_INIT`.' +
        LEGACY_CORE('user_code_on_fork'),
    ),
    withDefault('plugins', 'str', null, 'Plugins to load when the dbnd context is created.' + LEGACY_CORE('plugins')),
    withoutDefault(
      'fix_env_on_osx',
      'bool',
      'Add `no_proxy=*` to the environment to avoid multiprocessing problems on macOS. No code default; shipped ' +
        '`True`.' +
        LEGACY_CORE('fix_env_on_osx'),
    ),
    withoutDefault(
      'environments',
      'List[str]',
      'Names of the enabled environments; `[databand] env` (`--env`) must be one of them, otherwise dbnd fails ' +
        'with "Unknown env name ..., please enable it at \'[core]environments\'" (the message names the old ' +
        "place). Setting it replaces the shipped `['local']`, so list `local` too if you still use it." +
        LEGACY_CORE('environments') +
        ' A `[core] environments` in dbnd 1.0.28 is ignored with an unknown-key warning.',
      { examples: ["['local', 'k8s_env']"] },
    ),
  ],
  packageDefaultKeys: [
    'environments',
    'fix_env_on_osx',
    'heartbeat_timeout_s',
    'heartbeat_interval_s',
    'heartbeat_sender_log_to_file',
  ],
  legacyKeys: [],
  registered: true,
};
