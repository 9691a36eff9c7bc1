// No god function: every function in server/src, client/src and protocol/ fits in 150 lines, so each one is a step
// a reader can name. Measured with the TypeScript compiler on the source (functions, methods, arrows, accessors),
// from the line of the function's start to the line of its end. There is no exception now (parseCfg's read loop
// became core/reader/blocks.ts's BlockReader, one method per kind of line); one added needs its reason here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../support/paths';

export const MAX_FUNCTION_LINES = 150;
/** `file:function` of the functions allowed to be longer, each with its reason in the comment above. */
const EXCEPTIONS = new Set<string>();
const CHECKED_FOLDERS = ['server/src', 'client/src', 'protocol'];

interface LongFunction {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

function nameOf(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** Functions of `text` longer than `max` lines. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) found.push({ file, name: nameOf(node), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [p] : [];
  });
}

test(`every function is at most ${MAX_FUNCTION_LINES} lines`, () => {
  const files = CHECKED_FOLDERS.flatMap((f) => sourceFiles(join(REPO_ROOT, f)));
  assert.ok(files.length > 100, `found only ${files.length} source files: the scan is broken`);
  const long = files.flatMap((p) =>
    longFunctions(relative(REPO_ROOT, p).split(sep).join('/'), readFileSync(p, 'utf8')),
  );
  const offenders = long.filter((f) => !EXCEPTIONS.has(`${f.file}:${f.name}`));
  assert.deepEqual(
    offenders.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`),
    [],
    'split these into the steps a reader names',
  );
  // The exception list stays honest: an excepted function that got short is taken off it.
  for (const name of EXCEPTIONS)
    assert.ok(
      long.some((f) => `${f.file}:${f.name}` === name),
      `${name} is short now`,
    );
});

test('a long function, method and arrow are each found; a short one is not', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const text = [
    `export function long() {\n${body(150)}\n}`,
    `export function short() {\n${body(148)}\n}`,
    `class C {\n  method() {\n${body(151)}\n  }\n}`,
    `export const arrow = () => {\n${body(160)}\n};`,
  ].join('\n');
  assert.deepEqual(
    longFunctions('x.ts', text).map((f) => [f.name, f.lines]),
    [
      ['long', 152],
      ['method', 153],
      ['arrow', 162],
    ],
  );
});
