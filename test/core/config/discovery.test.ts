// DBND_HOME discovery and dbnd's file order (docs/dbnd-rules.md §1.5) over an in-memory file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  configFilePaths,
  discoverDbndHome,
  discoverProject,
  resolveIn,
} from '../../../server/src/core/config/discovery';

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

test('discoverProject: dbnd files, then the extra files that exist, relative to the folder; DBND_HOME in the env', () => {
  const fs = fsOf({ '/repo/project.cfg': '', '/repo/conf/extra.cfg': '', '/shared/team.cfg': '' });
  const found = discoverProject('/repo/src', { HOME: '/home/a' }, fs, [
    '../conf/extra.cfg',
    '/shared/team.cfg',
    'missing.cfg',
  ]);
  assert.equal(found.dbndHome, '/repo');
  assert.equal(found.env.DBND_HOME, '/repo');
  assert.equal(found.env.HOME, '/home/a');
  assert.deepEqual(found.paths, ['/repo/project.cfg', '/repo/conf/extra.cfg', '/shared/team.cfg']);
});

test('resolveIn: relative paths join the folder with . and .. resolved; absolute ones stay', () => {
  assert.equal(resolveIn('/repo', 'conf/./a.cfg'), '/repo/conf/a.cfg');
  assert.equal(resolveIn('/repo/src', '../../../x.cfg'), '/x.cfg');
  assert.equal(resolveIn('/repo', '/etc/x.cfg'), '/etc/x.cfg');
  assert.equal(resolveIn('C:\\work\\repo', 'conf\\a.cfg'), 'C:\\work\\repo\\conf\\a.cfg');
  assert.equal(resolveIn('C:\\work\\repo', 'D:\\x.cfg'), 'D:\\x.cfg');
});
