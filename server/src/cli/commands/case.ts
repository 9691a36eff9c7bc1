// `dbnd-cfg case CASE_DIR`: run one conformance case folder through the core and print the document its
// expected.json describes (without reading expected.json).
import { runCaseFolder } from '../caseFolder';
import { ExitCode, UsageError, type CliCommand } from '../command';

export const caseCommand: CliCommand = {
  name: 'case',
  summary: 'run a conformance case folder and print the result as JSON',
  usage: 'dbnd-cfg case CASE_DIR',
  help: `CASE_DIR holds case.json and files/ (the format is described in docs/conformance.md). Prints the files, env and
engine config, warnings, docker build, driver submission and pod, as dbnd would compute them.

exit codes: 0 printed, 2 bad arguments or unreadable case`,
  options: {},
  run({ positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('expected exactly one CASE_DIR');
    let report;
    try {
      report = runCaseFolder(positionals[0], io);
    } catch (err) {
      io.stderr(`dbnd-cfg case: cannot read ${positionals[0]}: ${err instanceof Error ? err.message : String(err)}\n`);
      return ExitCode.usage;
    }
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return ExitCode.ok;
  },
};
