// A language server in a child process, spoken to over stdio as an editor would, for the protocol benchmark:
// open and edit one document, send requests, wait for the diagnostics of a given version, read the process's
// memory. Works for any stdio server (ours and yaml-language-server).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

/** Long enough for a slow server on a 100k-line file on a loaded machine; a hang still ends the benchmark. */
const WAIT_MS = 300_000;

export interface ServerCommand {
  readonly script: string;
  readonly args: readonly string[];
}

export class BenchLspServer {
  private readonly published: { params: PublishDiagnosticsParams; at: number }[] = [];
  private readonly waiters: (() => void)[] = [];
  private stderr = '';
  /** The editor's settings by section, answered to workspace/configuration (set by `initialize`). */
  private settings: Record<string, unknown> = {};

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push({ params, at: performance.now() });
      for (const w of this.waiters.splice(0)) w();
    });
    // What servers ask an editor (registrations, settings, progress tokens): accepted, with no settings.
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map((item) => (item.section ? (this.settings[item.section] ?? null) : null)),
    );
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  }

  static start(command: ServerCommand): BenchLspServer {
    // BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is handed to each server's node: to profile one.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const child = spawn(process.execPath, [...nodeArgs, command.script, ...command.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.listen();
    return new BenchLspServer(child, connection);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** `initialize` and `initialized` as an editor sends them, then the settings (sections → values). */
  async initialize(rootUri: string, settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** How many publishDiagnostics have arrived so far (a mark for `diagnosticsAfter`). */
  get publishCount(): number {
    return this.published.length;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** One incremental change: `text` replaces `range`. */
  async change(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /**
   * When the first publishDiagnostics for `uri` that belongs to `version` arrived (performance.now()). A server
   * that does not send versions (yaml-language-server) is taken at its first publish after the mark `from`.
   */
  async diagnosticsAt(uri: string, version: number, from: number): Promise<number> {
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const hit = this.published
        .slice(from)
        .find(({ params }) => params.uri === uri && (params.version === undefined || params.version === version));
      if (hit) return hit.at;
      if (performance.now() > deadline || this.child.exitCode !== null)
        throw new Error(`no diagnostics for ${uri} version ${version}; server stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  request(method: 'textDocument/completion' | 'textDocument/hover', uri: string, position: Position): Promise<unknown> {
    return this.connection.sendRequest(method, { textDocument: { uri }, position });
  }

  /** The process's resident memory now and at its peak, in MiB (Linux /proc; undefined elsewhere). */
  memory(): { rssMiB: number; peakMiB: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the process is ended below either way
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      this.child.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}
