// The files `dbnd-cfg lint` reads, from disk through CliIo, in the shape the editor's project analysis takes
// (ide/projectAnalysis): a file is read once, strictly as UTF-8 and bounded like every input of dbnd-cfg. A
// file that is not UTF-8 is left out of the analysis and reported on its own (dbnd fails reading it).
import { pathToFileURL } from 'node:url';
import type { FileSystemView } from '../../core/config/discovery';
import type { CoreDiagnostic } from '../../core/diagnostics/types';
import { fileReadProblemDiagnostic } from '../../core/diagnostics/fileReadProblems';
import type { ProjectFileSource } from '../../ide/projectAnalysis';
import type { CliIo } from '../command';
import { type ConfigInput, readConfigInput, readOptionalText } from '../inputFiles';
import { isFileThroughIo } from '../ioFileSystem';

export class LintFilesOnDisk implements FileSystemView, ProjectFileSource {
  private readonly inputs = new Map<string, ConfigInput>();

  constructor(private readonly io: CliIo) {}

  /** True for anything that is there and not a folder (an unreadable file too: linting it then says so). */
  isFile(path: string): boolean {
    return this.inputs.has(path) || isFileThroughIo(this.io, path);
  }

  /** Discovery reads setup.cfg/tox.ini for a `[databand]` section; unreadable counts as no section. */
  readFile(path: string): string | undefined {
    return this.isFile(path) ? readOptionalText(this.io, path) : undefined;
  }

  /** A config file to lint; an unreadable one stops the command with exit 2 naming it (InputError). */
  file(path: string): { uri: string; text: string; open: boolean } | undefined {
    let input = this.inputs.get(path);
    if (!input) {
      // `-` is the standard input (`cat project.cfg | dbnd-cfg lint -`), reported as `-`.
      input = readConfigInput(this.io, path);
      this.inputs.set(path, input);
    }
    return 'text' in input ? { uri: pathToFileURL(path).href, text: input.text, open: false } : undefined;
  }

  readCurrent(path: string): string | undefined {
    return readOptionalText(this.io, path);
  }

  /** dbnd fails reading a file that is not UTF-8; the finding sits on the line of the first bad byte, worded
   *  as the editor words it (core/diagnostics/fileReadProblems). */
  undecodable(): CoreDiagnostic[] {
    return [...this.inputs.values()].flatMap((input) =>
      'decodeError' in input
        ? [fileReadProblemDiagnostic(input.path, { kind: 'not-utf8', error: input.decodeError })]
        : [],
    );
  }
}
