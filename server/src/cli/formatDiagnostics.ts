// Diagnostics as terminal lines (`file:line:col: severity code message`, 1-based like compilers print) and as
// JSON for machines (the core's own shape: 0-based line, UTF-16 character, as in LSP). Both are bounded: at
// most MAX_REPORTED_FINDINGS findings, each message cut at MAX_ECHOED_CHARS (a binary file would otherwise
// produce more output than input).
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { boundText } from '../core/text/bounded';

export const MAX_REPORTED_FINDINGS = 1000;

function bounded(d: CoreDiagnostic): CoreDiagnostic {
  return { ...d, message: boundText(d.message) };
}

export function formatDiagnosticLine(d: CoreDiagnostic): string {
  return `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${boundText(d.message)}`;
}

/** The lines, then one line saying how many findings were left out, if any. */
export function formatDiagnosticLines(diagnostics: readonly CoreDiagnostic[]): string {
  const shown = diagnostics.slice(0, MAX_REPORTED_FINDINGS).map((d) => `${formatDiagnosticLine(d)}\n`);
  const omitted = diagnostics.length - MAX_REPORTED_FINDINGS;
  if (omitted > 0)
    shown.push(`dbnd-cfg: ${omitted} more findings not shown (the first ${MAX_REPORTED_FINDINGS} are)\n`);
  return shown.join('');
}

/** `{diagnostics}`, plus `omitted` (how many were left out) when there are more than MAX_REPORTED_FINDINGS. */
export function formatDiagnosticsJson(diagnostics: readonly CoreDiagnostic[]): string {
  const omitted = Math.max(0, diagnostics.length - MAX_REPORTED_FINDINGS);
  const shown = diagnostics.slice(0, MAX_REPORTED_FINDINGS).map(bounded);
  return `${JSON.stringify(omitted > 0 ? { diagnostics: shown, omitted } : { diagnostics: shown }, null, 2)}\n`;
}

/** Files in the order given, then by position. */
export function sortDiagnostics(
  diagnostics: readonly CoreDiagnostic[],
  fileOrder: readonly string[],
): CoreDiagnostic[] {
  const rank = (path: string) => {
    const i = fileOrder.indexOf(path);
    return i < 0 ? fileOrder.length : i;
  };
  return [...diagnostics].sort(
    (a, b) =>
      rank(a.path) - rank(b.path) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}
