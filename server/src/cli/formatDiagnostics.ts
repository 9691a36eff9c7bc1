// Diagnostics as terminal lines (`file:line:col: severity code message`, 1-based like compilers print) and as
// JSON for machines (the core's own shape: 0-based line, UTF-16 character, as in LSP).
import type { CoreDiagnostic } from '../core/diagnostics/types';

export function formatDiagnosticLine(d: CoreDiagnostic): string {
  return `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`;
}

export function formatDiagnosticsJson(diagnostics: readonly CoreDiagnostic[]): string {
  return `${JSON.stringify({ diagnostics }, null, 2)}\n`;
}

/** Files in the order given, then by position. */
export function sortDiagnostics(diagnostics: readonly CoreDiagnostic[], fileOrder: readonly string[]): CoreDiagnostic[] {
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
