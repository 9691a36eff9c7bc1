// `dbnd-cfg render-pod`: the Pod request body dbnd would send, as YAML, with the values that are placeholders
// until submission named in a comment above it.
import { stringify } from 'yaml';
import { type RenderOptions, type RunRequest, type RunResult, renderContext, runDbnd } from '../../core/run';
import { type DbndRunArgs, parseDbndRunArgs } from '../dbndRunArgs';
import { boundText } from '../../core/text/bounded';
import { ExitCode, UsageError, type CliCommand, type OptionSpecs } from '../command';
import { DBND_RUN_OPTIONS, DBND_RUN_OPTIONS_HELP, dbndRunInput } from '../dbndRunOptions';
import { misplacedSystemFileHint } from '../../core/run/verdict';

const RENDER_OPTIONS: OptionSpecs = {
  ...DBND_RUN_OPTIONS,
  mode: { type: 'string' },
  'task-name': { type: 'string' },
  'task-family': { type: 'string' },
  arg: { type: 'string', multiple: true },
  'run-uid': { type: 'string' },
  'task-run-uid': { type: 'string' },
  user: { type: 'string' },
  'tracker-url': { type: 'string' },
  'try-number': { type: 'string' },
  label: { type: 'string', multiple: true },
  'build-time': { type: 'string' },
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function labelOption(texts: readonly string[]): Record<string, string> | undefined {
  if (texts.length === 0) return undefined;
  return Object.fromEntries(
    texts.map((t) => {
      const eq = t.indexOf('=');
      if (eq <= 0) throw new UsageError(`--label expects KEY=VALUE, got '${t}'`);
      return [t.slice(0, eq), t.slice(eq + 1)];
    }),
  );
}

function tryNumberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--try-number expects a whole number, got '${value}'`);
  return Number(value);
}

/** The request with what follows `dbnd run` applied; an --env there that contradicts --env here is refused. */
function withRunArgs(request: RunRequest, runArgs: DbndRunArgs, envOption: string | undefined): RunRequest {
  if (runArgs.envName !== undefined && envOption !== undefined && runArgs.envName !== envOption) {
    throw new UsageError(
      `--env ${envOption} and -- ... --env ${runArgs.envName} name different environments: give one of them`,
    );
  }
  return {
    ...request,
    envName: runArgs.envName ?? request.envName,
    confFile: runArgs.confFile ?? request.confFile,
    set: [...(request.set ?? []), ...runArgs.set],
    setOverride: [...(request.setOverride ?? []), ...runArgs.override],
  };
}

/** The YAML comment above the pod: placeholders and notes, so nobody mistakes them for real values. */
function header(result: RunResult): string {
  const lines: string[] = [];
  if (result.placeholders.length > 0) {
    lines.push('# Placeholders until submission (dbnd fills these in when the run starts):');
    for (const p of result.placeholders) lines.push(`#   ${p.field} = '${p.value}': ${p.meaning}`);
  }
  for (const note of result.notes) lines.push(`# Note: ${note}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export const renderPodCommand: CliCommand = {
  name: 'render-pod',
  summary: 'print the Kubernetes Pod dbnd would submit, as YAML',
  usage: 'dbnd-cfg render-pod [--mode driver|task] [--task-name N] [run options] [-- ARG...]',
  help: `Resolves the config like \`effective\`, runs dbnd's docker-build decision and builds the pod exactly as dbnd's
build_pod does. Values dbnd only knows at submission (uids, the image build time, the execution date) are
placeholders unless given; a comment above the pod names each one.

options:
${DBND_RUN_OPTIONS_HELP}
  --mode driver|task      the driver pod of \`dbnd run\` (default) or a task pod of the Airflow k8s executor
  -- ARG...               driver: what follows \`dbnd run\` (e.g. -- prepare_data --env prod), applied as dbnd
                          run applies it (--env, --set/-s, --set-config/-c, --override/-o, --conf-file,
                          --interactive, --task-version, --docker-build-tag, --submit-driver/--local-driver,
                          --submit-tasks/--no-submit-tasks; --set-root/-r is the task's) and copied into the
                          driver's command, where dbnd adds --run-driver and its --set arguments; any other
                          option is refused. task: the container command
  --arg A                 one such argument (repeatable), before those after --
  --task-name NAME        task mode: the task's name (default: task)
  --task-family FAMILY    task mode: the task's family (default: the name)
  --run-uid, --task-run-uid UID, --user NAME, --tracker-url URL, --try-number N
  --label KEY=VALUE       task mode: a label the executor passes, repeatable (default: the Airflow executor's)
  --build-time YYYYMMDD_HHMMSS  process start time for an automatic docker build tag

--task-config applies to task pods only: dbnd builds the driver pod from the run-level engine.

exit codes: 0 printed, 1 dbnd would fail or this env submits no pod (the reason is printed on stderr),
2 bad arguments`,
  options: RENDER_OPTIONS,
  run(args, io) {
    const v = args.values;
    const mode = v.mode === undefined ? 'driver' : v.mode;
    if (mode !== 'driver' && mode !== 'task')
      throw new UsageError(`--mode must be driver or task, got '${String(mode)}'`);
    if (mode === 'driver' && v['task-config'] !== undefined) {
      throw new UsageError(
        "--task-config applies to task pods only (--mode task): dbnd builds the driver pod from the run-level engine, before any task's task_config",
      );
    }
    // `-- ARGS...` passes arguments that start with a dash (`-- prepare_data --env prod`) without quoting.
    const given = [...(Array.isArray(v.arg) ? v.arg.map(String) : []), ...args.positionals];
    const argList = given.length > 0 ? given : undefined;
    // driver: the arguments are dbnd run's, applied to the run as dbnd applies them (and copied into the command).
    const runArgs = mode === 'driver' && argList ? parseDbndRunArgs(argList) : undefined;
    const buildTime = text(v['build-time']);
    if (buildTime !== undefined && !/^\d{8}_\d{6}$/.test(buildTime)) {
      throw new UsageError(`--build-time expects YYYYMMDD_HHMMSS (dbnd's process start time), got '${buildTime}'`);
    }
    const options: RenderOptions = {
      mode,
      ...(mode === 'driver' ? { taskArgs: argList, jobName: runArgs?.taskName } : { command: argList }),
      taskName: text(v['task-name']),
      taskFamily: text(v['task-family']),
      runUid: text(v['run-uid']),
      taskRunUid: text(v['task-run-uid']),
      user: text(v.user),
      trackerUrl: text(v['tracker-url']),
      tryNumber: tryNumberOption(text(v['try-number'])),
      labels: labelOption(Array.isArray(v.label) ? v.label.map(String) : []),
      dockerBuildTime: buildTime,
    };
    const input = dbndRunInput(args, io, renderContext(options, io.env));
    const result = runDbnd(runArgs ? withRunArgs(input.request, runArgs, text(v.env)) : input.request);
    const hint = misplacedSystemFileHint(input.misplacedSystemFile, result.failure);
    const withHint = hint ? `\ndbnd-cfg render-pod: ${hint}\n` : '\n';
    if (result.failure) {
      const { stage, error } = result.failure;
      io.stderr(
        `dbnd-cfg render-pod: dbnd would fail at the ${stage} stage: ${error.type}: ${boundText(error.message)}${withHint}`,
      );
      return ExitCode.findings;
    }
    if (result.noPod !== null || result.pod === null) {
      io.stderr(`dbnd-cfg render-pod: ${result.noPod ?? 'no pod was rendered'}${withHint}`);
      return ExitCode.findings;
    }
    io.stdout(`${header(result)}${stringify(result.pod.pod)}`);
    return ExitCode.ok;
  },
};
