// Building the text of a read-only document line by line, with links to places in the user's files, and the
// pieces both documents share: the list of files read and dbnd's error.
import * as vscode from 'vscode';
import type { Location } from 'vscode-languageclient/node';
import type { DbndError } from '../../../protocol/customRequests';
import type { RenderedView, ViewLink } from './readOnlyView';

export function fromProtocolLocation(l: Location): vscode.Location {
  const { start, end } = l.range;
  return new vscode.Location(
    vscode.Uri.parse(l.uri),
    new vscode.Range(start.line, start.character, end.line, end.character),
  );
}

/** `path:line` as people read it: relative to the workspace, 1-based. */
export function placeText(location: vscode.Location): string {
  return `${vscode.workspace.asRelativePath(location.uri)}:${location.range.start.line + 1}`;
}

export function filesLine(files: readonly string[]): string {
  if (files.length === 0) return "No config file of the project was found; only dbnd's defaults apply.";
  return `Files read, in dbnd's order: ${files.map((f) => vscode.workspace.asRelativePath(vscode.Uri.parse(f))).join(', ')}`;
}

export class TextBuilder {
  private readonly lines: string[] = [];
  private readonly links: ViewLink[] = [];

  line(text: string): void {
    this.lines.push(text);
  }

  /** Several lines at once (a YAML dump); a final line break is not an extra line. */
  text(text: string): void {
    this.lines.push(...text.replace(/\n$/, '').split('\n'));
  }

  /** `before` + a link to `location` (shown as path:line) + `after`, on one line. */
  lineWithLink(before: string, location: vscode.Location, after = ''): void {
    const shown = placeText(location);
    const line = this.lines.length;
    this.links.push({
      range: new vscode.Range(line, before.length, line, before.length + shown.length),
      target: location,
    });
    this.lines.push(`${before}${shown}${after}`);
  }

  view(files: readonly string[]): RenderedView {
    return { text: `${this.lines.join('\n')}\n`, links: this.links, files };
  }
}

/** dbnd's exception as it would print it, each line a comment, then the line that causes it as a link. */
export function errorLines(error: DbndError, out: TextBuilder): void {
  for (const [i, e] of [{ type: error.type, message: error.message }, ...error.nested].entries()) {
    const lines = `${e.type}: ${e.message}`.split('\n');
    for (const l of lines) out.line(`#${'  '.repeat(i)} ${l}`);
  }
  out.line('#');
  if (error.location) out.lineWithLink('# Caused by ', fromProtocolLocation(error.location));
  else out.line('# dbnd does not say which line causes it.');
}
