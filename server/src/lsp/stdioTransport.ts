// The stdio transport (`--stdio`), built here instead of by vscode-languageserver so that a broken message frame
// is logged: the library's own stdio reader reports an unreadable header (no Content-Length, a line without a
// colon) or body (not JSON) to an error event nobody listens to, so the client's message vanished silently. The
// reader skips such a frame and reads on; the next valid message is answered. What the library's stdio path
// also did is kept: console output goes to the client's log (stdout carries the protocol), and the process ends
// when stdin does (exit code 0 after a shutdown request, else 1).
import { format } from 'node:util';
import {
  type DataCallback,
  type Disposable,
  type Message,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** Reads stdin and remembers whether the client asked for shutdown (for the exit code when stdin ends). */
class StdinReader extends StreamMessageReader {
  shutdownRequested = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message: Message) => {
      if ((message as { method?: string }).method === 'shutdown') this.shutdownRequested = true;
      callback(message);
    });
  }
}

export interface StdioTransport {
  readonly reader: StreamMessageReader;
  readonly writer: StreamMessageWriter;
  /** Once the connection exists: log broken frames, console output and the end of stdin through it. */
  attach(log: { error(message: string): void; warn(message: string): void; log(message: string): void }): void;
}

/** The first line of a reader error's message: vscode-jsonrpc appends the offending header or JSON below it. */
export function frameErrorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n')[0].trim();
  return `Skipped a message that is not a valid LSP frame: ${first.slice(0, 200)}`;
}

/** The transport when the server was started with `--stdio`; undefined for the library's other transports. */
export function stdioTransport(argv: readonly string[]): StdioTransport | undefined {
  if (!argv.includes('--stdio')) return undefined;
  const reader = new StdinReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  return {
    reader,
    writer,
    attach(log) {
      reader.onError((err) => log.error(frameErrorText(err)));
      console.log = console.info = (...args: unknown[]) => log.log(format(...args));
      console.warn = (...args: unknown[]) => log.warn(format(...args));
      console.error = (...args: unknown[]) => log.error(format(...args));
      const end = () => process.exit(reader.shutdownRequested ? 0 : 1);
      process.stdin.on('end', end);
      process.stdin.on('close', end);
    },
  };
}
