// docs/lsp-extensions.md documents every custom request and notification declared in protocol/, and nothing
// else (rust-analyzer's tidy check of its lsp-extensions.md): a method is documented by a heading that is its
// name in backticks (`## \`dbnd/renderPod\``), and declared by an exported RequestType or NotificationType (or
// a namespace holding one as `type`) of any protocol/ module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import { repoPath } from '../support/paths';

/** The methods the doc has a heading for: headings that are exactly one name in backticks. */
function documentedMethods(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+`([^`]+)`\s*$/gm)].map((m) => m[1]);
}

/** A JSON-RPC message type as vscode-jsonrpc builds it (RequestType0…9, NotificationType0…9, Protocol*Type). */
function isMessageType(value: unknown): value is { method: string } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { method?: unknown; numberOfParams?: unknown };
  return typeof v.method === 'string' && typeof v.numberOfParams === 'number';
}

/** The methods a module's exports declare: message types, directly or as a namespace's `type`. */
function declaredMethods(exports: Record<string, unknown>): string[] {
  return Object.values(exports).flatMap((value) => {
    if (isMessageType(value)) return [value.method];
    const type = (value as { type?: unknown } | null)?.type;
    return isMessageType(type) ? [type.method] : [];
  });
}

/** Every protocol/ module, compiled next to this test (out/protocol/ beside out/test/). */
function protocolMethods(): string[] {
  const sources = readdirSync(repoPath('protocol')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  assert.ok(sources.length > 0, 'found no protocol/ modules: the scan is broken');
  return sources.flatMap((f) => {
    const compiled = require(join(__dirname, '..', '..', 'protocol', f.replace(/\.ts$/, '.js'))) as Record<
      string,
      unknown
    >;
    return declaredMethods(compiled);
  });
}

/** What is wrong with the doc: methods declared but not documented, documented but not declared, or twice. */
function docProblems(documented: readonly string[], declared: readonly string[]): string[] {
  return [
    ...declared.filter((m) => !documented.includes(m)).map((m) => `${m} is declared in protocol/ but not documented`),
    ...documented.filter((m) => !declared.includes(m)).map((m) => `${m} is documented but not declared in protocol/`),
    ...documented.filter((m, i) => documented.indexOf(m) !== i).map((m) => `${m} is documented twice`),
  ];
}

const DOC = readFileSync(repoPath('docs', 'lsp-extensions.md'), 'utf8');

test('docs/lsp-extensions.md documents every custom request and notification of protocol/, and nothing else', () => {
  const declared = protocolMethods();
  assert.ok(declared.includes('dbnd/environments'), `the scan finds the requests: ${declared.join(', ')}`);
  assert.deepEqual(docProblems(documentedMethods(DOC), declared), []);
});

test('the check catches a method the doc misses, one it invents, and one it documents twice', () => {
  const declared = declaredMethods({
    EnvironmentsRequest: { method: 'dbnd/environments', type: new RequestType('dbnd/environments') },
    Changed: new NotificationType('dbnd/projectChanged'),
    notAType: { method: 'dbnd/nothing' },
  });
  assert.deepEqual(declared, ['dbnd/environments', 'dbnd/projectChanged']);
  const doc =
    '# LSP extensions\n## Shared shapes\n## `dbnd/environments`\n### `dbnd/renamed`\n## `dbnd/environments`\n';
  assert.deepEqual(docProblems(documentedMethods(doc), declared), [
    'dbnd/projectChanged is declared in protocol/ but not documented',
    'dbnd/renamed is documented but not declared in protocol/',
    'dbnd/environments is documented twice',
  ]);
});
