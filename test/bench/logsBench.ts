// `npm run bench:logs`: a pod printing 1,000,000 lines through the real API server, read by our follower
// (followPodLog → a counting sink) alone, then another read at the same time by ours and by `kubectl logs -f`;
// lines/s, loss, duplicates, memory and CPU of each, the pod's own print rate (from the kubelet's timestamps) and
// the testbed's CPU, which show what bounds the rate; the finished pod's log read at full speed by each; then the
// delay from a pod's phase change to the run's status line, over a raw watch of the same pod in the same process.
// Not a timed test: it prints figures. Uses $KUBECONFIG's current context (a testbed from `testbed env`), or starts
// a testbed of its own through the test scripts when KUBECONFIG is not set.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  describeRunEvent,
  followPodLog,
  openCluster,
  runDriverPod,
  runPolicyFromEngine,
  systemClock,
  type KubeApi,
  type KubePod,
} from '../../server/src/runIo';
import { LogLineFilter } from '../../server/src/runIo/logLines';
import { processCpuMs, sampleTestbedCpu } from './processCpu';
import { median } from './stats';

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

const cpus = availableParallelism();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const perLine = (cpuMs: number, lines: number) => `${((cpuMs * 1000) / Math.max(lines, 1)).toFixed(1)} µs/line`;

/** `kubectl logs -f` on the pod, its lines checked as they come; RSS and CPU sampled while it runs. */
function kubectlFollow(context: string, namespace: string, name: string) {
  const rows = new RowChecker();
  let peak = 0;
  let cpuMs = 0;
  const kubectl = spawn(KUBECTL, ['--context', context, '-n', namespace, 'logs', '-f', name, '-c', 'base'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${kubectl.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
      cpuMs = processCpuMs(kubectl.pid) ?? cpuMs;
    } catch {
      // exited
    }
  }, 100);
  let carry = '';
  kubectl.stdout.on('data', (chunk: Buffer) => {
    const parts = (carry + chunk.toString()).split('\n');
    carry = parts.pop() ?? '';
    for (const line of parts) rows.see(line);
  });
  const done = new Promise<{ exit: number | null; peak: number; cpuMs: number }>((resolve) =>
    kubectl.on('close', (exit) => {
      clearInterval(sampler);
      resolve({ exit, peak, cpuMs });
    }),
  );
  return { rows, done };
}

/**
 * A pod prints LINES lines; our follower reads them, alone or while `kubectl logs -f` reads them too (on 2 cores
 * both readers and the testbed share the CPU, so each slows the other: hence also a pass with ours alone).
 */
async function throughput(api: KubeApi, context: string, withKubectl: boolean): Promise<void> {
  const name = `logs-bench-${Date.now()}`;
  // The pause lets both readers attach before the first line.
  await api.createPod(podBody(name, `sleep 4; seq 1 ${LINES} | sed "s/^/row-/"; sleep 1`));
  try {
    await waitForPhase(api, name, ['Running', 'Succeeded', 'Failed']);
    const ours = new RowChecker();
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);
    const kubectl = withKubectl ? kubectlFollow(context, api.target.namespace, name) : null;
    const testbedCpu = process.env.K8S_TESTBED_RUN ? sampleTestbedCpu(process.env.K8S_TESTBED_RUN, 500) : null;
    // The kubelet stamps each line when the container writes it: the first and last stamps give the pod's own
    // print rate, and the last line's arrival minus its stamp how far behind the pod our reader finished.
    let firstStamp = '';
    let lastStamp = '';
    let lastArrival = 0;
    const wallStart = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await followPodLog(api, name, {
      clock: systemClock,
      onLines: (lines) => {
        for (const l of lines) ours.see(l.text);
        if (firstStamp === '') firstStamp = lines[0].timestamp;
        lastStamp = lines[lines.length - 1].timestamp;
        lastArrival = Date.now();
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
    const theirs = await kubectl?.done;
    const wallMs = performance.now() - wallStart;
    const testbedMs = testbedCpu?.stop();
    ours.finish(LINES);
    kubectl?.rows.finish(LINES);
    const steady = rss.slice(Math.floor(rss.length / 4));
    console.log(
      `logs: ${LINES} lines through the API server (kubelet rotates the container log at 10 MiB), ${withKubectl ? 'read by ours and by kubectl at the same time' : 'read by ours alone'}`,
    );
    console.log(
      `  ours (followPodLog -> sink): ${ours.lines} lines, ${Math.round(ours.rate())} lines/s, missing ${ours.missing}, repeated ${ours.repeated}, ` +
        `resumes ${result.resumes} (${result.rotations} at log rotations), gaps reported ${result.gaps.length}; ` +
        `process RSS ${mb(Math.min(...steady))}..${mb(Math.max(...steady))} (peak ${mb(Math.max(...rss))}); ` +
        `CPU ${perLine(ourCpuMs, ours.lines)} (the bench process${withKubectl ? ", which also counts kubectl's lines" : ''})`,
    );
    if (kubectl && theirs) {
      const rows = kubectl.rows;
      console.log(
        `  kubectl logs -f:            ${rows.lines} lines, ${Math.round(rows.rate())} lines/s, missing ${rows.missing}, repeated ${rows.repeated}, ` +
          `exit ${theirs.exit}; RSS peak ${mb(theirs.peak)}; CPU ${perLine(theirs.cpuMs, rows.lines)} (at its last sample)`,
      );
    }
    const printMs = Date.parse(lastStamp) - Date.parse(firstStamp);
    console.log(
      `  the pod itself:             printed ${LINES} lines in ${(printMs / 1000).toFixed(1)} s (${Math.round(LINES / (printMs / 1000))} lines/s, kubelet timestamps); ` +
        `our last line arrived ${((lastArrival - Date.parse(lastStamp)) / 1000).toFixed(1)} s after it was written`,
    );
    if (testbedMs) {
      const total = [...testbedMs.values()].reduce((a, b) => a + b, 0);
      const parts = [...testbedMs]
        .filter(([, ms]) => ms >= 50)
        .sort((a, b) => b[1] - a[1])
        .map(([role, ms]) => `${role} ${perLine(ms, LINES)}`);
      console.log(
        `  the testbed's CPU meanwhile: ${perLine(total, LINES)} (${parts.join(', ')}); ` +
          `${(total / 1000).toFixed(1)} s, ours ${(ourCpuMs / 1000).toFixed(1)} s${theirs ? `, kubectl ${(theirs.cpuMs / 1000).toFixed(1)} s` : ''} ` +
          `in ${(wallMs / 1000).toFixed(1)} s on ${cpus} cores (the pod waits 4 s before it prints)`,
      );
    }
    if (withKubectl) await finishedLogRead(api, context, name);
  } finally {
    await api.deletePod(name, { gracePeriodSeconds: 0 });
  }
}

/**
 * The finished pod's log (what is left of it after the kubelet's rotations) read without follow, by our reader
 * (the request and line filter the follower uses) and then by `kubectl logs`, one after the other: the API server
 * sends it in 4 KiB chunks instead of a chunk per line, which shows each reader's speed when it is not waiting for
 * the pod or paying a TLS record per line.
 */
async function finishedLogRead(api: KubeApi, context: string, name: string): Promise<void> {
  const ac = new AbortController();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const filter = new LogLineFilter();
  let ours = 0;
  const body = await api.podLog(name, { container: 'base', follow: false, timestamps: true }, ac.signal);
  for await (const chunk of body) ours += filter.push(chunk).lines.length;
  ours += filter.finish().length;
  const cpu = process.cpuUsage(cpu0);
  const ourWall = performance.now() - t0;

  // `times` prints the shell's children's CPU on its second line: kubectl's own, as it exits.
  const t1 = performance.now();
  const kubectl = spawn(
    'sh',
    [
      '-c',
      '"$0" "$@"; times >&2',
      KUBECTL,
      ...['--context', context, '-n', api.target.namespace, 'logs', name, '-c', 'base', '--timestamps'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let theirs = 0;
  kubectl.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) theirs++;
  });
  let stderr = '';
  kubectl.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((r) => kubectl.on('close', r));
  const theirWall = performance.now() - t1;
  const children = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(stderr.trim());
  const theirCpuMs = children
    ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000
    : NaN;
  const rate = (lines: number, ms: number) => `${Math.round(lines / (ms / 1000))} lines/s`;
  console.log(
    `  the finished log at full speed (no follow, one reader at a time): ours ${ours} lines, ${rate(ours, ourWall)}, ` +
      `CPU ${perLine((cpu.user + cpu.system) / 1000, ours)}; kubectl logs ${theirs} lines, ${rate(theirs, theirWall)}, CPU ${perLine(theirCpuMs, theirs)}`,
  );
}

/**
 * Stamps when each phase of pod `name` first reaches this process through a watch of its own (performance.now()
 * to compare with our line, and the kernel's uptime to compare with the container's clock):
 * the raw HTTP stream, split into events, with no other work. It starts before the pod exists, so it sees every
 * change; `ready` resolves once the API server has answered the watch.
 */
function rawPhaseWatch(api: KubeApi, name: string, signal: AbortSignal) {
  const arrived = new Map<string, { at: number; uptime: number }>();
  const stream = api.watchPods({ fieldSelector: `metadata.name=${name}`, resourceVersion: '' }, signal);
  const done = stream.then(async (body) => {
    let carry = '';
    try {
      for await (const chunk of body) {
        const now = { at: performance.now(), uptime: uptimeMs() };
        const lines = (carry + chunk.toString()).split('\n');
        carry = lines.pop() ?? '';
        for (const line of lines) {
          const phase = (JSON.parse(line) as { object?: KubePod }).object?.status?.phase;
          if (phase && !arrived.has(phase)) arrived.set(phase, now);
        }
      }
    } catch {
      // stopped by the signal once the run is over
    }
  });
  return { ready: stream.then(() => undefined), arrived, done };
}

/**
 * The delay from a pod's phase change to the text the user sees: a run (runDriverPod, as the CLI and the editor
 * start it) whose status event is turned into its line by describeRunEvent, stamped when that line exists. Its
 * baseline is a raw watch of the same pod in the same process (rawPhaseWatch): our delay is the time from the
 * raw event's arrival to our line. For scale, the container also prints its own clock when it starts and right
 * before it exits (both sides read the kernel's uptime): the cluster's own delay, the kubelet's status sync, is
 * the time from that to the raw event.
 */
async function phaseLatency(api: KubeApi, rounds: number): Promise<void> {
  const ours = { Running: [] as number[], Succeeded: [] as number[] };
  const cluster = { Running: [] as number[], Succeeded: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    const name = `phase-bench-${Date.now()}-${i}`;
    const shown = new Map<string, number>();
    const stamps: number[] = [];
    const stopRaw = new AbortController();
    const raw = rawPhaseWatch(api, name, stopRaw.signal);
    await raw.ready;
    const result = await runDriverPod({
      api,
      // busybox's date has no %N: the kernel's uptime (10 ms steps) is the clock both sides share.
      pod: podBody(name, "cut -d' ' -f1 /proc/uptime; sleep 2; cut -d' ' -f1 /proc/uptime"),
      policy: runPolicyFromEngine({}),
      onEvent: (e) => {
        const text = describeRunEvent(e);
        if (e.kind === 'status' && text !== null && !shown.has(e.phase)) shown.set(e.phase, performance.now());
      },
      onLogLines: (lines) => stamps.push(...lines.map((l) => Number(l.text) * 1000)),
    });
    stopRaw.abort();
    await raw.done;
    const phases = ['Running', 'Succeeded'] as const;
    if (
      result.outcome === 'succeeded' &&
      stamps.length === 2 &&
      phases.every((p) => shown.has(p) && raw.arrived.has(p))
    ) {
      phases.forEach((p, k) => {
        const rawEvent = raw.arrived.get(p) as { at: number; uptime: number };
        ours[p].push((shown.get(p) as number) - rawEvent.at);
        cluster[p].push(rawEvent.uptime - stamps[k]);
      });
    } else console.log(`  phase round ${i}: ${result.outcome} (${result.message}); not counted`);
  }
  const stats = (xs: number[], digits = 1) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${median(s).toFixed(digits)} ms, min ${s[0].toFixed(digits)}, max ${s[s.length - 1].toFixed(digits)} (${s.length} pods)`;
  };
  console.log(
    "phase change -> the run's status line (runDriverPod's event -> describeRunEvent), over a raw watch of the same pod in the same process:",
  );
  console.log(`  Running:   ours over the raw watch ${stats(ours.Running)}`);
  console.log(`  Succeeded: ours over the raw watch ${stats(ours.Succeeded)}`);
  console.log(
    `  (the cluster's own part, container clock -> raw watch event, 10 ms clock steps: Running ${stats(cluster.Running, 0)}; ` +
      `Succeeded ${stats(cluster.Succeeded, 0)})`,
  );
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
    const load = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
    console.log(
      `cluster: context ${api.target.context}, ${await api.serverVersion()}; kubectl ${KUBECTL}; ${cpus} cores, load average ${load()}`,
    );
    await throughput(api, api.target.context, false);
    await throughput(api, api.target.context, true);
    await phaseLatency(api, Number(process.env.BENCH_PHASE_ROUNDS ?? 5));
    console.log(`load average at the end: ${load()}`);
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
