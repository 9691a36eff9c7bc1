// The real language server (dist/server/server.js --stdio) in a child process, spoken to over JSON-RPC as an
// editor would: the test side of the protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  RegistrationRequest,
  type Registration,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_JS } from '../support/paths';
import { EventLog, withTimeout } from './waitFor';

export class LspServerProcess {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  /** What the server wrote to stderr and to its log (window/logMessage); shown when a wait fails. */
  stderr = '';
  readonly logMessages: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.diagnostics.push(params));
    connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.logMessages.push(message);
    });
    connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      for (const r of registrations) this.registrations.push(r);
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      Promise.all(items.map((item) => this.settings(item.scopeUri))),
    );
  }

  /** What `workspace/configuration` answers for a folder (the `databand` section), or a promise of it (an
   *  answer held back); set by tests. */
  settings: (scopeUri: string | undefined) => unknown = () => ({});
  /** Capabilities the server registered dynamically (file watchers, ...). */
  readonly registrations: Registration[] = [];

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dbnd-cfg', version, text },
    });
  }

  /** Replaces the whole text (allowed under incremental sync). */
  async replaceText(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  static start(env: NodeJS.ProcessEnv = process.env): LspServerProcess {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.listen();
    return new LspServerProcess(child, connection);
  }

  /** `initialize` then `initialized`; `workspaceFolders` are URIs (none: a client without a workspace). */
  async initialize(
    options: { workspaceFolders?: readonly string[]; capabilities?: ClientCapabilities } = {},
  ): Promise<InitializeResult> {
    const folders = options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null;
    const result = await withTimeout(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders?.[0]?.uri ?? null,
        capabilities: {
          textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
          ...options.capabilities,
        },
        workspaceFolders: folders,
      }),
      'the initialize response',
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next publishDiagnostics for `uri` received after `fromIndex` that satisfies `predicate`. */
  nextDiagnostics(
    uri: string,
    what: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    fromIndex = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.diagnostics
      .next((p) => p.uri === uri && predicate(p), `publishDiagnostics for ${uri}: ${what}`, fromIndex)
      .catch((err: Error) => {
        const log = [...this.logMessages, this.stderr].filter(Boolean).join('\n');
        throw new Error(`${err.message}\nreceived: ${JSON.stringify(this.diagnostics.received)}\nserver log:\n${log}`);
      });
  }

  /** `shutdown` then `exit`, as an editor closes the session; resolves with the process exit code. */
  async shutdownAndExit(): Promise<number | null> {
    await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'the shutdown response');
    await this.connection.sendNotification(ExitNotification.type);
    return withTimeout(this.exited, 'the server process to exit');
  }

  /** For cleanup after a failed test: ends the process if it still runs. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
