// The real process behind CliIo.
import { readFileSync } from 'node:fs';
import type { CliIo } from './command';

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  env: process.env,
};
