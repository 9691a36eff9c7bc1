// `render-pod -- ARG...`: what follows `dbnd run`, read as dbnd's `run` command reads it (cmd_run.py) so that
// its options change the run exactly as they would (`--env`, `--set`, `--set-config`, `--override`,
// `--conf-file`, `--interactive`, `--task-version`, the driver and task switches, `--docker-build-tag`), while
// the arguments are still copied into the driver's command as dbnd's submitter copies them. An option this
// tool cannot apply is refused with a message that says why, rather than copied and silently ignored.
import { UsageError } from './command';

/** What the arguments after `dbnd run` change in the run. */
export interface DbndRunArgs {
  /** The task to run: the first argument that is not an option or an option's value. */
  readonly taskName?: string;
  readonly envName?: string;
  readonly confFile?: string;
  /** `--set`/`--set-config` values and the switches dbnd writes as config, in dbnd's group order. */
  readonly set: readonly string[];
  readonly override: readonly string[];
}

/** Options whose value becomes `section.key=value` in the `--set` group. */
const VALUE_OPTIONS: Readonly<Record<string, (v: string) => string>> = {
  '--task-version': (v) => `task.task_version=${v}`,
  '--docker-build-tag': (v) => `kubernetes.docker_build_tag=${v}`,
};

/** Flags dbnd writes into its command-line layer. */
const FLAG_OPTIONS: Readonly<Record<string, string>> = {
  '--interactive': 'run.interactive=True',
  '--submit-driver': 'run.submit_driver=True',
  '--local-driver': 'run.submit_driver=False',
  '--submit-tasks': 'run.submit_tasks=True',
  '--no-submit-tasks': 'run.submit_tasks=False',
};

const ALIASES: Readonly<Record<string, string>> = {
  '-s': '--set',
  '-c': '--set-config',
  '-o': '--override',
  '-r': '--set-root',
};

/** Options that take a value and change nothing this tool models (root-task parameters). */
const TASK_OPTIONS = new Set(['--set-root']);

export function parseDbndRunArgs(args: readonly string[]): DbndRunArgs {
  let taskName: string | undefined;
  let envName: string | undefined;
  let confFile: string | undefined;
  const set: string[] = [];
  const setConfig: string[] = [];
  const flags: string[] = [];
  const override: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      taskName ??= arg;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = ALIASES[eq > 0 ? arg.slice(0, eq) : arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    if (name in FLAG_OPTIONS && eq < 0) {
      flags.push(FLAG_OPTIONS[name]);
      continue;
    }
    const takesValue =
      ['--env', '--set', '--set-config', '--override', '--conf-file'].includes(name) ||
      name in VALUE_OPTIONS ||
      TASK_OPTIONS.has(name);
    if (!takesValue) {
      throw new UsageError(
        `render-pod -- ${arg}: not a \`dbnd run\` option this tool can apply (it applies --env, --set/-s, ` +
          '--set-config/-c, --override/-o, --conf-file, --interactive, --task-version, --docker-build-tag, ' +
          '--submit-driver/--local-driver, --submit-tasks/--no-submit-tasks and --set-root/-r); a task parameter ' +
          'is given with --set-root NAME=VALUE',
      );
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`render-pod -- ${arg}: dbnd run expects a value after it`);
    if (name === '--env') envName = value;
    else if (name === '--conf-file') confFile = value;
    else if (name === '--set') set.push(value);
    else if (name === '--set-config') setConfig.push(value);
    else if (name === '--override') override.push(value);
    else if (name in VALUE_OPTIONS) flags.push(VALUE_OPTIONS[name](value));
  }
  // dbnd's command-line store: the main switches first, then the --set group, then --set-config.
  return { taskName, envName, confFile, set: [...flags, ...set, ...setConfig], override };
}
