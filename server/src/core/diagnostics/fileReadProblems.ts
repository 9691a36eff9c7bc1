// A config file that exists but is not read as text, and the one way it is reported (lint, the editor): dbnd
// fails reading a file that is not UTF-8 (UnicodeDecodeError, at the line of the first bad byte); a file larger
// than any dbnd config file is refused by the tools before they read it whole (files/configFileGuard).
import type { Utf8DecodeError } from '../reader';
import { range } from '../text/range';
import type { CoreDiagnostic } from './types';

export type FileReadProblem =
  | { readonly kind: 'not-utf8'; readonly error: Utf8DecodeError }
  | { readonly kind: 'too-large'; readonly message: string };

export function tooLargeMessage(path: string, maxBytes: number): string {
  return `cannot read ${path}: larger than ${maxBytes / (1024 * 1024)} MiB, which no dbnd config file is`;
}

export function fileReadProblemDiagnostic(path: string, problem: FileReadProblem): CoreDiagnostic {
  if (problem.kind === 'too-large') {
    return { path, range: range(0, 0, 0, 0), severity: 'error', code: 'unreadable-file', message: problem.message };
  }
  const { line, message } = problem.error;
  return {
    path,
    range: range(line, 0, line, 0),
    severity: 'error',
    code: 'not-utf8',
    message: `dbnd reads config files as UTF-8 and cannot read this one: UnicodeDecodeError: ${message}. Save the file as UTF-8.`,
  };
}
