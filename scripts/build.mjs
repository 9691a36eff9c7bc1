// Bundles the extension client, the language server, the CLI and the benchmark with esbuild.
// Type checking is tsc's job (npm run typecheck); esbuild only strips types.
// Usage: node scripts/build.mjs [--watch]   (--watch rebuilds on every change until Ctrl+C)
import { build, context } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

// The client's metafile says which sources its bundle holds: test/layers/clientBundle.test.ts checks that the
// extension host carries no dbnd core (the language server prepares runs). Not shipped (.vscodeignore).
const CLIENT_METAFILE = 'dist/client/meta.json';

const entries = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client/extension.js',
    external: ['vscode'],
    metafile: true,
  },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli/dbnd-cfg.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench/bench.js' },
];

// A missing entry point is an error, never a silent skip: package.json and the .vsix name these outputs, and a
// skipped one would ship a stale bundle from an earlier build.
const missing = entries.map((e) => e.entryPoints[0]).filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`build: missing entry point(s): ${missing.join(', ')}`);
  process.exit(1);
}

if (process.argv.includes('--watch')) {
  // logLevel info prints one line per rebuild, so the terminal shows that a save was picked up.
  const contexts = await Promise.all(entries.map((e) => context({ ...common, ...e, logLevel: 'info' })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching client, server, CLI and bench sources (Ctrl+C to stop)');
} else {
  const results = await Promise.all(entries.map((e) => build({ ...common, ...e })));
  writeFileSync(CLIENT_METAFILE, JSON.stringify(results[0].metafile));
}
