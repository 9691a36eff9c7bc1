// The language server over stdio, end to end: diagnostics appear on open, follow edits, vanish on close,
// and the process ends cleanly on shutdown/exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';

const DUPLICATE_SECTION = '[a]\nx = 1\n[a]\n';
// Documents are only sent, never read from disk, so the path need not exist.
const uri = pathToFileURL(join(tmpdir(), 'dbnd-protocol-test', '.dbnd', 'databand-system.cfg')).href;

test('the server publishes, updates and clears diagnostics, then exits on shutdown/exit', async (t) => {
  const server = LspServerProcess.start();
  t.after(() => server.dispose());

  const init = await server.initialize();
  assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });

  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'dbnd-cfg', version: 1, text: DUPLICATE_SECTION },
  });
  const opened = await server.nextDiagnostics(uri, 'duplicate-section on version 1', (p) =>
    p.diagnostics.some((d) => d.code === 'duplicate-section'),
  );
  assert.equal(opened.version, 1);
  const duplicate = opened.diagnostics.find((d) => d.code === 'duplicate-section')!;
  assert.equal(duplicate.range.start.line, 2, 'the second [a] header, 0-based');
  assert.equal(duplicate.source, 'dbnd');
  assert.equal(duplicate.severity, DiagnosticSeverity.Error);

  // Delete the second header with an incremental edit: the file is clean.
  const beforeFix = server.diagnostics.received.length;
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }],
  });
  const fixed = await server.nextDiagnostics(uri, 'the publish for version 2', (p) => p.version === 2, beforeFix);
  assert.deepEqual(fixed.diagnostics, []);

  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  const beforeClose = server.diagnostics.received.length;
  const cleared = await server.nextDiagnostics(uri, 'the clearing publish after close', () => true, beforeClose);
  assert.deepEqual(cleared.diagnostics, []);

  assert.equal(await server.shutdownAndExit(), 0);
});

test('a burst of edits is coalesced by the debounce and ends with the last version', async (t) => {
  const server = LspServerProcess.start();
  t.after(() => server.dispose());
  await server.initialize();

  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'dbnd-cfg', version: 1, text: '[a]\nx = 1\n' },
  });
  // Versions 2..5 arrive back to back, in one write (as a client's queued keystrokes reach a busy server), well
  // inside the debounce window; 5 re-adds the duplicate header.
  const frames = [2, 3, 4, 5].map((version) => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: DidChangeTextDocumentNotification.method,
      params: {
        textDocument: { uri, version },
        contentChanges: [{ text: version === 5 ? DUPLICATE_SECTION : `[a]\nx = ${version}\n` }],
      },
    });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  });
  server.child.stdin!.write(frames.join(''));
  const last = await server.nextDiagnostics(uri, 'the publish for version 5', (p) => p.version === 5);
  assert.ok(last.diagnostics.some((d) => d.code === 'duplicate-section'));
  const versions = server.diagnostics.received.filter((p) => p.uri === uri).map((p) => p.version ?? -1);
  // Normally exactly [5]; a machine stalled for longer than the debounce may let one earlier version through,
  // but never a result older than one already published, and never one per edit.
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    `published in version order: ${versions}`,
  );
  assert.ok(versions.length < 5, `the burst was coalesced: published versions ${versions}`);

  assert.equal(await server.shutdownAndExit(), 0);
});

test('text that is no configuration at all gets diagnostics, not a crash', async (t) => {
  const server = LspServerProcess.start();
  t.after(() => server.dispose());
  await server.initialize();

  const garbage = '\u0000\ufeff]]]\n= \n%(\n\t[\n' + 'x'.repeat(10_000) + '\n\r\n[a\n  ]\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'dbnd-cfg', version: 1, text: garbage },
  });
  const published = await server.nextDiagnostics(uri, 'diagnostics for garbage text');
  assert.ok(
    published.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
    'garbage is an error',
  );
  assert.equal(server.child.exitCode, null, 'the server still runs');
  assert.equal(await server.shutdownAndExit(), 0);
});
