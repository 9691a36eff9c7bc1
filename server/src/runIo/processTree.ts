// Stopping a command and everything it started. `docker build` runs helpers (the BuildKit session, credential
// helpers), and a wrapper script runs its own children, so killing only the direct child could leave them running
// and holding the output pipes open. On POSIX the command is started as the leader of its own process group
// (spawn's `detached`) and the group gets the signal; on Windows `taskkill /T` ends the tree.
import { spawn, type ChildProcess } from 'node:child_process';

/** How long the tree has after the polite signal before it is killed outright. */
export const KILL_GRACE_MS = 5000;

/** spawn options that make `killTree` reach every process the command starts. */
export const TREE_SPAWN_OPTIONS = { detached: process.platform !== 'win32' } as const;

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-child.pid, signal);
    }
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

/**
 * SIGTERM to the command's process group (docker stops a build on it), SIGKILL to what is left after the grace
 * time. Returns a function that cancels the SIGKILL once the command has ended.
 */
export function killTree(child: ChildProcess, graceMs: number = KILL_GRACE_MS): () => void {
  signalTree(child, 'SIGTERM');
  const timer = setTimeout(() => signalTree(child, 'SIGKILL'), graceMs);
  timer.unref();
  return () => clearTimeout(timer);
}
