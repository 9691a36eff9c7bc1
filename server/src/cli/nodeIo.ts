// The real process behind CliIo.
import { readFileSync } from 'node:fs';
import type { CliIo } from './command';

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  env: process.env,
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
