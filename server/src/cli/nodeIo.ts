// The real process behind CliIo. Files are read bounded, as every config file reader does (files/configFileGuard).
import { readBounded } from '../files/configFileGuard';
import type { CliIo } from './command';

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
