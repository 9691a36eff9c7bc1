// Go to definition, find references and rename of section names across a project's files, with `$0` cursors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../server/src/ide/definition';
import { references } from '../../server/src/ide/references';
import { prepareRename, rename } from '../../server/src/ide/rename';
import { cursorProject, describeRanges } from '../support/fixture';

const SYSTEM = [
  '[run]',
  "environments = ['local', 'K8s_Env']",
  '[databand]',
  'env = k8s_env',
  '[k8s_env]',
  '_from = local',
  'remote_engine = my_engine',
  '[my_engine]',
  '_type = kubernetes',
  'container_repository = r',
].join('\n');
const PROJECT = ['[other_env]', '_from = k8s_env', 'local_engine = my_engine', '[MY_ENGINE]', 'namespace = n'].join(
  '\n',
);

test('definition: from remote_engine to every [my_engine] header, whatever the case, in every file', () => {
  const p = cursorProject({
    'databand-system.cfg': SYSTEM.replace('remote_engine = my_engine', 'remote_engine = my_$0engine'),
    'project.cfg': PROJECT,
  });
  assert.deepEqual(describeRanges(p, definition(p.analysis, p.uri, p.position)), [
    'databand-system.cfg:8: my_engine',
    'project.cfg:4: MY_ENGINE',
  ]);
});

test('definition: from an environments entry and from _from', () => {
  const fromList = cursorProject({ 'databand-system.cfg': SYSTEM.replace("'K8s_Env'", "'K8s$0_Env'") });
  assert.deepEqual(describeRanges(fromList, definition(fromList.analysis, fromList.uri, fromList.position)), [
    'databand-system.cfg:5: k8s_env',
  ]);
  const fromFrom = cursorProject({
    'databand-system.cfg': SYSTEM,
    'project.cfg': PROJECT.replace('_from = k8s_env', '_from = k8s_e$0nv'),
  });
  assert.deepEqual(describeRanges(fromFrom, definition(fromFrom.analysis, fromFrom.uri, fromFrom.position)), [
    'databand-system.cfg:5: k8s_env',
  ]);
});

test('definition: nothing on an ordinary value or key', () => {
  const p = cursorProject({
    'databand-system.cfg': SYSTEM.replace('container_repository = r', 'container_repo$0sitory = r'),
  });
  assert.deepEqual(definition(p.analysis, p.uri, p.position), []);
});

test('references: every use across files, with or without the headers', () => {
  const p = cursorProject({
    'databand-system.cfg': SYSTEM.replace('[k8s_env]', '[k8s$0_env]'),
    'project.cfg': PROJECT,
  });
  assert.deepEqual(describeRanges(p, references(p.analysis, p.uri, p.position, false)), [
    'databand-system.cfg:2: K8s_Env',
    'databand-system.cfg:4: k8s_env',
    'project.cfg:2: k8s_env',
  ]);
  assert.equal(references(p.analysis, p.uri, p.position, true).length, 4);
});

test('rename: headers and every reference in every file, unopened ones included', () => {
  const p = cursorProject({
    'databand-system.cfg': SYSTEM,
    'project.cfg': PROJECT.replace('[MY_ENGINE]', '[MY_EN$0GINE]'),
  });
  const prepared = prepareRename(p.analysis, p.uri, p.position);
  assert.deepEqual(prepared && prepared.ok && prepared.placeholder, 'MY_ENGINE');
  const result = rename(p.analysis, p.uri, p.position, 'gke_engine');
  assert.ok(result.ok);
  const ranges = [...result.edit].flatMap(([uri, edits]) =>
    edits.map((e) => ({ uri, range: e.range, newText: e.newText })),
  );
  assert.deepEqual(describeRanges(p, ranges), [
    'databand-system.cfg:7: my_engine',
    'databand-system.cfg:8: my_engine',
    'project.cfg:3: my_engine',
    'project.cfg:4: MY_ENGINE',
  ]);
  assert.ok(ranges.every((r) => r.newText === 'gke_engine'));
});

test('rename: dbnd family names, invalid names and clashes are refused with the reason', () => {
  const family = cursorProject({ 'databand-system.cfg': SYSTEM.replace('_type = kubernetes', '_type = kuber$0netes') });
  const refused = prepareRename(family.analysis, family.uri, family.position);
  assert.ok(refused && !refused.ok && /KubernetesEngineConfig/.test(refused.reason));
  const p = cursorProject({ 'databand-system.cfg': SYSTEM.replace('[my_engine]', '[my_$0engine]') });
  const bad = rename(p.analysis, p.uri, p.position, 'a b');
  assert.ok(!bad.ok && /not a usable section name/.test(bad.reason));
  const clash = rename(p.analysis, p.uri, p.position, 'K8S_ENV');
  assert.ok(!clash.ok && /already exists/.test(clash.reason));
  const reserved = rename(p.analysis, p.uri, p.position, 'docker');
  assert.ok(!reserved.ok && /DockerEngineConfig/.test(reserved.reason));
});
