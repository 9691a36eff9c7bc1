// Multi-file ide fixtures: `{ 'project.cfg': text, ... }` where exactly one text holds a `$0` cursor. Files are
// given in dbnd's load order and become an Analysis, as the project model would build it (unopened files too).
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { parseCfg } from '../../server/src/core/reader';
import type { Position, Range } from '../../server/src/core/text/range';
import { textOf, withCursor } from '../support/cursor';

export const uriOf = (name: string): string => `file:///proj/${name}`;

export interface CursorProject {
  readonly analysis: Analysis;
  /** The file that held `$0`. */
  readonly uri: string;
  readonly position: Position;
  readonly texts: ReadonlyMap<string, string>;
}

export function projectOf(files: Readonly<Record<string, string>>): Analysis {
  return cursorProject(files, false).analysis;
}

export function cursorProject(files: Readonly<Record<string, string>>, needsCursor = true): CursorProject {
  let uri = '';
  let position: Position = { line: 0, character: 0 };
  const texts = new Map<string, string>();
  const parsed: ProjectFile[] = Object.entries(files).map(([name, marked]) => {
    let text = marked;
    if (marked.includes('$0')) {
      const c = withCursor(marked);
      text = c.text;
      uri = uriOf(name);
      position = c.position;
    }
    texts.set(uriOf(name), text);
    return { uri: uriOf(name), path: `/proj/${name}`, text, doc: parseCfg(text), open: false };
  });
  if (needsCursor && !uri) throw new Error('fixture needs a $0 cursor');
  return {
    analysis: new Analysis({ files: parsed, env: {}, readFile: () => undefined, isProject: true }),
    uri,
    position,
    texts,
  };
}

/** `file:line: text` of each range (file name without the /proj/ prefix, line 1-based), for readable asserts. */
export function describeRanges(
  project: { texts: ReadonlyMap<string, string> },
  ranges: readonly { uri: string; range: Range }[],
): string[] {
  return ranges.map(
    (r) =>
      `${r.uri.replace('file:///proj/', '')}:${r.range.start.line + 1}: ${textOf(project.texts.get(r.uri) ?? '', r.range)}`,
  );
}
