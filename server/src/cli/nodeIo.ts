// The real process behind CliIo. Files are read bounded, as every config file reader does (files/configFileGuard).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readBounded } from '../files/configFileGuard';
import type { CliIo } from './command';

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
