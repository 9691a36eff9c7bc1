// `dbnd-cfg effective`: the env and engine objects dbnd would build, every value with its provenance.
import { configObjectJson, failureJson, runDbnd, settingsJson, warningJson } from '../../core/run';
import { type DbndFileView, dbndViewToJson } from '../../core/reader';
import { boundText } from '../../core/text/bounded';
import { ExitCode, type CliCommand } from '../command';
import { DBND_RUN_OPTIONS, DBND_RUN_OPTIONS_HELP, dbndRunInput } from '../dbndRunOptions';
import { misplacedSystemFileHint } from '../../core/run/verdict';

const MAX_LISTED_LINES = 100;

/** A file's JSON with its error message cut and at most MAX_LISTED_LINES bad lines listed. */
function boundedFileJson(view: DbndFileView): unknown {
  if (view.kind !== 'error') return dbndViewToJson(view);
  const { type, line, message, section, option, errors } = view.error;
  return {
    error: {
      type,
      line,
      message: boundText(message),
      ...(section !== undefined ? { section } : {}),
      ...(option !== undefined ? { option } : {}),
      ...(errors
        ? { errors: errors.slice(0, MAX_LISTED_LINES).map((e) => ({ line: e.line, text: boundText(e.text) })) }
        : {}),
      ...(errors && errors.length > MAX_LISTED_LINES ? { errors_omitted: errors.length - MAX_LISTED_LINES } : {}),
    },
  };
}

export const effectiveCommand: CliCommand = {
  name: 'effective',
  summary: 'print the effective env and engine config with provenance, as JSON',
  usage:
    'dbnd-cfg effective [--env NAME] [--engine SECTION] [--file F]... [--conf-file F[,F2]] [--set S.K=V]... [--override S.K=V]... [--env-var N=V]... [--task-config JSON]',
  help: `Resolves dbnd's layered config (package defaults, files, DBND__S__K variables, --set, task_config) the way
dbnd does and prints {files, run, env_config, engine_config, warnings, notes, error}. Each parameter has its
value, its type, dbnd's source string (config[file], environ[KEY], --set, ...[default], ...[task_config]) and
defined_at: where the value was written (file:line, relative to DBND_HOME for the project's files;
$VARIABLE, package default, code default).
With --task-config, engine_config is the engine a task with that task_config gets (its pods use it).

options:
${DBND_RUN_OPTIONS_HELP}

exit codes: 0 resolved, 1 dbnd would fail (the error and its stage are in the output), 2 bad arguments`,
  options: DBND_RUN_OPTIONS,
  run(args, io) {
    const input = dbndRunInput(args, io);
    const result = runDbnd(input.request);
    const hint = misplacedSystemFileHint(input.misplacedSystemFile, result.failure);
    // Files inside the project are named relative to its root, as the editor's hover names them.
    const provenance = { root: input.request.environment.DBND_HOME };
    // Messages echo the user's lines (a ParsingError lists every bad one): bounded, like all CLI output.
    const files: Record<string, unknown> = {};
    for (const view of result.files) files[view.source] = boundedFileJson(view);
    const failure = result.failure && {
      ...result.failure,
      error: { ...result.failure.error, message: boundText(result.failure.error.message) },
    };
    const report = {
      files,
      run: settingsJson(result.settings),
      env_config: result.env ? configObjectJson(result.env, provenance) : null,
      engine_config: result.engine ? configObjectJson(result.engine, provenance) : null,
      warnings: result.warnings.map(warningJson),
      notes: hint ? [...result.notes, hint] : result.notes,
      error: failureJson(failure),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return result.failure ? ExitCode.findings : ExitCode.ok;
  },
};
