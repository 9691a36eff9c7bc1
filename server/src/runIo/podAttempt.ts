// One attempt of a pod, in the steps a reader names: submit it (submitPod), watch it until its end is decided
// (podDecision), follow its `base` log from the moment its container starts (followPodLog), and clean it up
// (cleanupPod). Every path that sent a create request ends with a cleanup decision for that pod (cancel and errors
// included), so an attempt leaves no pod behind that the keep flags do not ask for.
import type { NodeCapacity } from '../core/lifecycle';
import { cancelled, type AttemptContext } from './attemptContext';
import { cleanupPod } from './cleanupPod';
import { followPodLog, type FollowResult } from './followPodLog';
import type { KubePod } from './kubeApi';
import {
  deletedDecision,
  finalDecision,
  pendingDecision,
  statusDetail,
  wantsNodeCapacity,
  type Decision,
} from './podDecision';
import { watchPods, type PodWatch, type WatchStatus } from './podWatch';
import type { AttemptResult, CleanupOutcome } from './runEvents';
import { submitPod, type PodBody } from './submitPod';

export function attemptPod(ctx: AttemptContext, body: PodBody): Promise<AttemptResult> {
  return new PodAttempt(ctx, body.metadata.name).run(body);
}

/** The attempt's state, shared by the watch's callbacks: the last pod seen, the log follower, the decision. */
class PodAttempt {
  private lastPod: KubePod | null = null;
  private deletedSeen = false;
  private follow: Promise<FollowResult | null> | null = null;
  private readonly followAbort = new AbortController();
  private decision: Decision | null = null;
  private settle!: (d: Decision) => void;
  private readonly decided = new Promise<Decision>((resolve) => (this.settle = resolve));
  private readonly warned = new Set<string>();
  private lastStatus = '';
  // The cluster's nodes, listed once when the capacity check needs them; undefined until then, and for good if the
  // listing fails (dbnd then gives up the check silently and the pod keeps waiting).
  private nodes: readonly NodeCapacity[] | undefined;
  private nodesListed = false;

  constructor(
    private readonly ctx: AttemptContext,
    private readonly podName: string,
  ) {}

  async run(body: PodBody): Promise<AttemptResult> {
    const { ctx } = this;
    if (cancelled(ctx)) return this.result({ cause: 'cancelled', reason: null, message: 'cancelled' }, null, null);
    const onAbort = () =>
      this.decide({ cause: 'cancelled', reason: null, message: `cancelled; ${this.podName} is being deleted` });
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    let maybeCreated = true;
    let watch: PodWatch | null = null;
    let stopStartupTimer = () => {};
    let ended: { decision: Decision; log: FollowResult | null };
    try {
      const submission = await submitPod(ctx, body);
      if (!submission.ok) {
        maybeCreated = submission.maybeCreated;
        throw submission.error;
      }
      ctx.emit({ kind: 'submitted', podName: this.podName, at: ctx.clock.now() });
      this.onPod(submission.pod, false);
      watch = this.watch();
      stopStartupTimer = this.startupTimer();
      const decision = await this.decided;
      stopStartupTimer();
      ended = { decision, log: await this.finalLog(decision) };
    } catch (err) {
      const decision: Decision = cancelled(ctx)
        ? { cause: 'cancelled', reason: null, message: 'cancelled' }
        : { cause: 'cluster-error', reason: null, message: err instanceof Error ? err.message : String(err) };
      ended = { decision, log: null };
    } finally {
      stopStartupTimer();
      ctx.signal?.removeEventListener('abort', onAbort);
      watch?.stop();
      this.followAbort.abort();
      await this.follow;
      await watch?.done.catch(() => undefined);
    }
    const cleanup = maybeCreated && !this.deletedSeen ? await cleanupPod(ctx, this.podName, this.lastPod) : null;
    return this.result(ended.decision, ended.log, cleanup);
  }

  private result(d: Decision, log: FollowResult | null, cleanup: CleanupOutcome | null): AttemptResult {
    return { podName: this.podName, ...d, phase: this.lastPod?.status?.phase ?? null, log, cleanup };
  }

  private decide(d: Decision): void {
    if (this.decision) return;
    this.decision = d;
    this.settle(d);
  }

  /** Read the log to its last line before anything is deleted: a finished container's follower ends by itself. */
  private async finalLog(d: Decision): Promise<FollowResult | null> {
    const finished = d.cause === 'succeeded' || d.cause === 'exit-code' || d.cause === 'pod-failed';
    return finished && this.follow ? await this.follow : null;
  }

  private watch(): PodWatch {
    const { ctx } = this;
    const say = (message: string) => ctx.emit({ kind: 'connection', message, at: ctx.clock.now() });
    const watch = watchPods(ctx.api, {
      selector: { fieldSelector: `metadata.name=${this.podName}` },
      clock: ctx.clock,
      idleMs: ctx.watchIdleMs,
      maxOutageMs: ctx.maxOutageMs,
      onEvent: (e) => this.onPod(e.pod, e.type === 'DELETED'),
      onStatus: (s: WatchStatus) => {
        if (s.kind === 'reconnecting') say(`watch: ${s.error}; reconnecting`);
        if (s.kind === 'relist') say(`watch: ${s.why}; listing again`);
      },
    });
    watch.done.catch((err: unknown) =>
      this.decide({ cause: 'cluster-error', reason: null, message: (err as Error).message }),
    );
    return watch;
  }

  /** startup_timeout: a pod still Pending when it expires ends the attempt. */
  private startupTimer(): () => void {
    const seconds = this.ctx.policy.startupTimeoutSeconds;
    return this.ctx.clock.timer(seconds * 1000, () => {
      if ((this.lastPod?.status?.phase ?? 'Pending') !== 'Pending') return;
      this.decide({
        cause: 'startup-timeout',
        reason: null,
        message: `the pod stayed Pending longer than startup_timeout (${seconds} s)`,
      });
    });
  }

  private followLog(): void {
    if (this.follow) return;
    const { ctx } = this;
    this.follow = followPodLog(ctx.api, this.podName, {
      container: ctx.container,
      clock: ctx.clock,
      signal: this.followAbort.signal,
      maxOutageMs: ctx.maxOutageMs,
      onLines: (lines) => ctx.onLogLines?.(lines),
      onNotice: (notice) => ctx.emit({ kind: 'log', notice, at: ctx.clock.now() }),
    }).catch((err: unknown) => {
      const message = `the log could not be followed: ${(err as Error).message}`;
      ctx.emit({ kind: 'warning', message, at: ctx.clock.now() });
      return null;
    });
  }

  private listNodesFor(pod: KubePod): void {
    if (this.nodesListed || !wantsNodeCapacity(pod, this.ctx.policy)) return;
    this.nodesListed = true;
    this.ctx.api.listNodes(this.ctx.signal).then(
      (listed) => {
        this.nodes = listed;
        if (this.lastPod?.status?.phase === 'Pending') this.onPod(this.lastPod, false);
      },
      () => undefined,
    );
  }

  private reportStatus(pod: KubePod, deleted: boolean): void {
    const phase = pod.status?.phase ?? 'Unknown';
    const detail = deleted ? 'deleted' : pod.metadata?.deletionTimestamp ? 'terminating' : statusDetail(pod);
    const status = `${phase}|${detail}`;
    if (status === this.lastStatus) return;
    this.lastStatus = status;
    this.ctx.emit({ kind: 'status', podName: this.podName, phase, detail, at: this.ctx.clock.now() });
  }

  /** Each state of the pod the watch delivers (and the created one). */
  private onPod(pod: KubePod, deleted: boolean): void {
    this.lastPod = pod;
    this.reportStatus(pod, deleted);
    if (this.decision) return;
    if (pod.status?.containerStatuses?.some((c) => c.state?.running || c.state?.terminated)) this.followLog();
    if (deleted) this.deletedSeen = true;
    const policy = this.ctx.policy;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded') return this.decide(finalDecision(pod, policy));
    // dbnd checks the deletion before the exit code: a pod killed by its deletion is err_pod_deleted, not 137.
    if (deleted || pod.metadata?.deletionTimestamp) return this.decide(deletedDecision());
    if (phase === 'Failed') return this.decide(finalDecision(pod, policy));
    if (phase !== 'Pending') return;
    this.listNodesFor(pod);
    const pending = pendingDecision(pod, policy, this.nodes);
    for (const w of pending.warnings) {
      if (!this.warned.has(w)) this.ctx.emit({ kind: 'warning', message: w, at: this.ctx.clock.now() });
      this.warned.add(w);
    }
    if (pending.decision) this.decide(pending.decision);
  }
}
