// One command of the image build, run as a child process without a shell: its output as lines, its end as a
// value (exit code or signal, the last lines, whether it could be started at all), Abort = stop the whole tree.
import { spawn } from 'node:child_process';
import { LineSplitter, LineTail, type OutputLine } from './commandOutput';
import { killTree, TREE_SPAWN_OPTIONS } from './processTree';

export interface CommandRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  /** The whole environment of the command: PATH finds the program; DOCKER_HOST and the like pass through. */
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  readonly onLine?: (line: OutputLine) => void;
}

export type CommandEnd =
  | { readonly kind: 'exited'; readonly code: number; readonly tail: readonly string[] }
  | { readonly kind: 'killed'; readonly signal: string; readonly tail: readonly string[] }
  /** The program could not be started: ENOENT (not on PATH), EACCES, a missing working directory. */
  | { readonly kind: 'not-started'; readonly code: string; readonly message: string }
  | { readonly kind: 'cancelled'; readonly tail: readonly string[] };

export function runCommand(request: CommandRequest): Promise<CommandEnd> {
  return new Promise((resolve) => {
    if (request.signal?.aborted) return resolve({ kind: 'cancelled', tail: [] });
    const tail = new LineTail();
    const emit = (line: OutputLine) => {
      tail.push(line.text);
      request.onLine?.(line);
    };
    const [program, ...args] = request.argv;
    const child = spawn(program, args, {
      cwd: request.cwd,
      env: request.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      ...TREE_SPAWN_OPTIONS,
    });
    const out = new LineSplitter('stdout', emit);
    const err = new LineSplitter('stderr', emit);
    child.stdout.on('data', (c: Buffer) => out.write(c));
    child.stderr.on('data', (c: Buffer) => err.write(c));
    let cancelled = false;
    let stopKill: (() => void) | undefined;
    const onAbort = () => {
      cancelled = true;
      stopKill = killTree(child);
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (end: CommandEnd) => {
      request.signal?.removeEventListener('abort', onAbort);
      stopKill?.();
      resolve(end);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      // 'error' without a pid: the program never ran ('close' still follows for the pipes, and is ignored).
      if (child.pid === undefined) done({ kind: 'not-started', code: String(e.code ?? 'unknown'), message: e.message });
    });
    child.on('close', (code, signal) => {
      if (child.pid === undefined) return;
      out.end();
      err.end();
      if (cancelled) done({ kind: 'cancelled', tail: tail.get() });
      else if (code !== null) done({ kind: 'exited', code, tail: tail.get() });
      else done({ kind: 'killed', signal: String(signal), tail: tail.get() });
    });
  });
}
