// DBND_HOME discovery and dbnd's file order (docs/dbnd-rules.md §1.5) over an in-memory file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  configFilePaths,
  discoverDbndDirs,
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

// ports dbnd environ_dbnd_home.py (_find_and_set_dbnd_home, _process_cfg, set_env_dir) as its scenario project
// modules/dbnd/test_dbnd/scenarios/projects/example_project_with_custom_dbnd_system uses it.
test('example_project_with_custom_dbnd_system: setup.cfg [databand] sets DBND_HOME, DBND_SYSTEM and DBND_CONFIG', () => {
  const fs = fsOf({
    '/w/proj/setup.cfg':
      '[databand]\ndbnd_home = ./\ndbnd_system = customer_package/dbnd_config\ndbnd_config = customer_package/dbnd_project.cfg\n',
    '/w/proj/customer_package/dbnd_config/databand-system.cfg': '[run]\nenvironments = ["local"]\n',
    '/w/proj/customer_package/dbnd_project.cfg': '[core]\n',
  });
  const dirs = discoverDbndDirs('/w/proj', { HOME: '/home/a' }, fs);
  assert.equal(dirs.DBND_HOME, '/w/proj');
  assert.equal(dirs.DBND_SYSTEM, '/w/proj/customer_package/dbnd_config');
  assert.equal(dirs.DBND_CONFIG, '/w/proj/customer_package/dbnd_project.cfg');
  const found = discoverProject('/w/proj', { HOME: '/home/a' }, fs);
  assert.deepEqual(found.paths, [
    '/w/proj/customer_package/dbnd_config/databand-system.cfg',
    '/w/proj/customer_package/dbnd_project.cfg',
  ]);
  assert.equal(found.env.DBND_SYSTEM, '/w/proj/customer_package/dbnd_config');
  assert.deepEqual(found.homeFiles, ['/w/proj/setup.cfg']);
});

test('a setup.cfg does not end the walk: a marker file further up still decides what the file left unset', () => {
  const fs = fsOf({
    '/r/sub/setup.cfg': '[databand]\ndbnd_config = extra.cfg\n',
    '/r/project.cfg': '',
    '/r/sub/extra.cfg': '',
  });
  const dirs = discoverDbndDirs('/r/sub', { HOME: '/h' }, fs);
  assert.equal(dirs.DBND_HOME, '/r');
  assert.equal(dirs.DBND_SYSTEM, '/r/.dbnd');
  assert.equal(dirs.DBND_CONFIG, '/r/sub/extra.cfg');
  assert.deepEqual(discoverProject('/r/sub', { HOME: '/h' }, fs).paths, ['/r/project.cfg', '/r/sub/extra.cfg']);
});

test('set_env_dir keeps the first value: a deeper setup.cfg beats a higher one, tox.ini beats setup.cfg', () => {
  const fs = fsOf({
    '/a/b/setup.cfg': '[databand]\ndbnd_home = inner\n',
    '/a/b/tox.ini': '[databand]\ndbnd_home = from_tox\n',
    '/a/setup.cfg': '[databand]\ndbnd_home = outer\ndbnd_system = sys\n',
  });
  const dirs = discoverDbndDirs('/a/b', { HOME: '/h' }, fs);
  assert.equal(dirs.DBND_HOME, '/a/b/from_tox');
  assert.equal(dirs.DBND_SYSTEM, '/a/sys');
});

test('.dbnd/databand-system.cfg ends the walk before the setup.cfg of the same folder is read', () => {
  const fs = fsOf({ '/p/.dbnd/databand-system.cfg': '', '/p/setup.cfg': '[databand]\ndbnd_system = other\n' });
  const dirs = discoverDbndDirs('/p', { HOME: '/h' }, fs);
  assert.equal(dirs.DBND_HOME, '/p');
  assert.equal(dirs.DBND_SYSTEM, '/p/.dbnd');
});

test('with DBND_HOME set nothing is looked for; [Databand] (configparser is case-sensitive) and broken files count as none', () => {
  const fs = fsOf({
    '/p/setup.cfg': '[databand]\ndbnd_config = x.cfg\n',
    '/q/setup.cfg': '[Databand]\ndbnd_home = elsewhere\n',
    '/s/setup.cfg': '[databand]\ndbnd_home = elsewhere\nbroken line\n',
  });
  assert.equal(discoverDbndDirs('/p', { DBND_HOME: '/home/x' }, fs).DBND_CONFIG, undefined);
  assert.equal(discoverDbndDirs('/q', { HOME: '/h' }, fs).DBND_HOME, '/h');
  assert.equal(discoverDbndDirs('/s', { HOME: '/h' }, fs).DBND_HOME, '/h');
});

test('a databand-system.cfg at DBND_HOME marks the folder but is never read: it is reported as misplaced', () => {
  const fs = fsOf({ '/p/databand-system.cfg': '[run]\n' });
  const found = discoverProject('/p/src', { HOME: '/h' }, fs);
  assert.equal(found.dbndHome, '/p');
  assert.deepEqual(found.paths, []);
  assert.equal(found.misplacedSystemFile, '/p/databand-system.cfg');
  const fine = discoverProject('/p', { HOME: '/h', DBND_SYSTEM: '/p' }, fs);
  assert.deepEqual(fine.paths, ['/p/databand-system.cfg']);
  assert.equal(fine.misplacedSystemFile, undefined);
});
