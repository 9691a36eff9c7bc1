// The bundled `dbnd-cfg` CLI as a user runs it: output format, --json, exit codes, messages on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS, REPO_ROOT as ROOT } from '../support/paths';

function dbndCfg(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cli-'));
const broken = join(dir, 'databand-system.cfg');
writeFileSync(broken, '[a]\nx = 1\n[a]\n');
const clean = join(dir, 'project.cfg');
writeFileSync(clean, '[a]\nx = 1\n');

test('lint prints file:line:col: severity code message (1-based) and exits 1 on errors', () => {
  const r = dbndCfg('lint', broken);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(
    // Line 3 holds the second [a]; the column is wherever the core puts the range (1-based too).
    lines.some((l) => /^(.+):3:[1-9]\d*: error duplicate-section \S.*$/.exec(l)?.[1] === broken),
    `expected "${broken}:3:COL: error duplicate-section ..." in:\n${r.stdout}`,
  );
  for (const l of lines) assert.match(l, /^.+:\d+:\d+: (error|warning|information|hint) [a-z0-9-]+ \S/);
});

test('lint of a clean file prints nothing and exits 0', () => {
  const r = dbndCfg('lint', clean);
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
});

test('lint --json prints the core diagnostics with 0-based ranges', () => {
  const r = dbndCfg('lint', '--json', clean, broken);
  assert.equal(r.code, 1, r.stderr);
  const { diagnostics } = JSON.parse(r.stdout) as {
    diagnostics: { path: string; code: string; range: { start: { line: number } } }[];
  };
  const dup = diagnostics.find((d) => d.code === 'duplicate-section');
  assert.equal(dup?.path, broken);
  assert.equal(dup?.range.start.line, 2);
});

test('the sample workspace lints without errors', () => {
  const r = dbndCfg('lint', 'test/workspace/.dbnd/databand-system.cfg', 'test/workspace/project.cfg');
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
});

test('an unreadable file is exit 2 with a message naming it', () => {
  const missing = join(dir, 'missing.cfg');
  const r = dbndCfg('lint', clean, missing);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
});

test('usage errors are exit 2: unknown option, unknown command, --env without a name', () => {
  for (const args of [['lint', '--jsn', clean], ['lnt', clean], [], ['lint', '--env', '', clean]]) {
    const r = dbndCfg(...args);
    assert.equal(r.code, 2, `dbnd-cfg ${args.join(' ')}`);
    assert.match(r.stderr, /usage: dbnd-cfg/, `dbnd-cfg ${args.join(' ')}`);
  }
});

test('--help lists the commands; lint --help explains output and exit codes', () => {
  const top = dbndCfg('--help');
  assert.equal(top.code, 0);
  assert.match(top.stdout, /^\s+lint\s+\S/m);
  const lint = dbndCfg('lint', '--help');
  assert.equal(lint.code, 0);
  assert.match(lint.stdout, /usage: dbnd-cfg lint \[--json\] \[--env NAME\] \[FILE\.\.\.\]/);
  assert.match(lint.stdout, /Without FILE: lints the dbnd project of the current folder/);
  assert.match(lint.stdout, /--env NAME +the dbnd environment a run selects/);
  assert.match(lint.stdout, /exit codes:/);
});

test('render-pod --label without "=" is a usage error naming the argument, not a label key cut short', () => {
  const r = dbndCfg('render-pod', '--mode', 'task', '--label', 'foo');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--label expects KEY=VALUE, got 'foo'/);
  assert.equal(r.stdout, '');
});
