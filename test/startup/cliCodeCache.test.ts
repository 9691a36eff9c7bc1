// The bin dist/cli/dbnd-cfg.js runs the CLI's bundle from V8's code cache (server/src/startup/codeCache.ts). The
// cache may change how fast a command starts, never what it prints or how it exits: each command's output and exit
// code are compared with the cache off (NODE_DISABLE_COMPILE_CACHE), on a first run (which writes the cache) and on
// a second (which reads it), and with a cache folder that cannot be created, a damaged cache file and a bundle
// changed after its cache was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import { join } from 'node:path';
import { COMMANDS } from '../../server/src/cli/commands';
import { CLI_COMMAND_NAMES } from '../../server/src/startup/cliCommandNames';
import { STALE_DAYS, cacheFolder, runWithCodeCache } from '../../server/src/startup/codeCache';
import { CLI_JS, repoPath } from '../support/paths';

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin with `cache` as XDG_CACHE_HOME (undefined: the cache off), in the sample workspace, with `node`. */
function runCli(args: readonly string[], cache: string | undefined, bin = CLI_JS, node = process.execPath): Outcome {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  if (cache === undefined) env.NODE_DISABLE_COMPILE_CACHE = '1';
  const r = spawnSync(node, [bin, ...args], {
    cwd: repoPath('test', 'workspace'),
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cache files under an XDG_CACHE_HOME, with their modification times. */
function cacheFiles(cache: string): Map<string, number> {
  const dir = join(cache, 'dbnd-cfg');
  const files = new Map<string, number>();
  for (const name of readdirSync(dir)) files.set(name, statSync(join(dir, name)).mtimeMs);
  return files;
}

const INVOCATIONS: readonly (readonly string[])[] = [
  ['lint'],
  ['lint', '--format', 'json'],
  ['lint', 'project.cfg', 'no-such-file.cfg'],
  ['effective', '--env', 'kubernetes_cluster_env'],
  ['render-pod', '--env', 'kubernetes_cluster_env', '--task-name', 'my_task'],
  ['render-pod', '--task', 'my_task'],
  ['run', '--help'],
  ['--help'],
  ['--version'],
  ['no-such-command'],
];

test('the cache names a file for each command of the command table', () => {
  assert.deepEqual([...CLI_COMMAND_NAMES].sort(), COMMANDS.map((c) => c.name).sort());
});

test('the cache folder is the platform user cache folder', () => {
  assert.equal(cacheFolder({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), '/x/dbnd-cfg');
  assert.equal(cacheFolder({}, 'linux', '/home/u'), '/home/u/.cache/dbnd-cfg');
  assert.equal(cacheFolder({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/dbnd-cfg');
  assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U'), join('C:\\L', 'dbnd-cfg', 'Cache'));
});

test('every command prints and exits the same with the cache off, written and read', () => {
  const cache = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    for (const args of INVOCATIONS) {
      const off = runCli(args, undefined);
      const writing = runCli(args, cache);
      const written = cacheFiles(cache);
      const reading = runCli(args, cache);
      assert.deepEqual(writing, off, `dbnd-cfg ${args.join(' ')}: first run with the cache`);
      assert.deepEqual(reading, off, `dbnd-cfg ${args.join(' ')}: run from the cache`);
      // A cache V8 rejected would be written again: the second run read it as it was.
      assert.deepEqual(cacheFiles(cache), written, `dbnd-cfg ${args.join(' ')}: the cache was used as written`);
    }
    assert.deepEqual([...cacheFiles(cache).keys()].map((f) => f.replace(/^[0-9a-f]{8}-/, '')).sort(), [
      'effective.v8cache',
      'lint.v8cache',
      'other.v8cache',
      'render-pod.v8cache',
      'run.v8cache',
    ]);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

/** A Node.js 22 or later: the one the VS Code testbed installs for code-server (its extension host's), or none. */
function newerNode(): string | undefined {
  const cache = process.env.VSCODE_TESTBED_CACHE ?? '/var/cache/databand-vscode/vscode-testbed';
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return undefined;
  }
  return names
    .filter((n) => /^node-(\d+)\./.test(n) && Number(/^node-(\d+)/.exec(n)![1]) >= 22)
    .map((n) => join(cache, n, 'bin', 'node'))
    .find((bin) => spawnSync(bin, ['--version']).status === 0);
}

test("on Node 22 or later (Node's own compile cache) every command prints and exits as on this Node", (t) => {
  // Users run dbnd-cfg on whatever Node they have, and Node 22 brought `module.enableCompileCache`, which the bin
  // uses there instead of its own cache: its output must not depend on which one ran, nor on the Node version.
  const node = newerNode();
  if (!node) {
    if (process.env.CI === 'true')
      assert.fail('CI=true but no Node 22+ from the VS Code testbed (VSCODE_TESTBED_CACHE)');
    t.skip('no Node 22+ here (the VS Code testbed installs one)');
    return;
  }
  const cache = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    for (const args of INVOCATIONS) {
      const here = runCli(args, undefined);
      const what: string = `dbnd-cfg ${args.join(' ')} on ${node}`;
      assert.deepEqual(runCli(args, undefined, CLI_JS, node), here, `${what}: the cache off`);
      assert.deepEqual(runCli(args, cache, CLI_JS, node), here, `${what}: first run with the cache`);
      assert.deepEqual(runCli(args, cache, CLI_JS, node), here, `${what}: run from the cache`);
    }
    // Node's compile cache, not ours, is in the folder: one folder per Node version and build.
    const dir = join(cache, 'dbnd-cfg');
    assert.deepEqual(readdirSync(dir), ['node']);
    assert.ok(readdirSync(join(dir, 'node')).length > 0, "Node's compile cache was written");
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a cache folder that cannot be created changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const args of [['lint'], ['--version']])
      assert.deepEqual(runCli(args, join(file, 'sub')), runCli(args, undefined));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged cache file is replaced, and the command runs as without it', () => {
  const cache = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    const off = runCli(['lint'], undefined);
    runCli(['lint'], cache);
    const [name] = [...cacheFiles(cache).keys()];
    const path = join(cache, 'dbnd-cfg', name);
    const data = readFileSync(path);
    const keyEnd = data.indexOf(10) + 1;
    // The key kept, the data cut in half and then overwritten: V8 must refuse both.
    for (const damaged of [
      data.subarray(0, keyEnd + (data.length - keyEnd) / 2),
      Buffer.concat([data.subarray(0, keyEnd), Buffer.alloc(data.length - keyEnd, 7)]),
    ]) {
      writeFileSync(path, damaged);
      assert.deepEqual(runCli(['lint'], cache), off);
      assert.ok(readFileSync(path).length > keyEnd + 1000, 'the damaged cache was written again');
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a bundle changed after its cache was written runs its new code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    // A copy of the CLI (the bin and its bundle) whose help text changes without changing the bundle's length:
    // V8 checks only the length, so the cache's key must tell the two bundles apart.
    const cli = join(dir, 'cli');
    const cache = join(dir, 'cache');
    mkdirSync(cli);
    for (const f of ['dbnd-cfg.js', 'dbnd-cfg-main.js']) copyFileSync(repoPath('dist', 'cli', f), join(cli, f));
    const bin = join(cli, 'dbnd-cfg.js');
    const before = runCli(['--help'], cache, bin);
    assert.match(before.stdout, /report errors and warnings/);
    assert.deepEqual(runCli(['--help'], cache, bin), before);
    const bundle = join(cli, 'dbnd-cfg-main.js');
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, text.replace('report errors and warnings', 'REPORT ERRORS AND WARNINGS'));
    assert.equal(statSync(bundle).size, Buffer.byteLength(text));
    assert.match(runCli(['--help'], cache, bin).stdout, /REPORT ERRORS AND WARNINGS/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Node's own compile cache is used when Node has one, and a failing one changes nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  const node = Module as unknown as { enableCompileCache?: (dir: string) => unknown };
  const own = node.enableCompileCache;
  const ran = globalThis as { startupTestRuns?: number };
  try {
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, 'globalThis.startupTestRuns = (globalThis.startupTestRuns ?? 0) + 1;');
    const asked: string[] = [];
    node.enableCompileCache = (folder) => asked.push(folder);
    runWithCodeCache({ bundle, buildHash: 'h', command: 'lint', folder: join(dir, 'cache') });
    assert.deepEqual(asked, [join(dir, 'cache', 'node')]);
    assert.equal(ran.startupTestRuns, 1);
    node.enableCompileCache = () => {
      throw new Error('no cache here');
    };
    delete require.cache[bundle];
    runWithCodeCache({ bundle, buildHash: 'h', command: 'lint', folder: join(dir, 'cache') });
    assert.equal(ran.startupTestRuns, 2);
  } finally {
    if (own) node.enableCompileCache = own;
    else delete node.enableCompileCache;
    delete ran.startupTestRuns;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writing a cache removes the caches nobody wrote for a month, and leaves the rest', () => {
  const cache = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cache-'));
  try {
    const dir = join(cache, 'dbnd-cfg');
    mkdirSync(dir);
    const old = (Date.now() - (STALE_DAYS + 1) * 24 * 60 * 60 * 1000) / 1000;
    const recent = (Date.now() - (STALE_DAYS - 1) * 24 * 60 * 60 * 1000) / 1000;
    // A cache of a bundle path gone (an npx folder), an interrupted write, a recent cache, a file not ours.
    const files = {
      gone: '0badcafe-lint.v8cache',
      torn: '0badcafe-lint.v8cache.123.tmp',
      recent: 'feedf00d-lint.v8cache',
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'key\n');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    utimesSync(join(dir, files.gone), old, old);
    utimesSync(join(dir, files.torn), old, old);
    utimesSync(join(dir, 'notes.txt'), old, old);
    utimesSync(join(dir, files.recent), recent, recent);
    runCli(['lint'], cache);
    const left = [...cacheFiles(cache).keys()];
    assert.ok(!left.includes(files.gone) && !left.includes(files.torn), `stale caches removed: ${left.join(', ')}`);
    assert.ok(left.includes(files.recent) && left.includes('notes.txt'), `the rest kept: ${left.join(', ')}`);
    assert.ok(
      left.some((n) => n.endsWith('-lint.v8cache') && n !== files.recent),
      'the new cache was written',
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
