// `dbnd-cfg` (dist/cli/dbnd-cfg.js, the package's bin): a few lines that start the CLI's bundle
// (dist/cli/dbnd-cfg-main.js, built from cli/main.ts) from V8's code cache (codeCache.ts says why).
import { join } from 'node:path';
import { processCacheFolder, runWithCodeCache } from './codeCache';
import { CLI_COMMAND_NAMES } from './cliCommandNames';

/** A hash of the bundle's text, written here by scripts/build.mjs. */
declare const DBND_CFG_BUILD_HASH: string;

const asked = process.argv[2];
runWithCodeCache({
  bundle: join(__dirname, 'dbnd-cfg-main.js'),
  buildHash: DBND_CFG_BUILD_HASH,
  // Help, --version and mistyped commands share one cache: their names must not become file names.
  command: asked !== undefined && CLI_COMMAND_NAMES.includes(asked) ? asked : 'other',
  folder: processCacheFolder(),
});
