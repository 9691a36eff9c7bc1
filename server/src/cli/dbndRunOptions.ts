// The options `effective` and `render-pod` share: which files, env vars, --set values, env and engine, turned
// into the core's run request. Without --file the files are discovered from the current folder as dbnd does.
import { resolve } from 'node:path';
import { discoverProject } from '../core/config/discovery';
import type { RenderContext, RunRequest } from '../core/run';
import type { Json } from '../core/json';
import type { ReadConfFile } from '../core/resolve/contextConf';
import { UsageError, type CliIo, type CommandArgs, type OptionSpecs } from './command';
import { readConfigInput, readOptionalText } from './inputFiles';
import { ioFileSystemView } from './ioFileSystem';

export const DBND_RUN_OPTIONS: OptionSpecs = {
  env: { type: 'string' },
  engine: { type: 'string' },
  file: { type: 'string', multiple: true },
  'conf-file': { type: 'string' },
  set: { type: 'string', multiple: true },
  override: { type: 'string', multiple: true },
  'env-var': { type: 'string', multiple: true },
  'task-config': { type: 'string' },
};

export const DBND_RUN_OPTIONS_HELP = `  --env NAME              the dbnd env (like dbnd run --env); default: [databand] env, else local
  --engine SECTION        build this engine section instead of the env's remote_engine/local_engine
  --file F                a config file, repeatable, in load order (default: discovered as dbnd does)
  --conf-file F[,F2]      like dbnd run --conf-file: [databand] conf_file, files read when dbnd's context
                          starts, in a layer above the command line (their values beat --set)
  --set S.K=V             like dbnd run --set, repeatable; also the JSON form '{"S.K": V}' or '{"S": {"K": V}}'
  --override S.K=V        like dbnd run --set-override (OVERRIDE priority), repeatable, same forms
  --env-var NAME=VALUE    add a process variable (DBND__S__K or one used by $VAR), repeatable
  --task-config JSON      a task's task_config, e.g. '{"kubernetes": {"limit_memory": "2Gi"}}'`;

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function keyValue(option: string, text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`${option} expects NAME=VALUE, got '${text}'`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function taskConfigOption(text: string | undefined): Readonly<Record<string, Json>> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--task-config is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(
      `--task-config must be a JSON object {"section": {"key": value}}, got ${JSON.stringify(value)}`,
    );
  }
  return value as Record<string, Json>;
}

/** node:fs codes that mean "no file here", as dbnd's target(f).exists() answers False. */
const NOT_A_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * `[databand] conf_file` entries read from disk, relative to the working folder as dbnd opens them: a missing
 * file is dbnd's own failure (undefined); one that cannot be read at all stops the command (exit 2).
 */
export function confFileReader(io: CliIo): ReadConfFile {
  return (path) => {
    const abs = resolve(io.cwd, path);
    try {
      io.readFile(abs, 0);
    } catch (err) {
      if (NOT_A_FILE.has(String((err as NodeJS.ErrnoException).code))) return undefined;
    }
    const input = readConfigInput(io, abs);
    return 'text' in input ? { path, text: input.text } : { path, text: '', decodeError: input.decodeError };
  };
}

/** The run request for the command line's options; `render` is the pod to render, if any. */
export function dbndRunRequest(args: CommandArgs, io: CliIo, render?: RenderContext): RunRequest {
  return dbndRunInput(args, io, render).request;
}

/** The run request, and the databand-system.cfg at DBND_HOME that dbnd never reads (for the hint after its error). */
export function dbndRunInput(
  args: CommandArgs,
  io: CliIo,
  render?: RenderContext,
): { request: RunRequest; misplacedSystemFile?: { path: string; systemDir: string } } {
  const v = args.values;
  const environment: Record<string, string | undefined> = { ...io.env };
  for (const text of list(v['env-var'])) {
    const [name, value] = keyValue('--env-var', text);
    environment[name] = value;
  }
  const taskConfig = taskConfigOption(typeof v['task-config'] === 'string' ? v['task-config'] : undefined);
  // dbnd's bootstrap puts DBND_HOME into its own environment, so `${DBND_HOME}` in a value
  // expands to the discovered folder (docs/dbnd-rules.md §1.5).
  const project = discoverProject(io.cwd, environment, ioFileSystemView(io));
  const explicit = list(v.file).map((f) => resolve(io.cwd, f));
  const paths = explicit.length > 0 ? explicit : project.paths;
  const misplaced = explicit.length === 0 ? project.misplacedSystemFile : undefined;
  const request: RunRequest = {
    files: paths.map((path) => {
      const input = readConfigInput(io, path);
      return 'text' in input ? input : { path, text: '', decodeError: input.decodeError };
    }),
    environment: project.env,
    envName: typeof v.env === 'string' ? v.env : undefined,
    confFile: typeof v['conf-file'] === 'string' ? v['conf-file'] : undefined,
    readConfFile: confFileReader(io),
    engine: typeof v.engine === 'string' ? v.engine : undefined,
    set: list(v.set),
    setOverride: list(v.override),
    taskConfig,
    render,
    readFile: (path) => readOptionalText(io, path),
  };
  return {
    request,
    ...(misplaced
      ? { misplacedSystemFile: { path: misplaced, systemDir: project.env.DBND_SYSTEM ?? `${project.dbndHome}/.dbnd` } }
      : {}),
  };
}
