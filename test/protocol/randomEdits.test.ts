// Property: whatever sequence of incremental edits arrives, the server answers every request (completion,
// hover, symbols, folding, definition) and never logs a failed handler; the last version gets its diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  DidChangeTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';
import { fixtureEnv, writeFixture } from '../support/fixture';

/** Fragments an editing user types: headers, keys, delimiters, JSON, `%`, indentation, line breaks. */
const fragment = fc.oneof(
  fc.constantFrom(
    '[',
    ']',
    '[kubernetes]\n',
    '[my_env]\n_type = env\n',
    '_from = ',
    'remote_engine = base\n',
    '=',
    ':',
    '\n',
    '  ',
    '\t',
    '#',
    ';',
  ),
  fc.constantFrom(
    '{"',
    '": ',
    '"}',
    '[{"type": "env"',
    '}]',
    'True',
    '%',
    '%(x)s',
    '$HOME',
    '@None',
    'namespace = dev\n',
    '\r\n',
    'é',
    '😀',
  ),
  fc.string({ maxLength: 6 }),
);

const edit = fc.record({
  startLine: fc.nat(12),
  startChar: fc.nat(30),
  length: fc.nat(20),
  text: fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')),
  probeLine: fc.nat(14),
  probeChar: fc.nat(40),
});

test('random incremental edit sequences: every request answered, no handler fails', async (t) => {
  const fixture = writeFixture(
    '//- /.dbnd/databand-system.cfg\n[base]\n_type = kubernetes\n//- /project.cfg\n[mine]\n_from = base\n',
  );
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const file = fixture.file('/project.cfg');
  let version = 1;
  let doc = TextDocument.create(file.uri, 'dbnd-cfg', version, file.text);
  await server.open(file.uri, file.text, version);

  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
      for (const e of edits) {
        const start = { line: e.startLine, character: e.startChar };
        const startOffset = doc.offsetAt(start);
        const range = { start: doc.positionAt(startOffset), end: doc.positionAt(startOffset + e.length) };
        version++;
        doc = TextDocument.update(doc, [{ range, text: e.text }], version);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: file.uri, version },
          contentChanges: [{ range, text: e.text }],
        });
        const textDocument = { uri: file.uri };
        const position = { line: e.probeLine, character: e.probeChar };
        await withTimeout(
          Promise.all([
            server.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
            server.connection.sendRequest(HoverRequest.type, { textDocument, position }),
            server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
            server.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
            server.connection.sendRequest(DefinitionRequest.type, { textDocument, position }),
          ]),
          `the answers after edit ${version}`,
        );
      }
      const failures = server.logMessages.filter((m) => / failed: |Uncaught|Unhandled/.test(m));
      assert.deepEqual(failures, [], `text: ${JSON.stringify(doc.getText())}`);
    }),
    { numRuns: 40 },
  );
  const last = await server.nextDiagnostics(
    file.uri,
    `the publish for the last version ${version}`,
    (p) => p.version === version,
  );
  assert.ok(Array.isArray(last.diagnostics));
});
