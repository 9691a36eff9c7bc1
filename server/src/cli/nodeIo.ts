// The real process behind CliIo.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { CliIo } from './command';

/** Reads at most `maxBytes + 1` bytes, chunk by chunk, so endless or huge inputs stop early. */
function readBounded(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

export const nodeIo: CliIo = {
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
