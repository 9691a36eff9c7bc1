// `dbnd-cfg lint [FILE...]`: the diagnostics the editor shows, on the command line. Without FILE it lints the
// dbnd project of the current folder, found exactly as the language server finds a workspace folder's project
// (ide/projectAnalysis); with FILEs, those files read together as one configuration (in the order given, like
// dbnd's layered files). Either way the findings come from the editor's own diagnostics (ide/diagnostics:
// the core's checks, with the build errors dbnd raises only lazily as warnings), so both say the same.
import { projectDiagnostics } from '../../ide/diagnostics';
import { type FolderProject, analyseProject, discoverFolderProject } from '../../ide/projectAnalysis';
import { ExitCode, InputError, UsageError, type CliCommand, type CliIo } from '../command';
import { formatDiagnosticLines, formatDiagnosticsJson, sortDiagnostics } from '../formatDiagnostics';
import { LintFilesOnDisk } from './lintFilesOnDisk';

/** The project of the current folder, as the editor's workspace folder would have it with `--env` as its
 *  default environment; no project there is an input error (exit 2), not a clean result. */
function currentProject(io: CliIo, files: LintFilesOnDisk, environmentName: string): FolderProject {
  const project = discoverFolderProject(
    io.cwd,
    io.env,
    { extraConfigFiles: [], environmentVariables: {}, defaultEnvironment: environmentName },
    files,
  );
  // A databand-system.cfg at DBND_HOME that dbnd never reads is a project: its finding says where the file belongs.
  if (project.paths.length === 0 && !project.misplacedSystemFile) {
    throw new InputError(
      `no dbnd config file found for ${io.cwd}: dbnd looked for DBND_HOME from here up (.dbnd/databand-system.cfg, ` +
        `project.cfg, databand.cfg, databand-system.cfg, a [databand] section in setup.cfg or tox.ini), ` +
        `then used ${project.dbndHome}, which has none. Name the files to lint: dbnd-cfg lint FILE...`,
    );
  }
  return project;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'report errors and warnings in dbnd .cfg files, or in the dbnd project of this folder',
  usage: 'dbnd-cfg lint [--json] [--env NAME] [FILE...]',
  help: `Without FILE: lints the dbnd project of the current folder, found as dbnd run started here finds it and as
the language server finds a workspace folder's project: DBND_HOME ($DBND_HOME, else the first folder up
from here with .dbnd/databand-system.cfg, project.cfg, databand.cfg, databand-system.cfg or a [databand]
section in setup.cfg/tox.ini), then /etc/databand.cfg, $DBND_SYSTEM/databand-system.cfg,
$DBND_HOME/conf/databand.cfg, $DBND_HOME/databand.cfg, $DBND_HOME/project.cfg, $DBND_CONFIG and
~/.dbnd/databand.cfg, in that order. With FILEs: those files, read together in the order given.

Prints the diagnostics the editor shows for those files, one line per finding:
FILE:LINE:COLUMN: SEVERITY CODE MESSAGE (1-based line and column). dbnd raises build errors only for the
objects a run builds, so a bad value in a section no enabled environment uses is a warning, as in the editor.
$VAR, \${VAR} and DBND__SECTION__KEY variables come from this process's environment, as for dbnd. At most
1000 findings are printed (then a line says how many more there are); a message that echoes a long line is cut.

options:
  --json      print {"diagnostics": [...]} instead (ranges 0-based, in UTF-16 units, as in LSP), with
              "omitted": N when findings were left out
  --env NAME  the dbnd environment a run selects (dbnd run --env; the editor's databand.defaultEnvironment);
              default: [databand] env
  -h, --help  show this help

exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments, an unreadable file or no dbnd
project in this folder

FILE - reads the standard input.`,
  options: { json: { type: 'boolean' }, env: { type: 'string' } },

  run({ values, positionals }, io) {
    const environmentName = typeof values.env === 'string' ? values.env.trim() : '';
    if (values.env !== undefined && environmentName === '') throw new UsageError('--env needs an environment name');
    const files = new LintFilesOnDisk(io);
    const project: FolderProject =
      positionals.length > 0
        ? {
            dbndHome: io.cwd,
            folder: io.cwd,
            env: io.env,
            paths: positionals,
            homeFiles: [],
            environmentName: environmentName || undefined,
          }
        : currentProject(io, files, environmentName);
    const analysis = analyseProject(project, files);
    const found = [...files.undecodable(), ...projectDiagnostics(analysis)];
    const diagnostics = sortDiagnostics(found, project.paths);
    io.stdout(values.json === true ? formatDiagnosticsJson(diagnostics) : formatDiagnosticLines(diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? ExitCode.findings : ExitCode.ok;
  },
};
