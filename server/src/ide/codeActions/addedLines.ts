// Where quick fixes add whole lines: after a section's last entry, or at the end of the file.
import type { CfgSection } from '../../core/reader';
import type { ProjectFile } from '../analysis';
import type { TextEdit } from '../edits';
import { lineText } from './codeAction';

/** An insertion of `lines` after `section`'s last entry (or its header), or at the end of the file. */
export function addedLines(file: ProjectFile, section: CfgSection | undefined, lines: readonly string[]): TextEdit {
  const after = section
    ? (section.entries.at(-1)?.range.end.line ?? section.headerRange.start.line)
    : file.doc.lineCount - 1;
  if (after + 1 < file.doc.lineCount) {
    const position = { line: after + 1, character: 0 };
    return { range: { start: position, end: position }, newText: lines.map((l) => `${l}\n`).join('') };
  }
  if (/\r?\n$|\r$/.test(file.text) || file.text === '') {
    const position = { line: file.doc.lineCount, character: 0 };
    return { range: { start: position, end: position }, newText: lines.map((l) => `${l}\n`).join('') };
  }
  const last = Math.max(0, file.doc.lineCount - 1);
  const position = { line: last, character: lineText(file, last).length };
  return { range: { start: position, end: position }, newText: lines.map((l) => `\n${l}`).join('') + '\n' };
}
