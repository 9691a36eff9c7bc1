// Document symbols, folding ranges and workspace symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols } from '../../server/src/ide/symbols';
import { foldingRanges } from '../../server/src/ide/folding';
import { workspaceSymbols } from '../../server/src/ide/workspaceSymbols';
import { projectOf, uriOf } from '../support/fixture';

const TEXT = [
  '# engines',
  '# for the cluster',
  '[my_engine]',
  '_type = kubernetes',
  'databand_access_token = secret-value',
  'secrets = [',
  '    {"type": "env"}',
  '    ]',
  '',
  '[k8s_env]',
  '_from = local',
].join('\n');

test('document symbols: sections with their keys, no values shown', () => {
  const symbols = documentSymbols(projectOf({ 'databand-system.cfg': TEXT }), uriOf('databand-system.cfg'));
  assert.deepEqual(
    symbols.map((s) => [
      s.name,
      s.detail,
      s.selectionRange.start.line,
      s.range.end.line,
      s.children.map((c) => c.name),
    ]),
    [
      ['my_engine', '_type = kubernetes', 2, 7, ['_type', 'databand_access_token', 'secrets']],
      ['k8s_env', '_from = local', 9, 10, ['_from']],
    ],
  );
  assert.ok(!JSON.stringify(symbols).includes('secret-value'), 'values never appear in the outline');
});

test('folding: sections, multi-line values and comment runs', () => {
  const ranges = foldingRanges(projectOf({ 'databand-system.cfg': TEXT }), uriOf('databand-system.cfg'));
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 7, kind: 'region' },
    { startLine: 5, endLine: 7 },
    { startLine: 9, endLine: 10, kind: 'region' },
  ]);
});

test('workspace symbols: sections of every file, fuzzy and case-insensitive', () => {
  const analysis = projectOf({ 'databand-system.cfg': TEXT, 'project.cfg': '[My_Other_Engine]\nx = 1\n' });
  assert.deepEqual(
    workspaceSymbols([analysis, analysis], 'myeng').map((s) => `${s.containerName}:${s.name}`),
    ['databand-system.cfg:my_engine', 'project.cfg:My_Other_Engine'],
  );
  assert.equal(workspaceSymbols([analysis], '').length, 3);
});
