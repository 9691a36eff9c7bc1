// CodeLenses (ide/codeLenses) over the sections of the file holding `$0`: environments get "Show Pod spec" and
// "Show effective config", Kubernetes engines too, other engines only the effective config; a section's kind is
// its class as dbnd resolves it across the project's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/ide/codeLenses';
import { cursorProject } from '../support/fixture';

/** `line: title → view {target}` for each lens of the cursor's file (line 1-based). */
function lensesOf(files: Record<string, string>): string[] {
  const p = cursorProject(files);
  return codeLenses(p.analysis, p.uri).map(
    (l) => `${l.range.start.line + 1}: ${l.title} → ${l.view} ${JSON.stringify(l.target)}`,
  );
}

test('an environment, a Kubernetes engine and another engine; other sections get none', () => {
  const text = [
    '$0[run]',
    "environments = ['local', 'k8s_env']",
    '[k8s_env]',
    '_from = local',
    '[my_engine]',
    '_type = kubernetes',
    '[docker_engine]',
    '_type = docker',
    '[core]',
  ].join('\n');
  assert.deepEqual(lensesOf({ 'databand-system.cfg': text }), [
    '3: Show Pod spec → podSpec {"env":"k8s_env","mode":"driver"}',
    '3: Show effective config → effectiveConfig {"env":"k8s_env"}',
    '5: Show Pod spec → podSpec {"engine":"my_engine","mode":"driver"}',
    '5: Show effective config → effectiveConfig {"engine":"my_engine"}',
    '7: Show effective config → effectiveConfig {"engine":"docker_engine"}',
  ]);
});

test('a section that takes its class through _from in another file gets the lenses of that class', () => {
  assert.deepEqual(
    lensesOf({
      'databand-system.cfg': '[base_engine]\n_type = kubernetes\n',
      'project.cfg': '[team_engine]$0\n_from = base_engine\n',
    }),
    [
      '1: Show Pod spec → podSpec {"engine":"team_engine","mode":"driver"}',
      '1: Show effective config → effectiveConfig {"engine":"team_engine"}',
    ],
  );
});

test('no lenses for a class dbnd cannot resolve', () => {
  assert.deepEqual(lensesOf({ 'project.cfg': '[my_engine]$0\n_type = my.plugin.Engine\n' }), []);
});

test('a half-typed line elsewhere in the file keeps the lenses (the tolerant reading sets the line aside)', () => {
  assert.deepEqual(lensesOf({ 'project.cfg': '[k8s_env]$0\n_from = local\n[broken\n' }), [
    '1: Show Pod spec → podSpec {"env":"k8s_env","mode":"driver"}',
    '1: Show effective config → effectiveConfig {"env":"k8s_env"}',
  ]);
});
