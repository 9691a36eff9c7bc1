// `dbnd-cfg render-pod`: the Pod request body dbnd would send, as YAML.
import { stringify } from 'yaml';
import type { CaseRender } from '../../core/conformance/caseInput';
import { runDbnd } from '../../core/conformance/runCase';
import { ExitCode, UsageError, type CliCommand, type OptionSpecs } from '../command';
import { DBND_RUN_OPTIONS, DBND_RUN_OPTIONS_HELP, dbndRunInput } from '../dbndRunOptions';

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

const ZERO_UID = '00000000-0000-0000-0000-000000000000';

export const renderPodCommand: CliCommand = {
  name: 'render-pod',
  summary: 'print the Kubernetes Pod dbnd would submit, as YAML',
  usage: 'dbnd-cfg render-pod [--mode driver|task] [--task-name N] [--arg A]... [run options]',
  help: `Resolves the config like \`effective\`, runs dbnd's docker-build decision and builds the pod exactly as dbnd's
build_pod does. The render context is explicit, so the output is deterministic.

options:
${DBND_RUN_OPTIONS_HELP}
  --mode driver|task      the driver pod of \`dbnd run\` (default) or a task pod of the Airflow k8s executor
  --task-name NAME        task name (default: dbnd_driver_run for the driver, else the family)
  --task-family FAMILY    task family (task mode)
  --arg A                 driver: the \`dbnd run\` arguments after the executable; task: the container command
  --run-uid, --task-run-uid UID, --user NAME, --tracker-url URL, --try-number N
  --label KEY=VALUE       a label the executor passes (task mode), repeatable
  --build-time YYYYMMDD_HHMMSS  process start time for an automatic docker build tag

exit codes: 0 printed, 1 dbnd would fail (the error is printed on stderr), 2 bad arguments`,
  options: RENDER_OPTIONS,
  run(args, io) {
    const v = args.values;
    const mode = v.mode === undefined ? 'driver' : v.mode;
    if (mode !== 'driver' && mode !== 'task') throw new UsageError(`--mode must be driver or task, got '${String(mode)}'`);
    const driver = mode === 'driver';
    const family = typeof v['task-family'] === 'string' ? v['task-family'] : driver ? 'DockerRunTask' : 'task';
    const name = typeof v['task-name'] === 'string' ? v['task-name'] : driver ? 'dbnd_driver_run' : family;
    const runUid = typeof v['run-uid'] === 'string' ? v['run-uid'] : ZERO_UID;
    const labels = Object.fromEntries(
      (Array.isArray(v.label) ? v.label.map(String) : []).map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]),
    );
    const render: CaseRender = {
      mode,
      command: Array.isArray(v.arg) ? v.arg.map(String) : driver ? ['run', name] : [],
      task_name: name,
      task_family: family,
      full_task_family_short: driver ? 'd.d.d.DockerRunTask' : family,
      task_af_id: name,
      is_system: driver,
      run_uid: runUid,
      task_run_uid: typeof v['task-run-uid'] === 'string' ? v['task-run-uid'] : ZERO_UID,
      task_run_attempt_uid: ZERO_UID,
      user: typeof v.user === 'string' ? v.user : (io.env.USER ?? 'dbnd'),
      tracker_url: typeof v['tracker-url'] === 'string' ? v['tracker-url'] : '',
      source_version: '',
      spawn_env: {},
      labels: driver ? undefined : labels,
      try_number: typeof v['try-number'] === 'string' ? Number(v['try-number']) : driver ? undefined : 1,
      docker_build_time_str: typeof v['build-time'] === 'string' ? v['build-time'] : '19700101_000000',
    };
    const input = dbndRunInput(args, io, render);
    const report = runDbnd(input.spec, input.files, { dir: '', readFile: input.readFile }, input.env);
    if (report.error) {
      const e = report.error as { stage: string; type: string; message: string };
      io.stderr(`dbnd-cfg render-pod: dbnd would fail at the ${e.stage} stage: ${e.type}: ${e.message}\n`);
      return ExitCode.findings;
    }
    io.stdout(stringify(report.pod));
    return ExitCode.ok;
  },
};
