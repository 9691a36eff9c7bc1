// The manifest promises what the client delivers: every command the client registers is contributed with its
// exact title, the workspace-trust support is "limited" with every setting that names files or sets variables
// restricted, every setting is documented in the README, and the icon is the PNG it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as commandIds from '../../protocol/commandIds';
import { REPO_ROOT } from '../support/paths';

interface Manifest {
  icon: string;
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { type: string }> };
  };
}

const manifest = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8');

test('every command the client knows is contributed, with the titles users and docs refer to', () => {
  const titles = Object.fromEntries(manifest.contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
  assert.deepEqual(titles, {
    [commandIds.RESTART_SERVER_COMMAND]: 'Databand: Restart Language Server',
    [commandIds.SELECT_ENVIRONMENT_COMMAND]: 'Databand: Select Environment',
    [commandIds.SHOW_POD_SPEC_COMMAND]: 'Databand: Show Effective Pod Spec',
    [commandIds.SHOW_EFFECTIVE_CONFIG_COMMAND]: 'Databand: Show Effective Config',
    [commandIds.ADD_KUBERNETES_ENGINE_COMMAND]: 'Databand: Add Kubernetes Engine',
    [commandIds.RUN_TASK_ON_CLUSTER_COMMAND]: 'Databand: Run Task on Cluster',
    [commandIds.SELECT_CLUSTER_CONTEXT_COMMAND]: 'Databand: Select Kubernetes Context',
    [commandIds.POD_FOLLOW_LOG_COMMAND]: 'Databand: Follow Log',
    [commandIds.POD_SHOW_YAML_COMMAND]: 'Databand: Show YAML',
    [commandIds.POD_SHOW_FAILURE_COMMAND]: 'Databand: Show Failure Reason',
    [commandIds.POD_DELETE_COMMAND]: 'Databand: Delete Pod',
    [commandIds.PODS_REFRESH_COMMAND]: 'Databand: Refresh',
    [commandIds.PODS_FIND_ORPHANS_COMMAND]: 'Databand: Find Pods Left by Closed Windows',
  });
});

test('untrusted workspaces get limited support; settings that name files or set variables are restricted', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), [
    'databand.environmentVariables',
    'databand.extraConfigFiles',
  ]);
});

test('every contributed setting is documented in the README', () => {
  for (const key of Object.keys(manifest.contributes.configuration.properties)) {
    assert.ok(readme.includes(`| \`${key}\` |`), `${key} has a row in the README's settings table`);
  }
});

test('the icon is a 128x128 PNG', () => {
  const png = readFileSync(resolve(REPO_ROOT, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});
