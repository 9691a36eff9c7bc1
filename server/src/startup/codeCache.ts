// Runs a bundle with V8's code cache, so that a short process (`dbnd-cfg lint` in a pre-commit hook or a CI step)
// does not pay for compiling its code on every start. Node compiles a whole file before running any of it and then
// compiles each function the first time it runs: for `dbnd-cfg lint` on a small project that was about 35 ms of
// CPU of the 80 ms the process spends above a bare `node` (docs/performance.md, "Start-up").
//
// Node 22+ has this built in (module.enableCompileCache): it is used when present. Node 20 has not, so the bundle is
// compiled here with vm.Script, given the cache an earlier run of the same command left, and at exit the code that
// run compiled (the functions the command used included) is written for the next one. The cache is one file per
// command and per bundle path, under the OS's cache folder; its first line is a key naming the bundle's build (a
// hash the build writes into this entry), its size and mtime, and Node's version and architecture, so a cache is
// never handed to another bundle (V8 itself checks only the source's length and its own version and flags).
// Whatever goes wrong with the cache (no home, a read-only folder, a damaged file) the bundle runs as without it.
// Files are per bundle path, so installs that come and go (npx's folders, upgrades to a new path) leave caches
// nobody reads again: each write removes the folder's caches unwritten for STALE_DAYS (a cache in use is only
// rewritten when its bundle changes, so one in daily use is compiled again once a month at worst).
// The bundle must not use import(): a vm script read from the code cache has lost import()'s loader on Node 20
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so scripts/build.mjs turns it into require().
import Module from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** Node's CommonJS wrapper, on the bundle's first line so that line numbers in stack traces stay the bundle's. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n})';

/** The folder for this program's caches: the platform's user cache folder, as other command-line tools use it. */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'dbnd-cfg', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'dbnd-cfg');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'dbnd-cfg');
}

/** 32-bit FNV-1a: a short, stable file name for a bundle path (no node:crypto, which costs a start-up of its own). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export interface CachedRun {
  /** The bundle's path. */
  readonly bundle: string;
  /** A hash of the bundle's text, computed by the build. */
  readonly buildHash: string;
  /** What the process is asked to do (a command name); each gets its own cache, holding the code it used. */
  readonly command: string;
  /** The cache folder; undefined: run without a cache. */
  readonly folder: string | undefined;
}

/** The cache's file and the key its first line must hold for this bundle. */
export function cacheEntry(run: CachedRun, size: number, mtimeMs: number): { file: string; key: string } {
  const key = [run.buildHash, size, mtimeMs, process.version, process.arch, run.bundle].join(' ');
  return { file: join(run.folder ?? '', `${fnv1a(run.bundle)}-${run.command}.v8cache`), key };
}

/** Caches (and temporary files of interrupted writes) older than this are removed when a cache is written. */
export const STALE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes the folder's cache files last written more than STALE_DAYS before `now`; anything else is left. */
export function pruneStaleCaches(folder: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.v8cache') && !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_DAYS * DAY_MS) unlinkSync(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** The cached data stored under `key` in `file`, or undefined when there is none for this key. */
function readCache(file: string, key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = data.indexOf(10);
  if (newline < 0 || data.toString('utf8', 0, newline) !== key) return undefined;
  return data.subarray(newline + 1);
}

/** Writes the cache whole or not at all: a process running at the same time reads either the old file or the new. */
function writeCache(file: string, key: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${key}\n`), data]));
    renameSync(temporary, file);
    pruneStaleCaches(dirname(file), Date.now());
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** The bundle compiled with the cache, as a function to call with the CommonJS arguments; undefined: none. */
function compileCached(run: CachedRun): { start: () => void } | undefined {
  if (run.folder === undefined) return undefined;
  const source = readFileSync(run.bundle, 'utf8');
  const { size, mtimeMs } = statSync(run.bundle);
  const { file, key } = cacheEntry(run, size, mtimeMs);
  const cachedData = readCache(file, key);
  // A shebang is valid only at the very start of a script: keep the line, as a comment.
  const text = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new vm.Script(WRAPPER_START + text + WRAPPER_END, {
    filename: run.bundle,
    cachedData,
  });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, not now: the cache then holds every function this command compiled, not only the top level.
    process.once('exit', () => {
      try {
        writeCache(file, key, script.createCachedData());
      } catch {
        // no cache this time
      }
    });
  }
  return { start: () => startModule(run.bundle, wrapper) };
}

/** Runs a compiled CommonJS wrapper as Node runs a module: its own module object, registered in require's cache. */
function startModule(bundle: string, wrapper: (...args: unknown[]) => void): void {
  const internals = Module as unknown as {
    _cache: Record<string, Module>;
    _nodeModulePaths(dir: string): string[];
  };
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  module.paths = internals._nodeModulePaths(dirname(bundle));
  internals._cache[bundle] = module;
  wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
}

/** Runs `run.bundle` (a CommonJS file), from V8's code cache when one can be used. */
export function runWithCodeCache(run: CachedRun): void {
  const builtIn = (Module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (run.folder !== undefined && typeof builtIn === 'function') {
    try {
      builtIn(join(run.folder, 'node'));
    } catch {
      // run without it
    }
    require(run.bundle);
    return;
  }
  let compiled: { start: () => void } | undefined;
  try {
    compiled = compileCached(run);
  } catch {
    compiled = undefined;
  }
  // Only a failure before the bundle starts falls back: an error of the bundle's own is its own to report.
  if (compiled) compiled.start();
  else require(run.bundle);
}

/** The cache folder for this process; undefined when caching is off (NODE_DISABLE_COMPILE_CACHE, as Node 22's). */
export function processCacheFolder(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    return cacheFolder(process.env, process.platform, homedir());
  } catch {
    return undefined;
  }
}
