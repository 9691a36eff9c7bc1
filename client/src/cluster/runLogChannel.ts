// The output channel of one cluster run, named after the run and shown when it starts. Log lines arrive by the
// thousand per second, so they are appended in batches (one append per flush, not per line). An output channel
// keeps only about 30 MB; past SPILL_BYTES the channel stops growing and says where the full log is: every line is
// written to a file from the start, so nothing is lost either way.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const FLUSH_MS = 100;
/** Below VS Code's ~30 MB output channel limit, with room for the closing messages. */
export const SPILL_BYTES = 25 * 1024 * 1024;
const MIRROR_LINES = 5000;

export class RunLogChannel implements vscode.Disposable {
  readonly channel: vscode.OutputChannel;
  /** The complete log, line for line as the pod printed it. */
  readonly filePath: string;
  /** The last MIRROR_LINES lines written (status and log), for the extension's own tests and the API. */
  readonly mirror: string[] = [];
  private readonly file: WriteStream;
  private pending: string[] = [];
  private pendingBytes = 0;
  private channelBytes = 0;
  private spilled = false;
  private timer: NodeJS.Timeout | undefined;
  private flushed: (() => void)[] = [];
  logLines = 0;

  constructor(name: string, logDir: string, fileName: string) {
    this.channel = vscode.window.createOutputChannel(name);
    mkdirSync(logDir, { recursive: true });
    this.filePath = join(logDir, fileName);
    this.file = createWriteStream(this.filePath, { flags: 'w' });
  }

  /** A line of the run's own (status, cleanup): marked so it cannot be taken for the pod's output. */
  status(text: string): void {
    this.push(`[databand] ${text}`, false);
  }

  log(lines: readonly string[]): void {
    for (const line of lines) this.push(line, true);
  }

  private push(text: string, isLog: boolean): void {
    if (isLog) {
      this.logLines++;
      this.file.write(`${text}\n`);
    }
    this.mirror.push(text);
    if (this.mirror.length > MIRROR_LINES) this.mirror.splice(0, this.mirror.length - MIRROR_LINES);
    if (this.spilled) return;
    this.pending.push(text);
    this.pendingBytes += text.length + 1;
    if (this.channelBytes + this.pendingBytes > SPILL_BYTES) {
      this.flush();
      this.spilled = true;
      this.flushed = [];
      this.channel.appendLine(
        `[databand] the log is larger than an output channel keeps; the full log goes on in ${this.filePath}`,
      );
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    this.channel.append(`${this.pending.join('\n')}\n`);
    this.channelBytes += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    const flushed = this.flushed;
    this.flushed = [];
    for (const f of flushed) f();
  }

  /** Calls `f` once the lines pushed so far have been appended to the channel (never, past the spill point). */
  afterNextFlush(f: () => void): void {
    if (!this.spilled) this.flushed.push(f);
  }

  get didSpill(): boolean {
    return this.spilled;
  }

  /** Flushes and closes the log file; the channel stays open for the user to read. */
  async finish(): Promise<void> {
    this.flush();
    await new Promise<void>((resolve) => this.file.end(resolve));
  }

  dispose(): void {
    this.flush();
    this.file.end();
    this.channel.dispose();
  }
}
