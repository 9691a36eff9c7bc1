// Pods a crashed VS Code window left behind, in a real VS Code against the real k8s testbed: pods created directly
// with the API, labelled as runs of other windows, are found by label ("Find Pods Left by Closed Windows", the
// same search the extension makes at start) and offered for deletion; accepting deletes exactly the orphans. A pod
// of this window, a pod whose window's process is alive on this host, and a finished pod are not offered.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { DatabandApi } from '../../client/src/extension';
import type { OrphanCleanup } from '../../client/src/cluster/orphanPods';
import type { KubeApi } from '../../server/src/runIo';
import { dbndPod, isGoneOrGoing, requireCluster, testbedApi, unique, waitForPods } from './clusterPods';
import { EXTENSION_ID } from './workspaceFiles';

const WINDOW_LABEL = 'databand-vscode/window';
const OWNER_ANNOTATION = 'databand-vscode/owner';
const id = unique();
const RUN = `orphan-run-${id}`;
const CRASHED = `crashed-window-${id}`;
const ORPHAN_1 = `orphan-1-${id}`;
const ORPHAN_2 = `orphan-2-${id}`;
const OPEN_WINDOW = `open-window-${id}`;
const THIS_WINDOW = `this-window-${id}`;
const FINISHED = `finished-${id}`;
const ALL = [ORPHAN_1, ORPHAN_2, OPEN_WINDOW, THIS_WINDOW, FINISHED];

/** The pid of a process that has ended: the owner of a crashed window's pods. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('true');
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

suite('Pods left by a crashed window', function () {
  let api: DatabandApi;
  let kube: KubeApi;
  let openWindowProcess: ChildProcess | undefined;

  suiteSetup(async function () {
    requireCluster(this);
    this.timeout(180_000);
    api = (await vscode.extensions.getExtension<DatabandApi>(EXTENSION_ID)!.activate())!;
    kube = await testbedApi();
    const crashedOwner = `${hostname()}/${await deadPid()}`;
    // Another window that is open: its extension host is a live process on this host.
    openWindowProcess = spawn('sleep', ['600'], { stdio: 'ignore' });
    const sleep = 'exec sleep 600';
    const as = (window: string, owner: string) => ({
      labels: { [WINDOW_LABEL]: window },
      annotations: { [OWNER_ANNOTATION]: owner },
    });
    await kube.createPod(dbndPod(ORPHAN_1, RUN, sleep, as(CRASHED, crashedOwner)));
    await kube.createPod(dbndPod(ORPHAN_2, RUN, sleep, as(CRASHED, crashedOwner)));
    await kube.createPod(dbndPod(OPEN_WINDOW, RUN, sleep, as(`open-${id}`, `${hostname()}/${openWindowProcess.pid}`)));
    const thisWindow = vscode.env.sessionId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 63);
    await kube.createPod(dbndPod(THIS_WINDOW, RUN, sleep, as(thisWindow, `${hostname()}/${process.pid}`)));
    await kube.createPod(dbndPod(FINISHED, RUN, 'true', as(CRASHED, crashedOwner)));
    // Orphans are pods still Pending or Running: wait until the finished one has finished.
    await waitForPods(
      kube,
      `dbnd_run_uid=${RUN}`,
      (pods) => (ALL.every((n) => pods.has(n)) && pods.get(FINISHED)?.status?.phase === 'Succeeded' ? true : undefined),
      `the five pods of ${RUN}, ${FINISHED} Succeeded`,
    );
  });

  suiteTeardown(async () => {
    api?.answerQuestionsWith(undefined);
    openWindowProcess?.kill();
    for (const name of ALL) await kube?.deletePod(name, { gracePeriodSeconds: 0 });
  });

  test('offered, not deleted, when the user keeps them', async function () {
    this.timeout(120_000);
    const asked: string[] = [];
    api.answerQuestionsWith((q) => {
      asked.push(q.message);
      assert.equal(q.modal, false, 'a notification, not a modal dialog that blocks the window at start');
      assert.deepEqual(q.items, ['Delete', 'Keep']);
      return 'Keep';
    });
    const result = await vscode.commands.executeCommand<OrphanCleanup>('databand.pods.findOrphans');
    assert.deepEqual([...result.offered].sort(), [ORPHAN_1, ORPHAN_2]);
    assert.deepEqual(result.deleted, []);
    assert.equal(asked.length, 1);
    assert.match(asked[0], /^2 dbnd pods started from a VS Code window that is no longer open are still running in /);
    for (const name of [ORPHAN_1, ORPHAN_2]) assert.ok(asked[0].includes(name), `${name} is named`);
    for (const name of ALL) assert.ok(!isGoneOrGoing((await kube.readPod(name)) ?? undefined), `${name} kept`);
  });

  test('accepting deletes the orphans and nothing else', async function () {
    this.timeout(180_000);
    api.answerQuestionsWith(() => 'Delete');
    const result = await vscode.commands.executeCommand<OrphanCleanup>('databand.pods.findOrphans');
    assert.deepEqual([...result.offered].sort(), [ORPHAN_1, ORPHAN_2]);
    assert.deepEqual([...result.deleted].sort(), [ORPHAN_1, ORPHAN_2]);
    assert.deepEqual(result.failed, []);
    await waitForPods(
      kube,
      `dbnd_run_uid=${RUN}`,
      (pods) => (isGoneOrGoing(pods.get(ORPHAN_1)) && isGoneOrGoing(pods.get(ORPHAN_2)) ? pods : undefined),
      'the orphans deleted',
    ).then((pods) => {
      for (const name of [OPEN_WINDOW, THIS_WINDOW, FINISHED])
        assert.ok(!isGoneOrGoing(pods.get(name)), `${name} was not deleted`);
    });

    // Looked for again: nothing left to offer, and no question asked.
    api.answerQuestionsWith(() => assert.fail('nothing should be asked when there are no orphans'));
    const again = await vscode.commands.executeCommand<OrphanCleanup>('databand.pods.findOrphans');
    assert.deepEqual(again.offered, []);
  });
});
