// The Databand Pods view in a real VS Code against the real k8s testbed: dbnd-labelled pods created directly with
// the API appear from the view's watch, grouped by run, and its context-menu commands, invoked with the view's own
// tree items (from its TreeDataProvider, as VS Code passes them), follow the log, show the YAML, explain the
// failure and delete the pod after the (test-answered) confirmation.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { DatabandApi } from '../../client/src/extension';
import type { KubeApi, KubePod } from '../../server/src/runIo';
import { dbndPod, isGoneOrGoing, requireCluster, testbedApi, unique, waitForPods } from './clusterPods';
import { waitForEvent } from './waitFor';
import { EXTENSION_ID } from './workspaceFiles';

type TreeNode = ReturnType<DatabandApi['pods']['getChildren']>[number];

const id = unique();
const RUN_A = `ui-run-a-${id}`;
const RUN_B = `ui-run-b-${id}`;
const PRINTS = `ui-prints-${id}`;
const FAILS = `ui-fails-${id}`;
const SLEEPS = `ui-sleeps-${id}`;
const FOLLOWED = `ui-followed-${id}`;
const LINES = 20;

suite('Databand Pods view', function () {
  let api: DatabandApi;
  let kube: KubeApi;

  suiteSetup(async function () {
    requireCluster(this);
    this.timeout(180_000);
    api = (await vscode.extensions.getExtension<DatabandApi>(EXTENSION_ID)!.activate())!;
    kube = await testbedApi();
    await kube.createPod(dbndPod(PRINTS, RUN_A, `for i in $(seq 1 ${LINES}); do echo a-line-$i; done`));
    await kube.createPod(dbndPod(FAILS, RUN_A, 'echo failing; exit 3', { labels: { try_number: '2' } }));
    await kube.createPod(dbndPod(SLEEPS, RUN_B, 'exec sleep 600'));
    await vscode.commands.executeCommand('databand.pods.refresh');
  });

  suiteTeardown(async () => {
    api?.answerQuestionsWith(undefined);
    for (const name of [PRINTS, FAILS, SLEEPS, FOLLOWED]) await kube?.deletePod(name, { gracePeriodSeconds: 0 });
  });

  /** The view's pod items of `run`, by name, once `accept` says the view shows what the test waits for. */
  function viewedRun(
    run: string,
    accept: (pods: ReadonlyMap<string, KubePod>) => boolean,
    what: string,
  ): Promise<Map<string, TreeNode>> {
    return waitForEvent(
      api.pods.onDidChangeTreeData,
      () => {
        const runNode = api.pods.getChildren().find((n) => n.kind === 'run' && n.runUid === run);
        if (!runNode) return undefined;
        const items = new Map<string, TreeNode>();
        const pods = new Map<string, KubePod>();
        for (const child of api.pods.getChildren(runNode)) {
          const pod = api.pods.podOf(child);
          if (!pod?.metadata?.name) continue;
          items.set(pod.metadata.name, child);
          pods.set(pod.metadata.name, pod);
        }
        return accept(pods) ? items : undefined;
      },
      what,
      120_000,
    );
  }

  test('pods appear live from the watch, grouped by their run, with phase and detail', async function () {
    this.timeout(180_000);
    const runA = await viewedRun(
      RUN_A,
      (pods) => pods.get(PRINTS)?.status?.phase === 'Succeeded' && pods.get(FAILS)?.status?.phase === 'Failed',
      `run ${RUN_A} with ${PRINTS} Succeeded and ${FAILS} Failed`,
    );
    assert.deepEqual([...runA.keys()], [FAILS, PRINTS], 'run A lists its two pods, by name');
    const runB = await viewedRun(RUN_B, (pods) => pods.has(SLEEPS), `run ${RUN_B} with ${SLEEPS}`);
    assert.deepEqual([...runB.keys()], [SLEEPS]);

    const runItem = api.pods.getTreeItem(api.pods.getChildren().find((n) => n.kind === 'run' && n.runUid === RUN_A)!);
    // These pods run no `dbnd run TASK` command, so the run is named by its uid's start; the start time leads
    // the description, the whole uid is in the tooltip.
    assert.equal(runItem.label, `run ${RUN_A.slice(0, 8)}`);
    assert.match(String(runItem.description), /^\d\d:\d\d:\d\d · 2 pods$/);
    assert.match(String(runItem.tooltip), new RegExp(`run uid \\(label dbnd_run_uid\\): ${RUN_A}`));
    const failed = api.pods.getTreeItem(runA.get(FAILS)!);
    assert.equal(failed.contextValue, 'databandPod.failed', 'a failed pod offers the failure reason');
    // The short state in the description (not cut off in a normal sidebar), the phase in the tooltip.
    assert.match(String(failed.description), /^exit code 3 \(Error\) · try 2$/);
    assert.match(String(failed.tooltip), /phase: Failed/);
    assert.equal(api.pods.getTreeItem(runA.get(PRINTS)!).contextValue, 'databandPod');
  });

  test('Follow Log streams the pod log into a channel of its own until the container ends', async function () {
    this.timeout(180_000);
    // Followed from its start: on this shared host another testbed's kubelet may remove the log folder of a pod
    // it does not know once the pod has ended, so a finished pod's log is not something to rely on here.
    await kube.createPod(dbndPod(FOLLOWED, RUN_A, `for i in $(seq 1 ${LINES}); do echo f-line-$i; sleep 0.2; done`));
    const runA = await viewedRun(RUN_A, (pods) => pods.has(FOLLOWED), `${FOLLOWED} in the view`);
    const log = await vscode.commands.executeCommand<{
      channel: vscode.OutputChannel;
      mirror: readonly string[];
      logLines: number;
    }>('databand.pods.followLog', runA.get(FOLLOWED));
    assert.ok(log, 'the command returned the log it followed');
    assert.equal(log.channel.name, `Databand Pod: ${FOLLOWED}`);
    const last = log.mirror[log.mirror.length - 1];
    assert.match(last, /^\[databand\] log ended \(exited, 20 lines\)$/, log.mirror.join('\n'));
    assert.deepEqual(
      log.mirror.filter((l) => !l.startsWith('[databand]')),
      Array.from({ length: LINES }, (_, i) => `f-line-${i + 1}`),
    );
    assert.equal(log.logLines, LINES);
  });

  test('Show YAML opens the pod as the API server has it, without managedFields, read-only and named after it', async function () {
    this.timeout(120_000);
    const runA = await viewedRun(RUN_A, (pods) => pods.has(PRINTS), `${PRINTS} in the view`);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('databand.pods.showYaml', runA.get(PRINTS));
    assert.equal(doc.languageId, 'yaml');
    const text = doc.getText();
    assert.match(text, new RegExp(`^  name: ${PRINTS}$`, 'm'));
    assert.match(text, new RegExp(`^    dbnd_run_uid: ${RUN_A}$`, 'm'));
    assert.match(text, /^  phase: Succeeded$/m, 'the status as the API server reports it');
    assert.doesNotMatch(text, /managedFields/);
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the YAML is shown');
    // A read-only document named after the pod, as Kubernetes Tools opens it; not a dirty Untitled-1.
    assert.equal(doc.uri.scheme, 'databand-pod');
    assert.match(doc.uri.path, new RegExp(`/${PRINTS}\\.yaml$`));
    assert.equal(doc.isUntitled, false);
    assert.equal(doc.isDirty, false);
  });

  test("Show Failure Reason says what failed and dbnd's reason key; a pod that did not fail says so", async function () {
    this.timeout(120_000);
    const runA = await viewedRun(
      RUN_A,
      (pods) => pods.get(FAILS)?.status?.phase === 'Failed' && pods.get(PRINTS)?.status?.phase === 'Succeeded',
      `${FAILS} Failed in the view`,
    );
    const failure = await vscode.commands.executeCommand<string>('databand.pods.showFailureReason', runA.get(FAILS));
    assert.equal(
      failure,
      `${FAILS}: the pod failed: exit code 3 (Error) — dbnd's reason key is "3" (pod_error_cfg_source_dict)`,
    );
    const fine = await vscode.commands.executeCommand<string>('databand.pods.showFailureReason', runA.get(PRINTS));
    assert.equal(fine, `${PRINTS} has not failed (Succeeded, exit code 0 (Completed)).`);
  });

  test('Delete asks first: dismissed keeps the pod; confirmed deletes it and the view drops it', async function () {
    this.timeout(180_000);
    const runB = await viewedRun(RUN_B, (pods) => pods.get(SLEEPS)?.status?.phase === 'Running', `${SLEEPS} Running`);
    const asked: string[] = [];
    api.answerQuestionsWith((q) => {
      asked.push(`${q.modal ? 'modal' : 'notification'}: ${q.message} [${q.items.join('|')}]`);
      return undefined;
    });
    assert.equal(await vscode.commands.executeCommand('databand.pods.delete', runB.get(SLEEPS)), false);
    assert.deepEqual(asked, [`modal: Delete pod ${SLEEPS}? [Delete]`]);
    assert.ok(!isGoneOrGoing((await kube.readPod(SLEEPS)) ?? undefined), 'a dismissed question deletes nothing');

    api.answerQuestionsWith(() => 'Delete');
    assert.equal(await vscode.commands.executeCommand('databand.pods.delete', runB.get(SLEEPS)), true);
    await waitForPods(kube, `dbnd_run_uid=${RUN_B}`, (pods) => (pods.has(SLEEPS) ? undefined : true), `${SLEEPS} gone`);
    await waitForEvent(
      api.pods.onDidChangeTreeData,
      () => (api.pods.getChildren().some((n) => n.kind === 'run' && n.runUid === RUN_B) ? undefined : true),
      `run ${RUN_B} gone from the view`,
      120_000,
    );
  });
});
