// DBND_HOME discovery and dbnd's file order (docs/dbnd-rules.md §1.5) over an in-memory file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFilePaths, discoverDbndHome } from '../../../server/src/core/config/discovery';

function fsOf(files: Record<string, string>) {
  return { isFile: (p: string) => p in files, readFile: (p: string) => files[p] };
}

test('walks up from the working folder to the project marker', () => {
  const fs = fsOf({ '/repo/project.cfg': '' });
  assert.equal(discoverDbndHome('/repo/src/pipelines', { HOME: '/home/a' }, fs), '/repo');
  assert.equal(discoverDbndHome('/repo/src', { DBND_HOME: '/elsewhere' }, fs), '/elsewhere');
  assert.equal(discoverDbndHome('/tmp/x', { HOME: '/home/a' }, fs), '/home/a');
});

test('a setup.cfg counts only with a [databand] section naming dbnd_home/system/config', () => {
  const fs = fsOf({
    '/p/setup.cfg': '[metadata]\nname = x\n[databand]\ndbnd_home = .\n',
    '/q/setup.cfg': '[metadata]\n',
  });
  assert.equal(discoverDbndHome('/p/a', { HOME: '/h' }, fs), '/p');
  assert.equal(discoverDbndHome('/q/a', { HOME: '/h' }, fs), '/h');
});

test('files in dbnd order: system file, project.cfg, DBND_CONFIG, then the user file', () => {
  const fs = fsOf({
    '/repo/.dbnd/databand-system.cfg': '',
    '/repo/project.cfg': '',
    '/cfg/extra.cfg': '',
    '/home/a/.dbnd/databand.cfg': '',
  });
  assert.deepEqual(configFilePaths('/repo', { HOME: '/home/a', DBND_CONFIG: '/cfg/extra.cfg' }, fs), [
    '/repo/.dbnd/databand-system.cfg',
    '/repo/project.cfg',
    '/cfg/extra.cfg',
    '/home/a/.dbnd/databand.cfg',
  ]);
});
