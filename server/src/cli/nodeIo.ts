// The real process behind CliIo.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliIo } from './command';

/** One read; a non-blocking standard input that has nothing yet (EAGAIN) is read again. */
function readChunk(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

/** Reads at most `maxBytes + 1` bytes, chunk by chunk, so endless or huge inputs stop early. */
function readBounded(path: string, maxBytes: number): Uint8Array {
  // `-` is the standard input, read from its descriptor (a pipe or socket has no /dev/stdin to open).
  const stdin = path === '-';
  const fd = stdin ? 0 : openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readChunk(fd, chunk);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** The version in the package.json of the package this file ships in (the bundle sits in <package>/dist/cli). */
function packageVersion(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'databand-vscode' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: look further up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export const nodeIo: CliIo = {
  version: packageVersion(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: readBounded,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    const once = () => {
      off();
      handler();
    };
    const off = () => {
      process.off('SIGINT', once);
      process.off('SIGTERM', once);
    };
    process.once('SIGINT', once);
    process.once('SIGTERM', once);
    return off;
  },
};
