// `dbnd-cfg lint FILE...`: every load error and check of the core, for the given files read together as one
// configuration (in the order given, like dbnd's layered files).
import { lintFiles, type LintInput } from '../../core/diagnostics/lintFiles';
import { ExitCode, UsageError, type CliCommand } from '../command';
import { formatDiagnosticLine, formatDiagnosticsJson, sortDiagnostics } from '../formatDiagnostics';

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'report errors and warnings in dbnd .cfg files',
  usage: 'dbnd-cfg lint [--json] FILE...',
  help: `Prints one line per finding: FILE:LINE:COLUMN: SEVERITY CODE MESSAGE (1-based line and column).
$VAR and \${VAR} expand against this process's environment, as dbnd would.

options:
  --json      print {"diagnostics": [...]} instead (ranges 0-based, in UTF-16 units, as in LSP)
  -h, --help  show this help

exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or unreadable file`,
  options: { json: { type: 'boolean' } },

  run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('no FILE given');
    const inputs: LintInput[] = [];
    for (const path of positionals) {
      try {
        inputs.push({ path, text: io.readFile(path) });
      } catch (err) {
        // fs messages carry the reason and the path: "ENOENT: no such file or directory, open 'x.cfg'".
        io.stderr(`dbnd-cfg lint: cannot read ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
        return ExitCode.usage;
      }
    }
    const diagnostics = sortDiagnostics(lintFiles(inputs, { env: io.env }), positionals);
    if (values.json === true) io.stdout(formatDiagnosticsJson(diagnostics));
    else io.stdout(diagnostics.map((d) => `${formatDiagnosticLine(d)}\n`).join(''));
    return diagnostics.some((d) => d.severity === 'error') ? ExitCode.findings : ExitCode.ok;
  },
};
