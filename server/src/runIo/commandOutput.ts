// A command's output (stdout or stderr of `docker build`) as lines, with bounded memory: a line longer than
// MAX_LINE is passed on in pieces, and only the last lines of both streams are kept, for the message of a failure.
// A carriage return ends a line too: progress output rewrites its line with `\r`, and each state is worth a line.
import { StringDecoder } from 'node:string_decoder';

export type OutputStream = 'stdout' | 'stderr';

export interface OutputLine {
  readonly stream: OutputStream;
  readonly text: string;
}

/** Characters of one line before it is passed on in pieces. */
export const MAX_LINE = 16 * 1024;
/** Lines kept for a failure's message. */
export const TAIL_LINES = 20;

/** The last `size` lines, oldest first. */
export class LineTail {
  private readonly lines: string[] = [];
  constructor(private readonly size: number = TAIL_LINES) {}

  push(text: string): void {
    this.lines.push(text);
    if (this.lines.length > this.size) this.lines.shift();
  }

  get(): readonly string[] {
    return [...this.lines];
  }
}

/** Splits one stream's chunks into lines; call `end()` when the stream ends for the last partial line. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(
    private readonly stream: OutputStream,
    private readonly emit: (line: OutputLine) => void,
  ) {}

  write(chunk: Buffer): void {
    this.take(this.decoder.write(chunk));
  }

  end(): void {
    this.take(this.decoder.end());
    const last = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
    if (this.partial !== '') this.emit({ stream: this.stream, text: last });
    this.partial = '';
  }

  private take(text: string): void {
    const all = this.partial + text;
    const ends = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = ends.exec(all); m; m = ends.exec(all)) {
      // A `\r` at the end may be the first half of a `\r\n` the next chunk completes.
      if (m[0] === '\r' && m.index === all.length - 1) break;
      this.emit({ stream: this.stream, text: all.slice(start, m.index) });
      start = m.index + m[0].length;
    }
    let rest = all.slice(start);
    while (rest.length > MAX_LINE) {
      this.emit({ stream: this.stream, text: rest.slice(0, MAX_LINE) });
      rest = rest.slice(MAX_LINE);
    }
    this.partial = rest;
  }
}
