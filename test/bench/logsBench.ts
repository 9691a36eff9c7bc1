// `npm run bench:logs`: a pod printing 1,000,000 lines through the real API server, read at the same time by our
// follower (followPodLog → a counting sink) and by `kubectl logs -f`; lines/s, loss, duplicates and memory of
// each; then the delay from a pod's phase change (the container's own clock, same host) to the run's status line.
// Not a timed test: it prints figures. Uses $KUBECONFIG's current context (a testbed from `testbed env`), or starts
// a testbed of its own through the test scripts when KUBECONFIG is not set.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeRunEvent,
  followPodLog,
  openCluster,
  runOnCluster,
  runPolicyFromEngine,
  systemClock,
  type KubeApi,
  type KubePod,
} from '../../server/src/cluster';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** Checks `row-1`..`row-N` arrive once, in order; counts what is missing or repeated. */
class RowChecker {
  next = 1;
  lines = 0;
  missing = 0;
  repeated = 0;
  first = 0;
  last = 0;
  see(text: string): void {
    const now = performance.now();
    if (this.lines === 0) this.first = now;
    this.last = now;
    this.lines++;
    const n = Number(text.slice(4));
    if (n === this.next) this.next++;
    else if (n > this.next) {
      this.missing += n - this.next;
      this.next = n + 1;
    } else this.repeated++;
  }
  finish(total: number): void {
    if (this.next <= total) this.missing += total - this.next + 1;
  }
  rate(): number {
    return this.lines / ((this.last - this.first) / 1000);
  }
}

function podBody(name: string, script: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'dbnd-logs-bench' } },
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [
        { name: 'base', image: 'testbed/busybox:1', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', script] },
      ],
    },
  };
}

async function waitForPhase(api: KubeApi, name: string, phases: string[]): Promise<KubePod> {
  for (;;) {
    const pod = await api.readPod(name);
    if (pod && phases.includes(pod.status?.phase ?? '')) return pod;
    await systemClock.sleep(200);
  }
}

/** The host kernel's uptime in ms: the same clock a container reads from /proc/uptime. */
const uptimeMs = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** CPU time (user + system) of another process so far, in ms; undefined once it has exited. */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name) are utime and stime in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const perLine = (cpuMs: number, lines: number) => `${((cpuMs * 1000) / Math.max(lines, 1)).toFixed(1)} µs/line`;

async function throughput(api: KubeApi, context: string): Promise<void> {
  const name = `logs-bench-${Date.now()}`;
  // The pause lets both readers attach before the first line.
  await api.createPod(podBody(name, `sleep 4; seq 1 ${LINES} | sed "s/^/row-/"; sleep 1`));
  try {
    await waitForPhase(api, name, ['Running', 'Succeeded', 'Failed']);
    const ours = new RowChecker();
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);

    const theirs = new RowChecker();
    let kubectlPeak = 0;
    let kubectlCpuMs = 0;
    const kubectl = spawn(
      KUBECTL,
      ['--context', context, '-n', api.target.namespace, 'logs', '-f', name, '-c', 'base'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const kubectlSampler = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${kubectl.pid}/status`, 'utf8'))?.[1] ?? 0);
        kubectlPeak = Math.max(kubectlPeak, kb * 1024);
        kubectlCpuMs = processCpuMs(kubectl.pid) ?? kubectlCpuMs;
      } catch {
        // exited
      }
    }, 100);
    let carry = '';
    kubectl.stdout.on('data', (chunk: Buffer) => {
      const parts = (carry + chunk.toString()).split('\n');
      carry = parts.pop() ?? '';
      for (const line of parts) theirs.see(line);
    });
    const kubectlDone = new Promise<number | null>((r) => kubectl.on('close', r));

    const cpuBefore = process.cpuUsage();
    const result = await followPodLog(api, name, {
      clock: systemClock,
      onLines: (lines) => {
        for (const l of lines) ours.see(l.text);
      },
      onNotice: (n) => {
        if (n.kind !== 'joined')
          console.log(
            `  our follower: ${n.kind}${'message' in n ? `: ${n.message}` : ''}${'why' in n ? `: ${n.why}` : ''}`,
          );
      },
    });
    const cpu = process.cpuUsage(cpuBefore);
    const ourCpuMs = (cpu.user + cpu.system) / 1000;
    clearInterval(sampler);
    const kubectlExit = await kubectlDone;
    clearInterval(kubectlSampler);
    ours.finish(LINES);
    theirs.finish(LINES);
    const steady = rss.slice(Math.floor(rss.length / 4));
    console.log(`logs: ${LINES} lines through the API server (kubelet rotates the container log at 10 MiB)`);
    console.log(
      `  ours (followPodLog -> sink): ${ours.lines} lines, ${Math.round(ours.rate())} lines/s, missing ${ours.missing}, repeated ${ours.repeated}, ` +
        `resumes ${result.resumes} (${result.rotations} at log rotations), gaps reported ${result.gaps.length}; ` +
        `process RSS ${mb(Math.min(...steady))}..${mb(Math.max(...steady))} (peak ${mb(Math.max(...rss))}); ` +
        `CPU ${perLine(ourCpuMs, ours.lines)} (the bench process, which also counts kubectl's lines)`,
    );
    console.log(
      `  kubectl logs -f:            ${theirs.lines} lines, ${Math.round(theirs.rate())} lines/s, missing ${theirs.missing}, repeated ${theirs.repeated}, ` +
        `exit ${kubectlExit}; RSS peak ${mb(kubectlPeak)}; CPU ${perLine(kubectlCpuMs, theirs.lines)} (at its last sample)`,
    );
  } finally {
    await api.deletePod(name, { gracePeriodSeconds: 0 });
  }
}

/**
 * The delay from a pod's phase change to the text the user sees: a run (runOnCluster, as the CLI and the editor
 * start it) whose status event is turned into its line by describeRunEvent, stamped when that line exists. The
 * container prints its own clock when it starts and right before it exits; both sides read the kernel's uptime.
 */
async function phaseLatency(api: KubeApi, rounds: number): Promise<void> {
  const running: number[] = [];
  const finished: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const name = `phase-bench-${Date.now()}-${i}`;
    const shown = new Map<string, number>();
    const stamps: number[] = [];
    const result = await runOnCluster({
      api,
      // busybox's date has no %N: the kernel's uptime (10 ms steps) is the clock both sides share.
      podForTry: () => podBody(name, "cut -d' ' -f1 /proc/uptime; sleep 2; cut -d' ' -f1 /proc/uptime"),
      policy: runPolicyFromEngine({}),
      onEvent: (e) => {
        const text = describeRunEvent(e);
        if (e.kind === 'status' && text !== null && !shown.has(e.phase)) shown.set(e.phase, uptimeMs());
      },
      onLogLines: (lines) => stamps.push(...lines.map((l) => Number(l.text) * 1000)),
    });
    if (result.outcome === 'succeeded' && shown.has('Running') && shown.has('Succeeded') && stamps.length === 2) {
      running.push((shown.get('Running') as number) - stamps[0]);
      finished.push((shown.get('Succeeded') as number) - stamps[1]);
    } else console.log(`  phase round ${i}: ${result.outcome} (${result.message}); not counted`);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${Math.round(s[Math.floor(s.length / 2)])} ms, min ${Math.round(s[0])} ms, max ${Math.round(s[s.length - 1])} ms (${s.length} pods)`;
  };
  console.log(
    "phase change -> the run's status line (describeRunEvent), container clock to callback, same host; includes the kubelet's status sync:",
  );
  console.log(`  container started -> Running line:   ${stats(running)}`);
  console.log(`  container exited  -> Succeeded line: ${stats(finished)}`);
}

async function main(): Promise<void> {
  let stop = async () => {};
  if (!process.env.KUBECONFIG) {
    const modulePath = resolve('scripts/testing/k8sTestbed.mjs');
    const { startK8sTestbed } = (await import(modulePath)) as {
      startK8sTestbed: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>;
    };
    const tb = await startK8sTestbed();
    Object.assign(process.env, tb.env);
    stop = tb.stop;
  }
  try {
    const api = await openCluster({
      inCluster: false,
      configFile: null,
      context: null,
      clusterContext: null,
      namespace: 'default',
      env: process.env,
    });
    console.log(`cluster: context ${api.target.context}, ${await api.serverVersion()}; kubectl ${KUBECTL}`);
    await throughput(api, api.target.context);
    await phaseLatency(api, Number(process.env.BENCH_PHASE_ROUNDS ?? 5));
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
