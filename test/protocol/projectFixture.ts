// Multi-file fixtures for protocol and ide tests, written like rust-analyzer's: `//- <path>` starts a file, `$0`
// marks the cursor (at most one in the whole fixture). Files are written to a fresh temporary folder, so the
// server reads the ones a test does not open from disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

export const CURSOR = '$0';

/** The text without its `$0` and the marker's line/character, if any. */
export function extractCursor(text: string): { text: string; position?: { line: number; character: number } } {
  const at = text.indexOf(CURSOR);
  if (at < 0) return { text };
  const before = text.slice(0, at);
  const lines = before.split('\n');
  return {
    text: before + text.slice(at + CURSOR.length),
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  };
}

export function parseFixtureFiles(spec: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const chunk of spec.split(/^\/\/- /m).slice(1)) {
    const newline = chunk.indexOf('\n');
    out.push({ name: chunk.slice(0, newline).trim(), text: chunk.slice(newline + 1) });
  }
  return out;
}

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
    const { text, position } = extractCursor(marked);
    const file = write(name, text);
    if (position) cursor = { file, ...position };
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
