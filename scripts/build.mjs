// Bundles the extension client, the language server, the CLI and the benchmark with esbuild.
// Type checking is tsc's job (npm run typecheck); esbuild only strips types.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli/dbnd-cfg.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench/bench.js' },
];

// An entry whose source does not exist yet is skipped, so the build works while the tree grows.
await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
