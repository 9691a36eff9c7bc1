// A real executable `docker` for tests of the image build: a POSIX shell script in a folder of its own, put first
// on (or alone in) the PATH, so the code under test goes through its real spawn, PATH lookup, pipes and signals.
// Every call appends a line to `log`: the working directory, then each argument in brackets
// (`/w [build][-t][repo:1][-f][/w/Dockerfile][.]`). What it does after that is the shell `body` the test gives:
// print lines, `exit N`, or wait to be killed.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeDocker {
  /** The folder holding `docker`: PATH for the code under test. */
  readonly dir: string;
  /** Where each call is recorded. */
  readonly log: string;
  /** A file the body may write to (e.g. `echo $$ >> "$FAKE_PIDS"`); its path is in $FAKE_PIDS. */
  readonly pids: string;
  /** The recorded calls, one string each: `CWD [arg][arg]...`. */
  calls(): string[];
  /** The pids the body wrote to $FAKE_PIDS. */
  pidList(): number[];
}

export function fakeDocker(body: string): FakeDocker {
  const dir = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  const log = join(dir, 'calls.log');
  const pids = join(dir, 'pids');
  const script = [
    '#!/bin/sh',
    // The code under test may run docker with a PATH that holds only this folder.
    'PATH=/usr/local/bin:/usr/bin:/bin',
    `FAKE_PIDS='${pids}'`,
    `line="$PWD "`,
    'for a in "$@"; do line="$line[$a]"; done',
    `printf '%s\\n' "$line" >> '${log}'`,
    body,
    '',
  ].join('\n');
  const path = join(dir, 'docker');
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return {
    dir,
    log,
    pids,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => l !== '')
        : [],
    pidList: () =>
      existsSync(pids)
        ? readFileSync(pids, 'utf8')
            .split(/\s+/)
            .filter((l) => l !== '')
            .map(Number)
        : [],
  };
}

/** Whether a process runs (a zombie, already ended but not yet reaped, counts as ended). */
export function processRuns(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
