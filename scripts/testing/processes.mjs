// Child processes for the test orchestration: streamed output, a time limit that ends the whole process group, and
// cleanups (testbed down) that run even when the run is interrupted.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const cleanups = new Set();

/** Registers `fn` to run on SIGINT/SIGTERM before exiting; returns a function that unregisters it. */
export function onInterrupt(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    process.stdout.write(`\ntest: ${signal}, cleaning up\n`);
    for (const fn of [...cleanups].reverse()) await fn().catch(() => {});
    process.exit(130);
  });
}

/**
 * Runs a command in its own process group. Output goes to our stdout/stderr as it comes; with `capture`, stdout is
 * also kept and returned. After `timeoutMs` the group gets SIGTERM, then SIGKILL, and `timedOut` is set.
 */
export function run(cmd, args, { env = process.env, capture = false, quiet = false, timeoutMs = 0, cwd } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      env,
      cwd,
      detached: true,
      stdio: ['ignore', capture || quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const unregister = onInterrupt(async () => killGroup('SIGTERM'));
    let timedOut = false;
    const timer =
      timeoutMs > 0 &&
      setTimeout(() => {
        timedOut = true;
        process.stdout.write(`\ntest: ${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000} s\n`);
        killGroup('SIGTERM');
        setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
      }, timeoutMs);
    child.on('error', (err) => {
      stderr += String(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      unregister();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, timedOut });
    });
  });
}

/**
 * `count` distinct TCP ports that are free on 127.0.0.1 right now (all held open together, then released), chosen
 * outside the kernel's ephemeral range. A listener on an ephemeral port that is restarted (the API server in the
 * fault tests) can find its port taken while it is down: any outgoing connection may be given that port as its
 * source, and a client retrying the dead port itself can even connect to itself (TCP simultaneous open). Once a CI
 * run lost its API server so, and every later cluster and extension test failed.
 */
export async function freePorts(count) {
  const [low, high] = ephemeralRange();
  const candidates = [];
  for (let p = 10000; p < 65536; p++) if (p < low || p > high) candidates.push(p);
  const held = [];
  try {
    while (held.length < count && candidates.length > 0) {
      const [port] = candidates.splice(Math.floor(Math.random() * candidates.length), 1);
      const server = await listenOn(port);
      if (server) held.push(server);
    }
    if (held.length < count) throw new Error(`no ${count} free TCP ports outside the ephemeral range ${low}-${high}`);
    return held.map((s) => s.address().port);
  } finally {
    await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/** The kernel's ephemeral port range (Linux's default where it cannot be read). */
function ephemeralRange() {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return [low, high];
  } catch {
    // not Linux: the default below
  }
  return [32768, 60999];
}

/** A server listening on 127.0.0.1:`port`, or null when the port is taken. */
function listenOn(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(null));
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}
