// The layer rules of the code base (see docs/ARCHITECTURE.md), checked on source text so that a violation fails the
// test suite on the commit that introduces it:
// - server/src/core/: pure. No vscode or LSP package, no Node built-in module, no Node global (process, Buffer...),
//   nothing from the other server layers.
// - server/src/ide/: editor terms as plain data. No vscode and no LSP package (their types included), no lsp/ code.
// - server/src/ (outside lsp/ and server.ts): no LSP package; lsp/ is the only LSP code.
// - server/src/lsp/handlers/: only types from server/src/core/ (`import type`); the work is done in ide/.
// - server/src/runIo/: Node-only, no vscode package; exactly one adapter file imports @kubernetes/client-node,
//   and no file elsewhere does.
// - server/src/cli/: files are read only through CliIo; nodeIo.ts, its Node implementation, is the one file that
//   imports node:fs.
// - client/: imports only protocol/ and the run module's index (server/src/runIo, the run's I/O the extension and
//   the CLI share); what to run comes from the language server (dbnd/prepareClusterRun).
// - server/src/ide/: imports no runIo/ (the kubeconfig rules completion reads are in core/kube/).
// A folder that does not exist yet simply has no files to check.
import { builtinModules } from 'node:module';
import { dirname, posix } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

export const KUBERNETES_CLIENT = '@kubernetes/client-node';
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NODE_GLOBALS = new Set(['process', 'require', '__dirname', '__filename', 'Buffer', 'global']);
const isVscodePackage = (spec: string) => /^vscode($|[-/])/.test(spec);
const isLspPackage = (spec: string) => /^vscode-(languageserver|languageclient|jsonrpc)($|[-/])/.test(spec);
const isNodeBuiltin = (spec: string) => NODE_BUILTINS.has(spec) || spec.startsWith('node:');
/** The package or any of its subpaths (`@kubernetes/client-node/dist/config.js`). */
const isKubernetesClient = (spec: string) => spec === KUBERNETES_CLIENT || spec.startsWith(`${KUBERNETES_CLIENT}/`);

export interface Import {
  specifier: string;
  /** Repository-relative target of a relative import, e.g. `server/src/lsp/x`; undefined for packages. */
  target: string | undefined;
  line: number;
  /** Erased at compile time: `import type`, `import { type A }` with only type names, `typeof import(...)`. */
  typeOnly: boolean;
}

/** Only type names are named (`import { type A, type B }`, `export type { A }`), so nothing remains at run time. */
function namesOnlyTypes(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

export function importsOf(file: string, source: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const add = (literal: ts.StringLiteralLike, typeOnly = false) => {
    const specifier = literal.text;
    const target = specifier.startsWith('.') ? posix.normalize(posix.join(dirname(file), specifier)) : undefined;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    found.push({ specifier, target, line, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier, namesOnlyTypes(node));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteralLike(e)) add(e, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        add(node.arguments[0]);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Uses of Node's globals as values or types (`process.env`, `Buffer.from`, `globalThis.process`), not property names. */
function nodeGlobalsUsed(source: ts.SourceFile): { name: string; line: number }[] {
  const declared = new Set<string>();
  const used: { name: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isName = (p as { name?: ts.Node }).name === node;
      if (
        isName &&
        (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p))
      ) {
        declared.add(node.text);
      } else if (ts.isPropertyAccessExpression(p) && p.name === node) {
        if (ts.isIdentifier(p.expression) && p.expression.text === 'globalThis')
          used.push({ name: node.text, line: lineOf(source, node) });
      } else if (!isName && !(ts.isQualifiedName(p) && p.right === node)) {
        used.push({ name: node.text, line: lineOf(source, node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used.filter((u) => !declared.has(u.name));
}

const lineOf = (source: ts.SourceFile, node: ts.Node) =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The rules one file breaks. `file` is repository-relative with forward slashes, e.g. `server/src/core/x.ts`. */
export function checkFile(file: string, text: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const report = (line: number, rule: string) => violations.push({ file, line, rule });

  for (const { specifier, target, line, typeOnly } of importsOf(file, source)) {
    if (under(file, 'server/src/core')) {
      if (isVscodePackage(specifier)) report(line, `core imports '${specifier}': the core knows no editor and no LSP`);
      else if (isNodeBuiltin(specifier)) report(line, `core imports Node's '${specifier}': the core is pure (no I/O)`);
      else if (isKubernetesClient(specifier)) report(line, `core imports '${specifier}'`);
      else if (target !== undefined && !under(target, 'server/src/core'))
        report(line, `core imports '${specifier}' from outside server/src/core`);
    }
    if (under(file, 'server/src/ide')) {
      if (isVscodePackage(specifier))
        report(line, `ide imports '${specifier}': ide speaks plain data, no vscode or LSP types`);
      else if (target !== undefined && under(target, 'server/src/lsp'))
        report(line, `ide imports '${specifier}' from lsp/`);
      else if (target !== undefined && under(target, 'server/src/runIo'))
        report(line, `ide imports '${specifier}' from runIo/: ide/ imports no runIo/ (the run's I/O)`);
    }
    if (
      under(file, 'server/src') &&
      !under(file, 'server/src/lsp') &&
      file !== 'server/src/server.ts' &&
      isLspPackage(specifier)
    ) {
      report(line, `'${specifier}' outside server/src/lsp/: lsp/ is the only LSP code`);
    }
    if (under(file, 'server/src/runIo') && isVscodePackage(specifier)) {
      report(line, `runIo imports '${specifier}': the run's I/O is Node-only`);
    }
    if (under(file, 'server/src/cli') && file !== 'server/src/cli/nodeIo.ts' && /^(node:)?fs($|\/)/.test(specifier)) {
      report(line, `cli imports '${specifier}': dbnd-cfg reads files only through CliIo (cli/nodeIo.ts)`);
    }
    if (isKubernetesClient(specifier) && !under(file, 'server/src/runIo')) {
      report(line, `'${KUBERNETES_CLIENT}' imported outside server/src/runIo/ (only its one adapter file may)`);
    }
    // A handler converts around one ide/ function; calling the core itself is the logic that belongs in ide/.
    if (under(file, 'server/src/lsp/handlers') && target !== undefined && under(target, 'server/src/core') && !typeOnly)
      report(line, `handler imports '${specifier}' from core/ as a value: lsp/handlers/ import only types from core/`);
    // The run's I/O module is shared by the extension and the CLI, through its public index only.
    const runIoIndex = target === 'server/src/runIo' || target === 'server/src/runIo/index';
    if (
      under(file, 'client') &&
      target !== undefined &&
      under(target, 'server') &&
      !target.split('/').includes('protocol') &&
      !runIoIndex
    ) {
      report(
        line,
        `client imports server code '${specifier}': the client imports only protocol/ and the run module's index`,
      );
    }
  }
  if (under(file, 'server/src/core')) {
    for (const { name, line } of nodeGlobalsUsed(source))
      report(line, `core uses Node's global '${name}': the core is pure`);
  }
  return violations;
}

/** Across all files: at most one file imports @kubernetes/client-node (the Kubernetes adapter in runIo/). */
export function checkKubernetesAdapters(files: { file: string; text: string }[]): Violation[] {
  const importers = files.filter(({ file, text }) => {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    return importsOf(file, source).some((i) => isKubernetesClient(i.specifier));
  });
  if (importers.length <= 1) return [];
  return importers.map(({ file }) => ({
    file,
    line: 1,
    rule: `${importers.length} files import '${KUBERNETES_CLIENT}' (${importers.map((i) => i.file).join(', ')}); one adapter file may`,
  }));
}
