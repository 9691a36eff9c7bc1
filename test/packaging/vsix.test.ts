// `vsce package` (what `npm run package` runs after the build) yields a .vsix with what VS Code loads, every
// file the manifest points to, and nothing else: no sources, node_modules, tests or out/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { REPO_ROOT as ROOT } from '../support/paths';
import { zipEntries } from './zipEntries';

interface Manifest {
  main: string;
  icon: string;
  contributes: {
    languages: { configuration: string }[];
    grammars: { path: string }[];
    walkthroughs: { steps: { media: { markdown: string } }[] }[];
  };
}

/** The options `npm run package` gives `vsce package`, so this test packages exactly as users do. */
function vsceOptions(): string[] {
  const script = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { package: string } })
    .scripts.package;
  const options = /vsce package (.*?) --out \S+$/.exec(script);
  assert.ok(options, `the package script runs vsce package ... --out FILE: ${script}`);
  return options[1].split(/\s+/);
}

function packageVsix(): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'dbnd-vsix-')), 'test.vsix');
  const vsce = resolve(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', ...vsceOptions(), '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
  // Entries live under extension/ next to vsce's own [Content_Types].xml and extension.vsixmanifest.
  return zipEntries(out)
    .filter((e) => e.startsWith('extension/'))
    .map((e) => e.slice('extension/'.length));
}

test('the vsix holds the bundles (the server bundle holds the snippets), the grammar and every file the manifest names, and nothing else', () => {
  const files = packageVsix();
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Manifest;
  const referenced = [
    manifest.main,
    ...manifest.contributes.languages.map((l) => l.configuration),
    ...manifest.contributes.grammars.map((g) => g.path),
    manifest.icon,
    ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown)),
  ].map((p) => posix.normalize(p));
  // The README's images are relative links (vsce leaves them so): the package carries them.
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => posix.normalize(m[1]));
  assert.ok(images.length >= 3, `the README shows its screenshots: ${images.join(', ')}`);
  // So are its links to the other documents (docs/config-keys.md, CHANGELOG.md, ...).
  const documents = [...readme.matchAll(/[^!]\[[^\]]*\]\(([^)\s#:]+\.md)\)/g)].map((m) => posix.normalize(m[1]));
  assert.ok(
    documents.includes('docs/config-keys.md'),
    `the README links to the key reference: ${documents.join(', ')}`,
  );
  const expected = [
    'package.json',
    'dist/server/server.js',
    'dist/cli/dbnd-cfg.js',
    // The CLI's bundle: the bin runs it from V8's code cache (scripts/build.mjs).
    'dist/cli/dbnd-cfg-main.js',
    // The CLI loads it for `run` (scripts/build.mjs keeps it out of the CLI's bundle).
    'dist/cli/kubernetes-client.js',
    'readme.md',
    ...referenced,
    ...images,
    ...documents,
  ];
  for (const file of expected) {
    assert.ok(
      files.some((f) => f.toLowerCase() === file.toLowerCase()),
      `${file} is missing from the vsix: ${files.join(', ')}`,
    );
  }
  const unwanted = files.filter((f) =>
    /(^|\/)node_modules\/|\.ts$|\.map$|^(out|test|client\/src|server\/src|scripts)\//.test(f),
  );
  assert.deepEqual(unwanted, []);
});
