// "Run Task on Cluster" as a user meets it in a real VS Code (issue 16 §3):
// - a kubeconfig whose context is missing, or an API server that does not answer, is said right after the
//   environment is known, before the task question, with Select Kubernetes Context, Retry and Show Output (Retry
//   checks again); needs no cluster;
// - against the k8s testbed: following the run's own pod from the Pods view shows the run's channel and adds no
//   notification of its own, so Cancel on the newest notification cancels the run and deletes the pod; a --set
//   value with quotes and spaces reaches the submitted pod's command as one argument, unchanged.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { FinishedRun } from '../../client/src/cluster/clusterRunner';
import type { DatabandApi } from '../../client/src/extension';
import type { Question } from '../../client/src/cluster/userPrompts';
import type { KubeApi, KubePod } from '../../server/src/runIo';
import { isGoneOrGoing, requireCluster, testbedApi, waitForPods } from './clusterPods';
import { waitForEvent } from './waitFor';
import { EXTENSION_ID } from './workspaceFiles';

const folder = () => join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'cluster-run');
const thisWindow = () => vscode.env.sessionId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 63);
const SLEEPS = 'echo sleeping; exec sleep 600';

/** The `base` container's command and arguments, as the API server has them. */
function argvOf(pod: KubePod): string[] {
  const container = (pod.spec?.containers?.[0] ?? {}) as { command?: string[]; args?: string[] };
  return [...(container.command ?? []), ...(container.args ?? [])];
}

function runCommand(args: object): Thenable<FinishedRun | undefined> {
  return vscode.commands.executeCommand<FinishedRun | undefined>('databand.runTaskOnCluster', {
    uri: vscode.Uri.file(join(folder(), 'project.cfg')).toString(),
    folder: folder(),
    ...args,
  });
}

/** Rejects when `p` has not settled within `ms`: a question left open (the task's quick pick) fails the test. */
function within<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms);
    Promise.resolve(p).then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function kubeconfig(dir: string, name: string, server: string, currentContext: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- {name: loop, cluster: {server: "${server}"}}`,
      'users:',
      '- {name: tester, user: {token: check-test-token}}',
      'contexts:',
      '- {name: loop, context: {cluster: loop, user: tester}}',
      `current-context: ${currentContext}`,
      '',
    ].join('\n'),
  );
  return path;
}

suite('Run Task on Cluster: one notification per run, --set values as typed', function () {
  let api: DatabandApi;
  let kube: KubeApi;

  suiteSetup(async function () {
    requireCluster(this);
    this.timeout(120_000);
    api = (await vscode.extensions.getExtension<DatabandApi>(EXTENSION_ID)!.activate())!;
    kube = await testbedApi();
  });

  test("Follow Log on the run's pod shows the run's channel and no second notification; Cancel then cancels the run", async function () {
    this.timeout(300_000);
    await vscode.commands.executeCommand('notifications.clearAll');
    // A question here (the cluster check's error) would wait for a click: it is recorded, dismissed and reported.
    const asked: string[] = [];
    api.answerQuestionsWith((q) => (asked.push(q.message), undefined));
    const running = runCommand({ env: 'testbed_sleep', task: 'sleep_task', set: [], confirm: 'submit' });
    void Promise.resolve(running).then((r) => {
      if (!r) console.log(`    the run ended before its pod ran; questions: ${JSON.stringify(asked)}`);
    });
    const pod = await waitForPods(
      kube,
      `databand-vscode/window=${thisWindow()}`,
      (pods) =>
        [...pods.values()].find(
          (p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp && JSON.stringify(p).includes(SLEEPS),
        ),
      'the run pod Running',
      240_000,
    );
    const podName = pod.metadata!.name!;
    // The Pods view's own item of the pod, as its context menu passes it.
    await vscode.commands.executeCommand('databand.pods.focus');
    await vscode.commands.executeCommand('databand.pods.refresh');
    const item = await waitForEvent(
      api.pods.onDidChangeTreeData,
      () =>
        api.pods
          .getChildren()
          .flatMap((n) => (n.kind === 'run' ? api.pods.getChildren(n) : []))
          .find((n) => (api.pods.podOf(n) as KubePod | undefined)?.metadata?.name === podName),
      `${podName} in the Pods view`,
      120_000,
    );
    const followed = await within(
      vscode.commands.executeCommand<{ channel: vscode.OutputChannel }>('databand.pods.followLog', item),
      10_000,
      "following the run's pod",
    );
    assert.match(followed.channel.name, /^Databand Run: sleep_task \(testbed_sleep\) at /, "the run's own channel");
    // The newest notification is still the run's: its primary action is Cancel.
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const finished = await running;
    api.answerQuestionsWith(undefined);
    assert.ok(finished, `the command returned the run (questions: ${JSON.stringify(asked)})`);
    assert.deepEqual(asked, [], 'no question was asked');
    assert.equal(followed, finished.log, "Follow Log returned the run's channel");
    assert.equal(finished.result.outcome, 'cancelled', finished.result.message);
    assert.equal(finished.result.message, `pod ${podName} deleted`);
    assert.ok(finished.log.mirror.includes('[databand] cancelled: deleting the pod'));
    assert.ok(
      finished.log.mirror.includes(`[databand] cancelled: pod ${podName} deleted`),
      finished.log.mirror.join('\n'),
    );
    assert.ok(isGoneOrGoing((await kube.readPod(podName)) ?? undefined), `${podName} is neither gone nor going`);
  });

  test("a --set value with quotes and spaces reaches the submitted pod's command as one argument", async function () {
    this.timeout(240_000);
    // run.pool is a str dbnd passes on to Airflow; the testbed's pod ignores it.
    const value = `run.pool=say "hello world" and 'bye', {"a": [1, 2]}`;
    const submitted = waitForPods(
      kube,
      `databand-vscode/window=${thisWindow()}`,
      (pods) => [...pods.values()].map(argvOf).find((argv) => argv.includes(value)),
      'a pod whose command carries the --set value',
      200_000,
    );
    const finished = await runCommand({ env: 'testbed_env', task: 'say_rows', set: [value], confirm: 'submit' });
    const argv = await submitted;
    assert.equal(argv[argv.indexOf(value) - 1], '--set', argv.join(' | '));
    assert.ok(finished, 'the command returned the run');
    assert.equal(finished.result.outcome, 'succeeded', finished.result.message);
  });
});

// Last: its workspace setting changes (and their reset) must not come between a run and its notification's Cancel.
suite('Run Task on Cluster: the cluster is checked before the questions', function () {
  let api: DatabandApi;
  const dir = mkdtempSync(join(tmpdir(), 'run-check-'));
  const settings = () => vscode.workspace.getConfiguration('databand', vscode.Uri.file(folder()));

  suiteSetup(async () => {
    api = (await vscode.extensions.getExtension<DatabandApi>(EXTENSION_ID)!.activate())!;
  });

  suiteTeardown(async () => {
    api?.answerQuestionsWith(undefined);
    await settings().update('environmentVariables', undefined, vscode.ConfigurationTarget.Workspace);
  });

  const cases = [
    {
      what: 'a context missing from the kubeconfig',
      file: async () => kubeconfig(dir, 'missing.yaml', 'https://127.0.0.1:1', 'gone-context'),
      says: /gone-context/,
    },
    {
      what: 'an API server that does not answer',
      file: async () => kubeconfig(dir, 'closed.yaml', `https://127.0.0.1:${await closedPort()}`, 'loop'),
      says: /cannot reach the API server/,
    },
  ];
  for (const c of cases) {
    test(`${c.what}: an error before the task question, with Select Kubernetes Context, Retry, Show Output`, async function () {
      this.timeout(120_000);
      await settings().update(
        'environmentVariables',
        { KUBECONFIG: await c.file() },
        vscode.ConfigurationTarget.Workspace,
      );
      const kubeconfigFile = settings().get<Record<string, string>>('environmentVariables')?.KUBECONFIG;
      assert.match(kubeconfigFile ?? '', /run-check-/, 'the run environment has the test kubeconfig');
      const asked: Question[] = [];
      // Retry once (the check runs again and fails again), then dismiss: the command ends, nothing else asked.
      api.answerQuestionsWith((q) => (asked.push(q), asked.length === 1 ? 'Retry' : undefined));
      // No task and no --set given: had the check passed, the task's quick pick would stay open and this times out.
      const command = runCommand({ env: 'testbed_env' });
      const result = await within(command, 60_000, 'the command').catch(async (err: Error) => {
        // Unblock a question left open (the task's quick pick: the check did not stop the run) and say so.
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        const after = await within(command, 10_000, 'the command after Escape').then(
          () => 'it ended after Escape: a quick pick was open',
          () => 'it did not end after Escape either',
        );
        throw new Error(`${err.message}; ${after}; questions asked: ${JSON.stringify(asked)}`);
      });
      assert.equal(result, undefined);
      assert.equal(asked.length, 2, asked.map((q) => q.message).join('\n'));
      for (const q of asked) {
        assert.equal(q.severity, 'error');
        assert.deepEqual(q.items, ['Select Kubernetes Context', 'Retry', 'Show Output']);
        assert.match(
          q.message,
          /^Cannot run on testbed_env: the cluster cannot be used \(.*, namespace [a-z0-9-]+\): /,
        );
        assert.match(q.message, c.says);
        assert.doesNotMatch(q.message, /\n\s+at /, 'no stack trace');
      }
    });
  }
});
