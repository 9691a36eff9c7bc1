// The one fixture kit of the tests. A fixture is a project written inline: `//- /path` starts a file (as in
// rust-analyzer's fixtures) or a `{ 'name.cfg': text }` record, files in dbnd's load order, and at most one `$0`
// cursor, parsed by `withCursor` (./cursor.ts) like every other `$0`. From it a test gets
// - `analysisOf` / `analysisFixture` / `cursorProject`: an ide `Analysis` in memory, as the project model builds
//   it, for ide tests that need no server;
// - `writeFixture`: the files on disk in a fresh temporary folder, for protocol tests that start the server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCfg } from '../../server/src/core/reader';
import type { Position, Range } from '../../server/src/core/text/range';
import { Analysis, type ProjectFile } from '../../server/src/ide/analysis';
import { textOf, withCursor } from './cursor';

export const CURSOR = '$0';

/** The files of a `//- /path` fixture, in order, with their text as written (cursor included). */
export function parseFixtureFiles(spec: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const chunk of spec.split(/^\/\/- /m).slice(1)) {
    const newline = chunk.indexOf('\n');
    out.push({ name: chunk.slice(0, newline).trim(), text: chunk.slice(newline + 1) });
  }
  return out;
}

/** The text without its `$0`, and the cursor's position when it has one. */
function takeCursor(marked: string): { text: string; position?: Position } {
  if (!marked.includes(CURSOR)) return { text: marked };
  const { text, position } = withCursor(marked);
  return { text, position };
}

// ---- in memory: an ide Analysis ----

export interface AnalysisOptions {
  readonly env?: Record<string, string>;
  readonly environmentName?: string;
  /** Whether the project files count as open editor documents (unsaved text) rather than files on disk. */
  readonly open?: boolean;
  /** Files that are readable (a pod template) but not config files of the project. */
  readonly readable?: ReadonlyMap<string, string>;
}

/** The Analysis of config files given by path and text, in load order; also readable through `readFile`. */
export function analysisOf(files: readonly { path: string; text: string }[], options: AnalysisOptions = {}): Analysis {
  const texts = new Map(options.readable);
  const projectFiles: ProjectFile[] = files.map(({ path, text }) => {
    texts.set(path, text);
    return { uri: `file://${path}`, path, text, doc: parseCfg(text), open: options.open ?? true };
  });
  return new Analysis({
    files: projectFiles,
    env: options.env ?? {},
    environmentName: options.environmentName,
    readFile: (p) => texts.get(p),
    isProject: true,
  });
}

export interface CursorProject {
  readonly analysis: Analysis;
  /** The file that held `$0`. */
  readonly uri: string;
  readonly position: Position;
  /** Every file's text without the cursor, by URI. */
  readonly texts: ReadonlyMap<string, string>;
}

/** Alias kept for the tests written against the `//-` builder. */
export type AnalysisFixture = CursorProject;

function cursorAnalysis(
  files: readonly { path: string; marked: string }[],
  options: AnalysisOptions,
  needsCursor: boolean,
): CursorProject {
  let cursor: { uri: string; position: Position } | undefined;
  const texts = new Map<string, string>();
  const readable = new Map(options.readable);
  const config: { path: string; text: string }[] = [];
  for (const { path, marked } of files) {
    const { text, position } = takeCursor(marked);
    const uri = `file://${path}`;
    if (position) {
      if (cursor) throw new Error('fixture needs exactly one $0');
      cursor = { uri, position };
    }
    texts.set(uri, text);
    if (path.endsWith('.cfg')) config.push({ path, text });
    else readable.set(path, text);
  }
  if (needsCursor && !cursor) throw new Error('fixture needs exactly one $0');
  const analysis = analysisOf(config, { ...options, readable });
  return { analysis, uri: cursor?.uri ?? '', position: cursor?.position ?? { line: 0, character: 0 }, texts };
}

/**
 * A `//- /path` fixture as an Analysis of open documents, with its `$0` cursor. Files whose name ends in `.cfg`
 * are project files (in the order given); any other file is only readable.
 */
export function analysisFixture(
  spec: string,
  env: Record<string, string> = {},
  environmentName?: string,
): CursorProject {
  const files = parseFixtureFiles(spec).map(({ name, text }) => ({ path: name, marked: text }));
  return cursorAnalysis(files, { env, environmentName, open: true }, true);
}

/** `{ 'project.cfg': text, ... }` lives in /proj/. */
export const uriOf = (name: string): string => `file:///proj/${name}`;

/** A `{ name: text }` project in /proj/, read from disk (not open), where exactly one text holds `$0`. */
export function cursorProject(files: Readonly<Record<string, string>>, needsCursor = true): CursorProject {
  const list = Object.entries(files).map(([name, marked]) => ({ path: `/proj/${name}`, marked }));
  return cursorAnalysis(list, { open: false }, needsCursor);
}

export function projectOf(files: Readonly<Record<string, string>>): Analysis {
  return cursorProject(files, false).analysis;
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

// ---- on disk: for the server ----

export interface FixtureFile {
  /** Path inside the fixture, as written after `//-` (starts with `/`). */
  readonly name: string;
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

export interface Cursor {
  readonly file: FixtureFile;
  readonly line: number;
  readonly character: number;
}

export interface Fixture {
  readonly root: string;
  readonly rootUri: string;
  readonly files: readonly FixtureFile[];
  readonly cursor: Cursor | undefined;
  file(name: string): FixtureFile;
  /** Write (or overwrite) a file of the fixture on disk; returns its path and URI. */
  write(name: string, text: string): FixtureFile;
  remove(): void;
}

/** A `//- /path` fixture written to a fresh temporary folder, so the server reads unopened files from disk. */
export function writeFixture(spec: string): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'dbnd-fixture-'));
  const files: FixtureFile[] = [];
  let cursor: Cursor | undefined;
  const write = (name: string, text: string): FixtureFile => {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    const file = { name, path, uri: pathToFileURL(path).href, text };
    const i = files.findIndex((f) => f.name === name);
    if (i >= 0) files[i] = file;
    else files.push(file);
    return file;
  };
  for (const { name, text: marked } of parseFixtureFiles(spec)) {
    const { text, position } = takeCursor(marked);
    const file = write(name, text);
    if (position) {
      if (cursor) throw new Error('fixture needs at most one $0');
      cursor = { file, ...position };
    }
  }
  return {
    root,
    rootUri: pathToFileURL(root).href,
    files,
    cursor,
    file(name) {
      const f = files.find((x) => x.name === name);
      if (!f) throw new Error(`no file ${name} in the fixture`);
      return f;
    },
    write,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The server's environment: no DBND_* of the machine running the tests, HOME inside the fixture. */
export function fixtureEnv(fixture: Fixture): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: fixture.root };
  for (const name of Object.keys(env)) if (name.startsWith('DBND')) delete env[name];
  return env;
}
