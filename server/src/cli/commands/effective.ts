// `dbnd-cfg effective`: the env and engine objects dbnd would build, every value with its provenance.
import { runDbnd } from '../../core/conformance/runCase';
import { ExitCode, type CliCommand } from '../command';
import { DBND_RUN_OPTIONS, DBND_RUN_OPTIONS_HELP, dbndRunInput } from '../dbndRunOptions';

export const effectiveCommand: CliCommand = {
  name: 'effective',
  summary: 'print the effective env and engine config with provenance, as JSON',
  usage: 'dbnd-cfg effective [--env NAME] [--engine SECTION] [--file F]... [--set S.K=V]... [--env-var N=V]... [--task-config JSON]',
  help: `Resolves dbnd's layered config (package defaults, files, DBND__S__K variables, --set, task_config) the way
dbnd does and prints {files, env_config, engine_config, warnings, run, error}. Each parameter has its value,
its type and dbnd's source string (config[file], environ[KEY], --set, ...[default], ...[task_config]).

options:
${DBND_RUN_OPTIONS_HELP}

exit codes: 0 resolved, 1 dbnd would fail (the error and its stage are in the output), 2 bad arguments`,
  options: DBND_RUN_OPTIONS,
  run(args, io) {
    const input = dbndRunInput(args, io, null);
    const report = runDbnd(input.spec, input.files, { dir: '', readFile: input.readFile, provenance: true }, input.env);
    const { files, env_config, engine_config, warnings, run, error } = report;
    io.stdout(`${JSON.stringify({ files, run, env_config, engine_config, warnings, error }, null, 2)}\n`);
    return error ? ExitCode.findings : ExitCode.ok;
  },
};
