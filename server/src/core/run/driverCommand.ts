// The `dbnd run` arguments RunExecutor.run_submitter gives the driver pod (docs/dbnd-rules.md §3.1): the user's
// own arguments after `run`, then `--run-driver <run uid>` and two `--set`s naming the run's result file and
// execution date, so the driver inside the pod continues the same run.

export interface DriverRunValues {
  /** What the user typed after `dbnd run`. */
  readonly taskArgs: readonly string[];
  readonly runUid: string;
  /** The env's `dbnd_root` (a folder target: may end with `/`). */
  readonly dbndRoot: string;
  /** `%Y-%m-%dT%H%M%S.%f`. */
  readonly executionDate: string;
  /** `<job name>_<run name>`. */
  readonly runFolderName: string;
  readonly resultFileUuid: string;
}

/** `["run", ...taskArgs, "--run-driver", uid, "--set", "run.run_result_json_path=…", "--set", "run_info.execution_date=…"]`. */
export function driverRunArguments(v: DriverRunValues): string[] {
  // run_folder_prefix = log/<%Y-%m-%d>/<%Y-%m-%dT%H%M%S.%f>_<job_name>_<run name>, under env.dbnd_root.
  const day = v.executionDate.slice(0, 10);
  const root = v.dbndRoot.replace(/\/+$/, '');
  const resultPath = `${root}/log/${day}/${v.executionDate}_${v.runFolderName}/${v.resultFileUuid}.json`;
  return [
    'run',
    ...v.taskArgs,
    '--run-driver',
    v.runUid,
    '--set',
    `run.run_result_json_path=${resultPath}`,
    '--set',
    `run_info.execution_date=${v.executionDate}`,
  ];
}
