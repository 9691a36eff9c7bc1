// When the server lints and publishes (lsp/diagnosticsPublisher.ts), on a mocked clock: an edit when nothing is
// pending is linted at once however soon it follows the previous lint; changes that arrive while a lint is
// pending are coalesced into one lint of the last version; an outdated result is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher, LINT_DEBOUNCE_MS } from '../../server/src/lsp/diagnosticsPublisher';

const URI = 'file:///p/project.cfg';

/** A publisher over one document; `duringLint` runs inside each lint (to change the document meanwhile). */
function harness(duringLint: (edit: () => void) => void = () => undefined) {
  const published: { uri: string; version?: number }[] = [];
  const linted: number[] = [];
  let version = 1;
  const document = () => ({ uri: URI, version }) as TextDocument;
  const connection = {
    sendDiagnostics: async (p: { uri: string; version?: number }) => void published.push(p),
    console: { error: () => undefined },
  } as unknown as Connection;
  const documents = { get: (uri: string) => (uri === URI ? document() : undefined) } as TextDocuments<TextDocument>;
  const publisher = new DiagnosticsPublisher(connection, documents, (d): Diagnostic[] => {
    linted.push(d.version);
    duringLint(() => version++);
    return [];
  });
  return {
    publisher,
    linted,
    published,
    edit: () => {
      version++;
      publisher.schedule(URI);
    },
  };
}

test('an edit right after the previous diagnostics is linted at once, not after the debounce', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] });
  const h = harness();
  h.publisher.schedule(URI);
  t.mock.timers.tick(0);
  assert.deepEqual(h.linted, [1]);
  h.edit(); // 0 ms after the last lint
  t.mock.timers.tick(0);
  assert.deepEqual(h.linted, [1, 2]);
  assert.deepEqual(
    h.published.map((p) => p.version),
    [1, 2],
  );
});

test('changes that arrive while a lint is pending end in one lint of the last version, after the debounce', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] });
  const h = harness();
  h.edit();
  h.edit();
  h.edit();
  t.mock.timers.tick(LINT_DEBOUNCE_MS - 1);
  assert.deepEqual(h.linted, [], 'still waiting for the burst to end');
  t.mock.timers.tick(1);
  assert.deepEqual(h.linted, [4]);
});

test('a result for a text that changed while it was computed is not published', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] });
  const h = harness((edit) => edit());
  h.publisher.schedule(URI);
  t.mock.timers.tick(0);
  assert.deepEqual(h.linted, [1]);
  assert.deepEqual(h.published, []);
});
