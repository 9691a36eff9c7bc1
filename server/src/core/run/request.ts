// What to run: the input of one dbnd run, in the caller's terms. Everything dbnd reads from the machine (config
// files, process environment, command-line flags, a task's task_config) comes in here as plain data, so the run
// itself stays pure and the CLI, the language server and the cluster submission all call it the same way.
import type { CfgDocument } from '../reader';
import type { PythonError } from '../result';
import type { Json } from '../json';
import type { Environment } from '../environment';
import type { PodRenderContext } from '../pod/types';
import type { ReadConfFile } from '../resolve/contextConf';

/** One config file dbnd loads. */
export interface RunFile {
  /** Absolute path (or a name for in-memory files); dbnd names the file in sources (`config[<basename>]`). */
  readonly path: string;
  readonly text: string;
  /** The parsed document of `text`, when the caller already has one (the language server does). */
  readonly doc?: CfgDocument;
  /**
   * The file's bytes are not UTF-8 (reader/decodeUtf8.ts): dbnd fails to read it, so the run stops at the
   * `load` stage when it reaches this file. `text` is then ignored.
   */
  readonly decodeError?: PythonError;
}

/**
 * How the pod is rendered: who submits it and the run-time values dbnd only knows once the run starts. Build one
 * with `driverRenderContext`/`taskRenderContext` (renderDefaults.ts), which fill what the caller leaves out and
 * flag those values as placeholders.
 */
/** The task run's identity, as the pod renderer takes it (documented on PodRenderContext). */
type TaskRunIdentity = Pick<
  PodRenderContext,
  | 'taskName'
  | 'taskFamily'
  | 'fullTaskFamilyShort'
  | 'taskAfId'
  | 'isSystem'
  | 'runUid'
  | 'taskRunUid'
  | 'taskRunAttemptUid'
  | 'user'
  | 'trackerUrl'
  | 'sourceVersion'
  | 'spawnEnv'
>;

export interface RenderContext extends TaskRunIdentity {
  /** `driver`: the pod `dbnd run` submits (submit_driver); `task`: a task pod of the Airflow Kubernetes executor. */
  readonly mode: 'driver' | 'task';
  /**
   * driver: the `dbnd run` arguments after the executable, starting with `run`, exactly as the submitter builds
   * them (see `driverRunArguments`); task: the container command the Airflow executor generated.
   * Absent for the driver: built from `taskArgs` and the env's `dbnd_root` as dbnd's run_submitter does.
   */
  readonly command?: readonly string[];
  /** driver, when `command` is absent: what the user typed after `dbnd run` (task name and its options). */
  readonly taskArgs?: readonly string[];
  /** task mode: the labels the Airflow executor passes to build_pod. */
  readonly labels?: Readonly<Record<string, Json>>;
  /** task mode: `build_pod(try_number=...)`, the `-<n>` pod name suffix. */
  readonly tryNumber?: number;
  /** `%Y%m%d_%H%M%S` process start time: the automatic docker build tag `<docker_build_tag_base>_<this>`. */
  readonly dockerBuildTime: string;
  /** `run.execution_date` as `%Y-%m-%dT%H%M%S.%f`: in the driver command and its run folder. */
  readonly executionDate: string;
  /** The run folder's `<job_name>_<run name>` part and the result file's uuid (driver command only). */
  readonly runFolderName: string;
  readonly resultFileUuid: string;
  /** Simulates a finished docker build with this tag instead of running the build step (conformance only). */
  readonly containerTagOverride?: string;
  /** `datetime.now().isoformat()` for `pod_log_url`. */
  readonly now?: string;
  /** Which of the values above are placeholders (filled by defaults, known only at submission). */
  readonly placeholders?: readonly PlaceholderField[];
}

/** Render values that only exist once dbnd really submits: shown, but flagged so the UI can say so. */
export type PlaceholderField =
  | 'runUid'
  | 'taskRunUid'
  | 'taskRunAttemptUid'
  | 'dockerBuildTime'
  | 'executionDate'
  | 'runFolderName'
  | 'resultFileUuid'
  | 'trackerUrl'
  | 'taskCommand'
  | 'user'
  | 'sourceVersion';

/** One dbnd run, from loading the files to the pod. */
export interface RunRequest {
  /** Config files in dbnd's load order; the run loads the package defaults before them. */
  readonly files: readonly RunFile[];
  /** The process environment: `DBND__S__K` variables and `$VAR` expansion. */
  readonly environment: Environment;
  /** `dbnd run --env NAME`; absent keeps `[databand] env` (default `local`). */
  readonly envName?: string;
  /** Build this engine section instead of the env's remote_engine (or local_engine). */
  readonly engine?: string;
  /** `dbnd run --conf-file a.cfg[,b.cfg]`: `[databand] conf_file` on the command line. */
  readonly confFile?: string;
  /**
   * Reads a `[databand] conf_file` entry (as written; relative to the run's working folder) when the context
   * starts; undefined when there is no such file. Without it every such entry is a missing file.
   */
  readonly readConfFile?: ReadConfFile;
  /** `--set` arguments exactly as typed: `section.key=value` or a JSON/hjson object `{"section.key": value}`. */
  readonly set?: readonly string[];
  /** `--set-override` arguments (OVERRIDE priority), same forms as `set`. */
  readonly setOverride?: readonly string[];
  /**
   * A task's `task_config`: `{section: {key: value}}`, values as objects; `{"__override__": v}` is dbnd's
   * override(v), `{"__extend__": v}` extend(v). Applied to task pods and to the engine of `effective`; never to
   * the driver pod (dbnd builds that from the run-level engine).
   */
  readonly taskConfig?: Readonly<Record<string, Json>>;
  /** Render a pod; absent: stop after the engine. */
  readonly render?: RenderContext;
  /** Reads a file the config names (a `pod_yaml` template); undefined when it cannot be read. */
  readonly readFile?: (path: string) => string | undefined;
}
