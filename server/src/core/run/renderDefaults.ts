// The render defaults of the CLI and the editor, in one place. A pod needs values dbnd only knows once a run
// really starts (uids, the build time stamped on the image tag, the execution date); where the caller gives
// none, these stand-ins are used and flagged, so every view can say plainly which values are placeholders.
import type { Json } from '../json';
import type { Environment } from '../environment';
import type { PlaceholderField, RenderContext } from './request';

/** The DockerRunTask that carries the driver (RunExecutor.run_submitter, docs/dbnd-rules.md §3.1): always these. */
export const DRIVER_TASK = {
  taskName: 'dbnd_driver_run',
  taskFamily: 'DockerRunTask',
  fullTaskFamilyShort: 'd.d.d.DockerRunTask',
  taskAfId: 'dbnd_driver_run',
  isSystem: true,
} as const;

const ZERO_UID = '00000000-0000-0000-0000-000000000000';

/** Stand-ins for values known only at submission (deterministic, so a rendered pod can be compared). */
export const PLACEHOLDER_VALUES = {
  runUid: ZERO_UID,
  taskRunUid: ZERO_UID,
  taskRunAttemptUid: ZERO_UID,
  resultFileUuid: ZERO_UID,
  /** `%Y%m%d_%H%M%S`, dbnd's CURRENT_TIME_STR. */
  dockerBuildTime: '19700101_000000',
  /** `run.execution_date` as the driver command writes it (`%Y-%m-%dT%H%M%S.%f`). */
  executionDate: '1970-01-01T000000.000000',
  /** The same date as Airflow writes it in a task pod's run id and label. */
  airflowExecutionDate: '1970-01-01T00:00:00+00:00',
  trackerUrl: '',
} as const;

/** For people: what dbnd puts in place of each placeholder, and when. */
export const PLACEHOLDER_MEANINGS: Readonly<Record<PlaceholderField, string>> = {
  runUid: 'the run uid dbnd generates when the run starts',
  taskRunUid: 'the task run uid dbnd generates (its first 8 characters are in the pod name)',
  taskRunAttemptUid: 'the task run attempt uid dbnd generates',
  dockerBuildTime: 'the process start time dbnd stamps on the image tag it builds',
  executionDate: "the run's execution date (the time the run starts)",
  runFolderName: 'the run folder name, `<job name>_<run name>`, chosen when the run starts',
  resultFileUuid: 'the uuid dbnd generates for the run result file',
  trackerUrl: "the task run's tracker URL, known once the run is registered with the tracker",
  taskCommand: 'the command the Airflow executor generates for the task run',
  user: "the submitting user: [run_info] user, else the OS user dbnd's getuser() finds",
  sourceVersion: "the user code version: [run_info] source_version (default 'git': the project's git commit)",
};

/** What a caller knows about the pod to render; everything else comes from the defaults above. */
export interface RenderOptions {
  readonly mode: 'driver' | 'task';
  /** driver: what follows `dbnd run` (task name and its options); the submitter's own arguments are added. */
  readonly taskArgs?: readonly string[];
  /** task: the container command; driver: the complete arguments after the executable (replaces taskArgs). */
  readonly command?: readonly string[];
  /** task mode: the task's name (default `task`), family (default the name) and its DAG's job name. */
  readonly taskName?: string;
  readonly taskFamily?: string;
  readonly jobName?: string;
  readonly runUid?: string;
  readonly taskRunUid?: string;
  readonly taskRunAttemptUid?: string;
  /** driver: the uuid of the run's result file (`run.run_result_json_path`); a real submission generates one. */
  readonly resultFileUuid?: string;
  /** Default: the submitting user as Python's getpass.getuser() reads the environment. */
  readonly user?: string;
  readonly trackerUrl?: string;
  readonly sourceVersion?: string;
  /** task mode: Airflow's try number (default 1). */
  readonly tryNumber?: number;
  /** task mode: the labels the Airflow executor passes; default: the ones it always passes. */
  readonly labels?: Readonly<Record<string, Json>>;
  readonly dockerBuildTime?: string;
  /** `%Y-%m-%dT%H%M%S.%f`. */
  readonly executionDate?: string;
}

/** getpass.getuser(): the first of LOGNAME, USER, LNAME, USERNAME that is set. */
function submittingUser(environment: Environment): string {
  for (const name of ['LOGNAME', 'USER', 'LNAME', 'USERNAME']) {
    const value = environment[name];
    if (value) return value;
  }
  return '';
}

/** `run_executor.get_context_spawn_env()`: the variables a run passes to what it starts. */
function spawnEnv(
  parentUid: string,
  parentAttemptUid: string,
  rootRunUid: string,
  rootTrackerUrl: string,
): Record<string, string> {
  return {
    DBND_PARENT_TASK_RUN_UID: parentUid,
    DBND_PARENT_TASK_RUN_ATTEMPT_UID: parentAttemptUid,
    DBND_ROOT_RUN_UID: rootRunUid,
    DBND_ROOT_RUN_TRACKER_URL: rootTrackerUrl,
  };
}

/** A full render context from what the caller knows; values taken from PLACEHOLDER_VALUES are flagged. */
export function renderContext(options: RenderOptions, environment: Environment): RenderContext {
  const placeholders: PlaceholderField[] = [];
  function pick<T>(given: T | undefined, field: PlaceholderField, fallback: T): T {
    if (given !== undefined) return given;
    placeholders.push(field);
    return fallback;
  }
  const runUid = pick(options.runUid, 'runUid', PLACEHOLDER_VALUES.runUid);
  const common = {
    runUid,
    taskRunUid: pick(options.taskRunUid, 'taskRunUid', PLACEHOLDER_VALUES.taskRunUid),
    taskRunAttemptUid: pick(options.taskRunAttemptUid, 'taskRunAttemptUid', PLACEHOLDER_VALUES.taskRunAttemptUid),
    user: options.user ?? (submittingUser(environment) || pick<string>(undefined, 'user', '')),
    trackerUrl: pick(options.trackerUrl, 'trackerUrl', PLACEHOLDER_VALUES.trackerUrl),
    sourceVersion: pick(options.sourceVersion, 'sourceVersion', ''),
    dockerBuildTime: pick(options.dockerBuildTime, 'dockerBuildTime', PLACEHOLDER_VALUES.dockerBuildTime),
    executionDate: pick(options.executionDate, 'executionDate', PLACEHOLDER_VALUES.executionDate),
  };
  if (options.mode === 'driver') {
    const jobName = options.jobName ?? options.taskArgs?.find((a) => !a.startsWith('-')) ?? 'dbnd_run';
    const exact = options.command !== undefined;
    if (!exact) placeholders.push('runFolderName');
    if (!exact && options.resultFileUuid === undefined) placeholders.push('resultFileUuid');
    return {
      mode: 'driver',
      ...DRIVER_TASK,
      ...common,
      ...(exact ? { command: options.command } : { taskArgs: options.taskArgs ?? [] }),
      runFolderName: `${jobName}_run`,
      resultFileUuid: options.resultFileUuid ?? PLACEHOLDER_VALUES.resultFileUuid,
      // The driver task run is the parent of what it spawns (docs/dbnd-rules.md §3.4, row 16).
      spawnEnv: spawnEnv(common.taskRunUid, common.taskRunAttemptUid, runUid, common.trackerUrl),
      placeholders,
    };
  }
  const taskName = options.taskName ?? 'task';
  const tryNumber = options.tryNumber ?? 1;
  const dagId = `DBND_RUN.${options.jobName ?? taskName}`;
  const airflowDate = PLACEHOLDER_VALUES.airflowExecutionDate;
  const command = pick(options.command, 'taskCommand', [
    'airflow',
    'tasks',
    'run',
    dagId,
    taskName,
    `backfill_${airflowDate}`,
    '--local',
    '--pool',
    'default_pool',
    '--subdir',
    'DAGS_FOLDER/dbnd_dag.py',
  ]);
  return {
    mode: 'task',
    taskName,
    taskFamily: options.taskFamily ?? taskName,
    fullTaskFamilyShort: options.taskFamily ?? taskName,
    taskAfId: taskName,
    isSystem: false,
    ...common,
    command,
    runFolderName: '',
    resultFileUuid: '',
    // Inside the driver the parent is the driver's task run: unknown here, so the same placeholder uid.
    spawnEnv: spawnEnv(PLACEHOLDER_VALUES.taskRunUid, PLACEHOLDER_VALUES.taskRunAttemptUid, runUid, common.trackerUrl),
    // What dbnd's Airflow executor always passes (docs/dbnd-rules.md §3.3); `:` and `+` made label safe.
    labels: options.labels ?? {
      'airflow-worker': runUid,
      dag_id: dagId,
      task_id: taskName,
      execution_date: airflowDate.replace(/:/g, '_').replace(/\+/g, '_plus_'),
      try_number: String(tryNumber),
    },
    tryNumber,
    placeholders,
  };
}
