// configparser's exception messages (CPython 3.11), which need the source name dbnd passes to `_read`.
import type { CfgError } from './model';
import { pyPercent2d, pyRepr } from '../python';

/** `ParsingError(source)` followed by one `append(lineno, repr(line))` per bogus line. */
export function parsingErrorMessage(source: string, lines: readonly { line: number; text: string }[]): string {
  let message = `Source contains parsing errors: ${pyRepr(source)}`;
  for (const l of lines) message += `\n\t[line ${pyPercent2d(l.line)}]: ${l.text}`;
  return message;
}

/** The message of the exception Python raises for `error` while reading `source`. */
export function pythonErrorMessage(error: CfgError, source: string): string {
  switch (error.code) {
    case 'missing-section-header':
      return `File contains no section headers.\nfile: ${pyRepr(source)}, line: ${error.line}\n${pyRepr(error.rawLine)}`;
    case 'duplicate-section':
      return `While reading from ${pyRepr(source)} [line ${pyPercent2d(error.line)}]: section ${pyRepr(error.section)} already exists`;
    case 'duplicate-key':
      return (
        `While reading from ${pyRepr(source)} [line ${pyPercent2d(error.line)}]: option ` +
        `${pyRepr(error.option)} in section ${pyRepr(error.section)} already exists`
      );
    case 'invalid-line':
    case 'empty-key':
    case 'closing-bracket-not-indented':
      return parsingErrorMessage(source, [{ line: error.line, text: pyRepr(error.rawLine) }]);
    case 'interpolation-syntax':
    case 'interpolation-missing-option':
    case 'interpolation-depth':
      return error.message;
  }
}
