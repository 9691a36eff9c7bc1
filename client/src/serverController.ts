// Owns the one LanguageClient of the extension: start, restart, stop, and keeping the status item in step.
// Commands call it even when the server is down (a failed start leaves no client, and restart tries again).
import * as vscode from 'vscode';
import { State, type LanguageClient, type RequestType } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { showServerState } from './serverStatus';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** Settles when the current start attempt has; requests wait for it instead of failing while the server starts. */
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: vscode.LanguageStatusItem,
  ) {}

  start(): Promise<void> {
    this.starting = this.startClient();
    return this.starting;
  }

  /** A custom request (protocol/customRequests.ts) to the running server; fails when the server does not run. */
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    await this.starting;
    if (!this.client?.isRunning())
      throw new Error('the Databand language server is not running (see the Databand output channel)');
    return this.client.sendRequest<R>(type.method, params);
  }

  private async startClient(): Promise<void> {
    if (this.client) return;
    showServerState(this.status, 'starting');
    const client = createLanguageClient(this.context, this.output);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) showServerState(this.status, 'running');
      else if (newState === State.Stopped) showServerState(this.status, 'stopped');
    });
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      this.client = undefined;
      showServerState(this.status, 'failed');
      this.output.error(
        `The Databand language server did not start: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.dispose();
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the Databand language server');
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
  }
}
