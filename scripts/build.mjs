// Bundles the extension client, the language server, the CLI and the benchmark with esbuild.
// Type checking is tsc's job (npm run typecheck); esbuild only strips types.
// Usage: node scripts/build.mjs [--watch]   (--watch rebuilds on every change until Ctrl+C)
import { build, context } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

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

// The part of @kubernetes/client-node the run's I/O uses (runIo/kubeClient.ts imports it with import()).
const CLIENT_NODE = '@kubernetes/client-node/dist/config.js';

/** A filter matching the import path `specifier` and nothing else. */
function exactly(specifier) {
  return new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
}

/**
 * Leaves `specifier` out of a bundle, imported at run time from `file` (a path next to the bundle), which its own
 * entry below builds. For the CLI: client-node and its dependencies are two thirds of the bundle (1.7 of 2.5 MB),
 * and Node compiles a whole file before running any of it, so every `dbnd-cfg lint` paid for the Kubernetes
 * client `run` alone uses. Our own modules stay in one bundle, so their classes and state are never duplicated
 * across files; client-node is reached only through kubeClient.ts's import(), which then loads the file (Node
 * resolves it next to the bundle; in the CLI the import() is built as a require(), see its entry). The extension keeps
 * client-node inside its bundle (import() of a file is not what every supported extension host runs).
 */
function loadedApart(specifier, file) {
  return {
    name: 'loaded-apart',
    setup(b) {
      b.onResolve({ filter: exactly(specifier) }, () => ({
        path: file,
        external: true,
      }));
    },
  };
}

/**
 * Makes the bundle convert the CommonJS package `specifier` to an ES module once instead of once per importing
 * file. esbuild's interop copies every export of the package into a fresh object, with one getter closure per
 * export, at each file that imports a value from it: vscode-languageserver/node re-exports the whole protocol
 * (about a thousand names) and a dozen handlers import from it, which cost the idle language server 6 MiB of its
 * 56 and a tenth of its start-up CPU. Our files' imports of it go through one ES module that
 * re-exports it; the package's own imports are left alone.
 */
function convertedOnce(specifier) {
  return {
    name: 'converted-once',
    setup(b) {
      b.onResolve({ filter: exactly(specifier) }, (args) =>
        args.namespace === 'file' && !args.importer.includes('node_modules')
          ? { path: specifier, namespace: 'converted-once' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'converted-once' }, () => ({
        contents: `export * from ${JSON.stringify(specifier)};`,
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

// The CLI is two files: its bundle, and the bin (dist/cli/dbnd-cfg.js), a few lines that run the bundle from V8's
// code cache (server/src/startup/codeCache.ts). The bin carries a hash of the bundle's text, built after it.
const CLI_MAIN = 'dist/cli/dbnd-cfg-main.js';
const cliEntry = (buildHash) => ({
  entryPoints: ['server/src/startup/cliEntry.ts'],
  outfile: 'dist/cli/dbnd-cfg.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { DBND_CFG_BUILD_HASH: JSON.stringify(buildHash) },
});
const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

/**
 * Makes the CommonJS package `specifier` start when one of `names` (its functions our files import) is first
 * called, instead of when the bundle starts. esbuild runs a package's module code where the bundle's top level
 * imports it: the language server ran all of `yaml` (about 80 modules, 260 KB) before its first request, though
 * only kubeconfig completion and a Kubernetes engine's pod (its `pod_yaml` template) parse YAML. The package stays in the bundle; our files'
 * imports of it go through a module of wrappers, and an import of a name not listed fails the build.
 */
function startedOnFirstCall(specifier, names) {
  const wrappers = names.map((n) => `export function ${n}(...args) { return started().${n}(...args); }`);
  return {
    name: 'started-on-first-call',
    setup(b) {
      b.onResolve({ filter: exactly(specifier) }, (args) =>
        args.namespace === 'file' && !args.importer.includes('node_modules')
          ? { path: specifier, namespace: 'started-on-first-call' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'started-on-first-call' }, () => ({
        contents: [
          `let loaded;`,
          `const started = () => (loaded ??= require(${JSON.stringify(specifier)}));`,
          ...wrappers,
        ].join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

const entries = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client/extension.js',
    external: ['vscode'],
    metafile: true,
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server/server.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [convertedOnce('vscode-languageserver/node'), startedOnFirstCall('yaml', ['parse', 'stringify'])],
  },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: CLI_MAIN,
    plugins: [loadedApart(CLIENT_NODE, './kubernetes-client.js'), startedOnFirstCall('yaml', ['parse', 'stringify'])],
    // import() becomes require(): the bin runs this bundle as a vm script, where V8 loses import()'s loader when
    // the script comes from the code cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20).
    supported: { 'dynamic-import': false },
  },
  // client-node, on its own for the CLI (see loadedApart): only `dbnd-cfg run` loads it.
  { entryPoints: [`node_modules/${CLIENT_NODE}`], outfile: 'dist/cli/kubernetes-client.js' },
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench/bench.js' },
];

// A missing entry point is an error, never a silent skip: package.json and the .vsix name these outputs, and a
// skipped one would ship a stale bundle from an earlier build.
const missing = [...entries, cliEntry('')].map((e) => e.entryPoints[0]).filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`build: missing entry point(s): ${missing.join(', ')}`);
  process.exit(1);
}

if (process.argv.includes('--watch')) {
  // logLevel info prints one line per rebuild, so the terminal shows that a save was picked up.
  // A rebuilt bundle has a new mtime, which the cache's key holds too, so the bin's hash may stay the first one.
  const contexts = await Promise.all(
    [...entries, cliEntry('watch')].map((e) => context({ ...common, ...e, logLevel: 'info' })),
  );
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching client, server, CLI and bench sources (Ctrl+C to stop)');
} else {
  const results = await Promise.all(entries.map((e) => build({ ...common, ...e })));
  writeFileSync(CLIENT_METAFILE, JSON.stringify(results[0].metafile));
  await build({ ...common, ...cliEntry(hashOf(CLI_MAIN)) });
}
