// The layer rule of the tests themselves: a test folder (test/core, test/ide, test/protocol, ...) imports from
// another test folder only through test/support/, the shared kit (paths, fixtures, cursor, expected texts). A
// helper two folders need belongs there, so a folder can move or be renamed without breaking its neighbours.
// The testbed kits (test/k8s-testbed, test/vscode-testbed) are tools with their own libraries, not test folders.
import ts from 'typescript';
import { importsOf, type Violation } from './layerRules';

/** The test folder a repository-relative path belongs to (`test/ide/x.ts` → `ide`), if any. */
function testFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'test' && parts.length > 2 ? parts[1] : undefined;
}

/** The imports of one test file that reach into another test folder than test/support/. */
export function checkTestFile(file: string, text: string): Violation[] {
  const own = testFolder(file);
  if (own === undefined) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return importsOf(file, source).flatMap(({ specifier, target, line }) => {
    const other = target === undefined ? undefined : testFolder(target);
    if (other === undefined || other === own || other === 'support') return [];
    return [
      { file, line, rule: `test/${own} imports '${specifier}' from test/${other}: share it through test/support/` },
    ];
  });
}
