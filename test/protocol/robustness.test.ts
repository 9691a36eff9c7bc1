// The server survives what a broken or racing client sends: a change with a version older than the document's
// is ignored, malformed params get an error answer (the log has one line, no stack), and a broken message frame
// (a body that is not JSON, a header without a colon or without a numeric Content-Length) is logged as one line
// and skipped while the session goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { withTimeout } from './waitFor';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[run]
environments = ['local']
`;

async function started(t: { after: (fn: () => void) => void }) {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const file = fixture.file('/.dbnd/databand-system.cfg');
  await server.open(file.uri, file.text);
  await server.nextDiagnostics(file.uri, 'the first publish', (p) => p.version === 1);
  return { server, file };
}

const symbols = (server: LspServerProcess, uri: string) =>
  withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols');

/** Waits until the server's log has a line matching `pattern` (it logs as it reads, so no sleep is needed). */
async function logLine(server: LspServerProcess, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = [...server.logMessages, ...server.stderr.split('\n')].find((m) => pattern.test(m));
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`no log line matching ${pattern}:\n${server.logMessages.join('\n')}\n${server.stderr}`);
    // The next thing the server writes (a log notification on stdout, or stderr) is the moment to look again.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        server.child.stdout!.off('data', done);
        server.child.stderr!.off('data', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
      server.child.stdout!.once('data', done);
      server.child.stderr!.once('data', done);
    });
  }
}

test('a change older than the version the server has is ignored', async (t) => {
  const { server, file } = await started(t);
  await server.replaceText(file.uri, 3, "[run]\nenvironments = ['local']\n[newer]\nx = 1\n");
  await server.nextDiagnostics(file.uri, 'version 3', (p) => p.version === 3);
  await server.replaceText(file.uri, 2, '[older]\nx = 1\n');
  const names = ((await symbols(server, file.uri)) ?? []).map((s) => s.name);
  assert.deepEqual(names, ['run', 'newer']);
  assert.ok(
    server.logMessages.some((m) => /older than version 3/.test(m)),
    server.logMessages.join('\n'),
  );
});

test('malformed params are answered with an error, and the log has no stack', async (t) => {
  const { server, file } = await started(t);
  await assert.rejects(
    withTimeout(server.connection.sendRequest(HoverRequest.method, { textDocument: 42 }), 'hover'),
    /InvalidParams|malformed|invalid params/i,
  );
  assert.ok(!server.logMessages.some((m) => /\n\s+at /.test(m)), server.logMessages.join('\n---\n'));
  // The session goes on.
  assert.ok((await symbols(server, file.uri))?.length);
});

test('a broken message frame is logged and the session goes on', async (t) => {
  const { server, file } = await started(t);
  const body = '{"jsonrpc": "2.0", "method": broken';
  server.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const line = await logLine(server, /not a valid LSP frame/);
  assert.doesNotMatch(line, /\n\s+at /, 'no stack');
  assert.ok((await symbols(server, file.uri))?.length, 'answers after the broken frame');
  assert.equal(server.child.exitCode, null);
});

for (const [what, header, pattern] of [
  ['a header line without a colon', 'garbage here\r\n\r\n', /not a valid LSP frame: .*':'/],
  ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n', /not a valid LSP frame: Content-Length/],
  [
    'a frame without Content-Length',
    'Content-Type: application/json\r\n\r\n',
    /not a valid LSP frame: .*Content-Length/,
  ],
] as const) {
  test(`${what}: one log line without a stack, and the next valid request is answered`, async (t) => {
    const { server, file } = await started(t);
    server.child.stdin!.write(header);
    const line = await logLine(server, pattern);
    assert.doesNotMatch(line, /\n\s+at /, 'no stack');
    assert.ok((await symbols(server, file.uri))?.length, 'answers after the broken frame');
    assert.equal(server.child.exitCode, null);
  });
}
