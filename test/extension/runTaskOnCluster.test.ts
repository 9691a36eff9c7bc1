// "Databand: Run Task on Cluster" in a real VS Code against the real k8s testbed (npm test starts it and hands
// KUBECONFIG to the extension host): the driver pod dbnd would submit runs, its whole log reaches the run's output
// channel line for line, and the pod is deleted at the end (keep_finished_pods is off). Also the task names the
// command suggests from the workspace's Python files. Without a cluster the run test is skipped locally and fails
// in CI, where a missing cluster is a broken setup.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { findPythonTasks } from '../../client/src/cluster/pythonTasks';
import { requireCluster, testbedApi } from './clusterPods';

interface FinishedRunView {
  readonly result: {
    readonly outcome: string;
    readonly message: string;
    readonly attempt: { readonly podName: string };
    readonly leftPods: readonly string[];
    readonly keptPods: readonly string[];
  };
  readonly log: {
    readonly mirror: readonly string[];
    readonly logLines: number;
    readonly channel: vscode.OutputChannel;
    readonly filePath: string;
  };
}

const ROWS = 300;
const folder = () => join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'cluster-run');

suite('Databand: Run Task on Cluster', () => {
  test('the Python files suggest the dbnd tasks they define', async () => {
    const names = await findPythonTasks(vscode.workspace.workspaceFolders![0]);
    assert.ok(names.includes('say_rows') && names.includes('rows_pipeline'), `found ${names.join(', ')}`);
  });

  test('a run streams every log line into its output channel, once and in order, and deletes its pod', async function () {
    requireCluster(this);
    this.timeout(240_000);
    const uri = vscode.Uri.file(join(folder(), 'project.cfg'));
    const finished = await vscode.commands.executeCommand<FinishedRunView | undefined>('databand.runTaskOnCluster', {
      uri: uri.toString(),
      folder: folder(),
      env: 'testbed_env',
      task: 'say_rows',
      set: [],
      confirm: 'submit',
    });
    assert.ok(finished, 'the command returned no run');
    assert.equal(finished.result.outcome, 'succeeded', finished.result.message);
    assert.match(finished.log.channel.name, /^Databand Run: say_rows \(testbed_env\) at \d\d:\d\d:\d\d$/);
    const rows = finished.log.mirror.filter((l) => l.startsWith('row-'));
    assert.deepEqual(
      rows,
      Array.from({ length: ROWS }, (_, i) => `row-${i + 1}`),
    );
    assert.equal(finished.log.logLines, ROWS);
    assert.deepEqual(finished.result.leftPods, []);
    assert.deepEqual(finished.result.keptPods, []);
    const api = await testbedApi();
    const pod = await api.readPod(finished.result.attempt.podName);
    assert.ok(
      pod === null || pod.metadata?.deletionTimestamp,
      `pod ${finished.result.attempt.podName} still exists and is not being deleted`,
    );
  });

  test('cluster commands are enabled only in a trusted workspace', async () => {
    // The testbed runs with workspace trust disabled, so Restricted Mode itself cannot be entered here; what
    // VS Code enforces there is the manifest's enablement clause and the limited-support declaration.
    const pkg = vscode.extensions.all.find((e) => e.packageJSON?.name === 'databand-vscode')?.packageJSON;
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'databand.runTaskOnCluster');
    assert.equal(cmd.enablement, 'isWorkspaceTrusted');
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
  });
});
