// Child processes for the test orchestration: streamed output, a time limit that ends the whole process group, and
// cleanups (testbed down) that run even when the run is interrupted.
import { spawn } from 'node:child_process';
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

/** `count` distinct TCP ports that are free on 127.0.0.1 right now (all held open together, then released). */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
