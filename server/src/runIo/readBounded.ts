// Reading a kubeconfig, or a certificate file it names, without trusting what the path is. kubectl reads
// whatever a path gives, and users rely on that (`KUBECONFIG=<(sops -d config)` is a pipe); but a synchronous
// unbounded read of `/dev/zero` or of a FIFO nobody writes to blocks the event loop for good: the process grows
// until the OOM killer ends it, and Ctrl+C and SIGTERM are never handled. So every read here is asynchronous,
// stops at a size bound, and gives up after a time bound (through the injectable Clock, so tests do not wait).
//
// Pipes and FIFOs are opened non-blocking and read through a net.Socket (a libuv pipe handle): a FIFO without a
// writer then ends at once instead of holding a thread-pool thread in open(2), and destroying the socket on the
// time bound releases everything, so the process can still exit.
import { open as openCallback, constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { systemClock, type Clock } from './clock';

export interface BoundedReadOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly clock?: Clock;
  /** Abort = stop reading now (the promise rejects). */
  readonly signal?: AbortSignal;
}

/** Why a read was refused; the message names the path and the bound. */
export class BoundedReadError extends Error {
  constructor(
    message: string,
    readonly code: 'too-large' | 'timeout' | 'directory' | 'aborted',
  ) {
    super(message);
    this.name = 'BoundedReadError';
  }
}

const mib = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MiB`;

/** The whole content of `path`, or a rejection: ENOENT and the like as Node gives them, or BoundedReadError. */
export async function readFileBounded(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const info = await stat(path);
  if (info.isDirectory()) throw new BoundedReadError(`${path} is a directory, not a file`, 'directory');
  if (info.isFile() && info.size > options.maxBytes) {
    throw new BoundedReadError(
      `${path} is ${mib(info.size)}, more than the ${mib(options.maxBytes)} read at most`,
      'too-large',
    );
  }
  return info.isFIFO() || info.isSocket() ? readPipe(path, options) : readChunks(path, options);
}

/** Regular files and devices (/dev/zero): chunk by chunk, stopping one byte past the bound. */
async function readChunks(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.timeoutMs;
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, options.maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(path, options.maxBytes);
      if (clock.now() > deadline) throw timedOut(path, options.timeoutMs);
      if (options.signal?.aborted) throw new BoundedReadError(`reading ${path} was cancelled`, 'aborted');
    }
  } finally {
    await handle.close();
  }
}

function readPipe(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const clock = options.clock ?? systemClock;
  return new Promise<Buffer>((resolve, reject) => {
    openCallback(path, constants.O_RDONLY | constants.O_NONBLOCK, (err, fd) => {
      if (err) return reject(err);
      const socket = new Socket({ fd, readable: true, writable: false });
      const chunks: Buffer[] = [];
      let total = 0;
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        cancelTimer();
        socket.destroy();
        if (error) reject(error);
        else resolve(Buffer.concat(chunks, total));
      };
      const stopTimer = clock.timer(options.timeoutMs, () => finish(timedOut(path, options.timeoutMs)));
      const onAbort = () => finish(new BoundedReadError(`reading ${path} was cancelled`, 'aborted'));
      const cancelTimer = () => {
        stopTimer();
        options.signal?.removeEventListener('abort', onAbort);
      };
      if (options.signal?.aborted) return finish(new BoundedReadError(`reading ${path} was cancelled`, 'aborted'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        total += chunk.length;
        if (total > options.maxBytes) finish(tooLarge(path, options.maxBytes));
      });
      socket.on('end', () => finish(null));
      socket.on('error', (e) => finish(e));
    });
  });
}

function tooLarge(path: string, maxBytes: number): BoundedReadError {
  return new BoundedReadError(
    `${path} gives more than ${mib(maxBytes)} (a device such as /dev/zero, or not a kubeconfig); it was not read further`,
    'too-large',
  );
}

function timedOut(path: string, timeoutMs: number): BoundedReadError {
  return new BoundedReadError(
    `${path} gave no end of file within ${Math.round(timeoutMs / 1000)} s (a FIFO or pipe whose writer does not finish)`,
    'timeout',
  );
}
