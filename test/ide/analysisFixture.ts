// An Analysis built from a fixture in memory (`//- /path` files in load order, one `$0` cursor), for ide tests
// that need no server: the files are the project, `env` the environment, extra `//- ` files are readable.
import { parseCfg } from '../../server/src/core/reader';
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { extractCursor, parseFixtureFiles } from '../protocol/projectFixture';

export interface AnalysisFixture {
  readonly analysis: Analysis;
  /** The file with the cursor and the cursor position. */
  readonly uri: string;
  readonly position: { line: number; character: number };
}

/** Files whose name ends in `.cfg` are project files (in the order given); any other file is only readable. */
export function analysisFixture(
  spec: string,
  env: Record<string, string> = {},
  environmentName?: string,
): AnalysisFixture {
  const files: ProjectFile[] = [];
  const texts = new Map<string, string>();
  let cursor: { uri: string; position: { line: number; character: number } } | undefined;
  for (const { name, text: marked } of parseFixtureFiles(spec)) {
    const { text, position } = extractCursor(marked);
    texts.set(name, text);
    const uri = `file://${name}`;
    if (position) cursor = { uri, position };
    if (name.endsWith('.cfg')) files.push({ uri, path: name, text, doc: parseCfg(text), open: true });
  }
  if (!cursor) throw new Error('the fixture has no $0 cursor');
  const analysis = new Analysis({ files, env, environmentName, readFile: (p) => texts.get(p), isProject: true });
  return { analysis, ...cursor };
}
