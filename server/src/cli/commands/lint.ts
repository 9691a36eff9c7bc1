// `dbnd-cfg lint FILE...`: every load error and check of the core, for the given files read together as one
// configuration (in the order given, like dbnd's layered files).
import type { CoreDiagnostic } from '../../core/diagnostics/types';
import { lintFiles, type LintInput } from '../../core/diagnostics/lintFiles';
import { range } from '../../core/text/range';
import { ExitCode, UsageError, type CliCommand } from '../command';
import { formatDiagnosticLines, formatDiagnosticsJson, sortDiagnostics } from '../formatDiagnostics';
import { type ConfigInput, readConfigInput } from '../inputFiles';

/** dbnd fails reading a file that is not UTF-8; the finding sits on the line of the first bad byte. */
function undecodable(input: ConfigInput): CoreDiagnostic[] {
  if (!('decodeError' in input)) return [];
  const { line, message } = input.decodeError;
  return [
    {
      path: input.path,
      range: range(line, 0, line, 0),
      severity: 'error',
      code: 'not-utf8',
      message: `dbnd reads config files as UTF-8 and cannot read this one: UnicodeDecodeError: ${message}. Save the file as UTF-8.`,
    },
  ];
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'report errors and warnings in dbnd .cfg files',
  usage: 'dbnd-cfg lint [--json] FILE...',
  help: `Prints one line per finding: FILE:LINE:COLUMN: SEVERITY CODE MESSAGE (1-based line and column).
$VAR and \${VAR} expand against this process's environment, as dbnd would. At most 1000 findings are
printed (then a line says how many more there are); a message that echoes a long line is cut.

options:
  --json      print {"diagnostics": [...]} instead (ranges 0-based, in UTF-16 units, as in LSP), with
              "omitted": N when findings were left out
  -h, --help  show this help

exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or unreadable file`,
  options: { json: { type: 'boolean' } },

  run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('no FILE given');
    const read = positionals.map((path) => readConfigInput(io, path));
    const inputs: LintInput[] = read.flatMap((r) => ('text' in r ? [{ path: r.path, text: r.text }] : []));
    const found = [...read.flatMap(undecodable), ...lintFiles(inputs, { env: io.env })];
    const diagnostics = sortDiagnostics(found, positionals);
    io.stdout(values.json === true ? formatDiagnosticsJson(diagnostics) : formatDiagnosticLines(diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? ExitCode.findings : ExitCode.ok;
  },
};
