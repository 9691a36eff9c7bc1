// `[task]`: the keys of dbnd-run's `Task` base class (dbnd_run/task/task.py). Every task reads `[task]` as its
// lowest-priority section and its own family section above it; user tasks add their own parameters, which this
// schema cannot know. Not a class one builds by name, so not in the registry.
import { validateNoExtraParams, withDefault } from './paramBuilders';
import type { ConfigClassSchema } from './types';

export const TASK_SECTION: ConfigClassSchema = {
  className: 'Task',
  classPath: 'dbnd_run.task.task.Task',
  family: 'task',
  shortFamily: 'd.t.t.Task',
  kind: 'section',
  docs:
    "Keys every dbnd task has, settable in `[task]` (all tasks) or in a task's own section. Unknown keys in a " +
    "task's sections are an **error** by default (tasks use `validate_no_extra_params = error`).",
  params: [
    validateNoExtraParams('error'),
    withDefault('task_enabled', 'bool', true, 'Run the task at all; a disabled task is skipped.'),
    withDefault('task_enabled_in_prod', 'bool', true, 'Run the task in production environments.'),
    withDefault(
      'task_version',
      'VersionStr',
      '1',
      'Version of the task; part of its signature, so changing it forces a rerun. Accepts `now` and `git`.',
      { examples: ['2', 'now'] },
    ),
    withDefault('task_class_version', 'str', '', 'Code version of the task class, for a permanent version bump.'),
    withDefault('task_env', 'str', 'local', "Environment the task runs in; dbnd sets it to the run's environment."),
    withDefault('task_target_date', 'date', 'today', "Date of the task's data, used in output paths."),
    withDefault('task_airflow_op_kwargs', 'Dict', null, 'Extra keyword arguments of the Airflow operator.'),
    withDefault(
      'task_config',
      'Dict',
      {},
      'Configuration applied while the task (and everything built inside it) is created: ' +
        '`{"section": {"key": value}}`. It forms a layer above files, env vars and `--set`, so a value for the ' +
        'generic `[kubernetes]` section here beats a file value in your specific engine section.',
      { examples: ['{"kubernetes": {"limit_memory": "1Gi"}}'] },
    ),
    withDefault('task_is_system', 'bool', false, "Marks dbnd's own system tasks."),
    withDefault('task_in_memory_outputs', 'bool', false, 'Keep all task outputs in memory.'),
    withDefault('task_output_path_format', 'str', null, "Format string of the task's output paths."),
    withDefault('task_is_dynamic', 'bool', false, 'Set by dbnd for tasks run from inside another task.'),
    withDefault('task_supports_dynamic_tasks', 'bool', true, 'Whether the task may run dbnd tasks while it executes.'),
    withDefault(
      'task_retries',
      'int',
      0,
      'Airflow retries of the task. For pod crashes on Kubernetes, `pod_error_cfg_source_dict` replaces it.',
    ),
    withDefault(
      'task_retry_delay',
      'timedelta',
      15,
      'Delay between retries. Tasks on a Kubernetes engine use `pod_default_retry_delay` instead.',
      { examples: ['15s', '1m'] },
    ),
  ],
  packageDefaultKeys: [],
  legacyKeys: [],
  registered: false,
};
