// The options `effective` and `render-pod` share: which files, env vars, --set values, env and engine, turned
// into the core's run input. Without --file the files are discovered from the current folder as dbnd does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFilePaths, discoverDbndHome } from '../core/config/discovery';
import type { ConfigFile } from '../core/config/loadConfig';
import type { CaseRender, CaseSpec } from '../core/conformance/caseInput';
import { UsageError, type CliIo, type CommandArgs, type OptionSpecs } from './command';
import type { Environment } from '../core/environment';

export const DBND_RUN_OPTIONS: OptionSpecs = {
  env: { type: 'string' },
  engine: { type: 'string' },
  file: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  override: { type: 'string', multiple: true },
  'env-var': { type: 'string', multiple: true },
  'task-config': { type: 'string' },
};

export const DBND_RUN_OPTIONS_HELP = `  --env NAME              the dbnd env (like dbnd run --env); default: [databand] env, else local
  --engine SECTION        build this engine section instead of the env's remote_engine/local_engine
  --file F                a config file, repeatable, in load order (default: discovered as dbnd does)
  --set S.K=V             like dbnd run --set, repeatable
  --override S.K=V        like dbnd run --set-override (OVERRIDE priority), repeatable
  --env-var NAME=VALUE    add a process variable (DBND__S__K or one used by $VAR), repeatable
  --task-config JSON      a task's task_config, e.g. '{"kubernetes": {"limit_memory": "2Gi"}}'`;

export interface DbndRunInput {
  readonly spec: CaseSpec;
  readonly files: ConfigFile[];
  readonly env: Environment;
  readonly readFile: (path: string) => string | undefined;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function keyValue(option: string, text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`${option} expects NAME=VALUE, got '${text}'`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

const fsView = {
  isFile: (path: string) => existsSync(path) && statSync(path).isFile(),
  readFile: (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
};

export function dbndRunInput(args: CommandArgs, io: CliIo, render: CaseRender | null): DbndRunInput {
  const v = args.values;
  const env: Record<string, string | undefined> = { ...io.env };
  for (const text of list(v['env-var'])) {
    const [name, value] = keyValue('--env-var', text);
    env[name] = value;
  }
  let taskConfig: CaseSpec['task_config'];
  if (typeof v['task-config'] === 'string') {
    try {
      taskConfig = JSON.parse(v['task-config']) as CaseSpec['task_config'];
    } catch (err) {
      throw new UsageError(`--task-config is not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const explicit = list(v.file).map((f) => resolve(f));
  const paths = explicit.length > 0 ? explicit : configFilePaths(discoverDbndHome(process.cwd(), env, fsView), env, fsView);
  const files = paths.map((path) => ({ path, text: io.readFile(path) }));
  const spec: CaseSpec = {
    files: paths,
    env: typeof v.env === 'string' ? v.env : null,
    engine: typeof v.engine === 'string' ? v.engine : null,
    cli_set: Object.fromEntries(list(v.set).map((t) => keyValue('--set', t))),
    cli_override: Object.fromEntries(list(v.override).map((t) => keyValue('--override', t))),
    task_config: taskConfig,
    render,
  };
  return { spec, files, env, readFile: fsView.readFile };
}
