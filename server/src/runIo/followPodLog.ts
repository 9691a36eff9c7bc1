// Follows one container's log until the container has exited, across cut connections, API server restarts and
// the kubelet's own early ends (it ends a follow stream cleanly when it rotates the log file, so a clean end is not
// proof of exit: the pod is checked, and a final non-follow read picks up what was written after the cut).
// Each line reaches `onLines` once, complete, in order (LogLineFilter); lines rotated away before a resume are
// reported through `onNotice` as a gap, because they are gone for good.
import type { Clock } from './clock';
import { ClusterError, isClusterError, isPermanent } from './errors';
import type { KubeApi, KubePod } from './kubeApi';
import { LogLineFilter, type LogLine, type ResumeGap } from './logLines';

export const DEFAULT_CONTAINER = 'base';

export type LogNotice =
  | { readonly kind: 'waiting'; readonly message: string }
  | { readonly kind: 'resumed'; readonly attempt: number; readonly sinceTime: string | undefined; readonly why: string }
  | { readonly kind: 'gap'; readonly gap: ResumeGap; readonly message: string }
  | { readonly kind: 'joined'; readonly line: LogLine };

export interface FollowOptions {
  /** Default `base`, the container dbnd builds. */
  readonly container?: string;
  /** Complete lines, in order, each once; called once per received chunk. */
  readonly onLines: (lines: readonly LogLine[]) => void;
  readonly onNotice?: (notice: LogNotice) => void;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Give up after this long without reaching the API server. Default 120 s. */
  readonly maxOutageMs?: number;
  /** Pause between polls while the container has not started. Default 1 s. */
  readonly pollMs?: number;
}

export type FollowEnd =
  /** The container exited and its whole remaining log was read. */
  | 'exited'
  /** The pod is gone (deleted): no more log can be read. */
  | 'pod-gone'
  /** The pod ended without the container ever starting (image pull, config error). */
  | 'never-started'
  | 'cancelled';

export interface FollowResult {
  readonly end: FollowEnd;
  readonly lines: number;
  readonly resumes: number;
  readonly gaps: readonly ResumeGap[];
  /** Resumes after the kubelet ended the follow at a log rotation that went on in the next file (no loss). */
  readonly rotations: number;
}

function containerState(pod: KubePod, container: string) {
  return pod.status?.containerStatuses?.find((c) => c.name === container)?.state ?? null;
}

function podFinished(pod: KubePod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export async function followPodLog(api: KubeApi, podName: string, options: FollowOptions): Promise<FollowResult> {
  const container = options.container ?? DEFAULT_CONTAINER;
  const { clock, signal } = options;
  const maxOutageMs = options.maxOutageMs ?? 120_000;
  const pollMs = options.pollMs ?? 1_000;
  const filter = new LogLineFilter();
  const gaps: ResumeGap[] = [];
  let resumes = 0;
  let outageSince: number | null = null;
  let delay = 250;
  let firstStream = true;
  /** How the previous stream ended: an error (cut) or a clean end; it tells a rotation from a possible loss. */
  let lastEnd: 'cut' | 'end' = 'cut';
  const result = (end: FollowEnd): FollowResult => ({
    end,
    lines: filter.delivered,
    resumes,
    gaps,
    rotations: filter.rotations,
  });

  const deliver = (out: { lines: LogLine[]; gap: ResumeGap | null }) => {
    if (out.gap) {
      gaps.push(out.gap);
      options.onNotice?.({
        kind: 'gap',
        gap: out.gap,
        message: `log lines written between ${out.gap.after} and ${out.gap.before} may be lost for good: the kubelet rotated the log file before the stream could resume`,
      });
    }
    if (out.lines.length > 0) {
      for (const line of out.lines) if (line.joined) options.onNotice?.({ kind: 'joined', line });
      options.onLines(out.lines);
    }
  };

  /** Reads one stream to its end; throws ClusterError when it is cut. */
  const readStream = async (follow: boolean, ac: AbortController) => {
    if (!firstStream) filter.startStream(lastEnd);
    firstStream = false;
    lastEnd = 'cut';
    const stream = await api.podLog(
      podName,
      { container, follow, timestamps: true, sinceTime: filter.sinceTime() },
      ac.signal,
    );
    for await (const chunk of stream) deliver(filter.push(chunk));
    lastEnd = 'end';
  };

  /** After a transient failure: wait with backoff, or give up after a long outage. */
  const backOff = async (err: unknown, why: string) => {
    outageSince ??= clock.now();
    if (clock.now() - outageSince > maxOutageMs) {
      throw new ClusterError(
        isClusterError(err) ? err.kind : 'unreachable',
        `gave up following the log of ${podName} after ${Math.round(maxOutageMs / 1000)} s: ${(err as Error).message}`,
      );
    }
    resumes++;
    options.onNotice?.({ kind: 'resumed', attempt: resumes, sinceTime: filter.sinceTime(), why });
    await clock.sleep(delay, signal);
    delay = Math.min(delay * 2, 5_000);
  };

  while (!signal?.aborted) {
    const ac = new AbortController();
    const deliveredBefore = filter.delivered;
    const abort = () => ac.abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await readStream(true, ac);
      outageSince = null;
      delay = 250;
    } catch (err) {
      if (signal?.aborted) break;
      if (isClusterError(err, 'not_found')) return result('pod-gone');
      if (isClusterError(err, 'invalid')) {
        // 400: the container is not running yet (ContainerCreating, image pull), or never will be; 204: the pod
        // is not on a node yet (the Pods view's Follow Log can be asked while the pod is still unscheduled).
        const pod = await api.readPod(podName, signal).catch(() => undefined);
        if (pod === null) return result('pod-gone');
        if (pod && podFinished(pod) && !containerState(pod, container)?.terminated) return result('never-started');
        if (pod && containerState(pod, container)?.terminated) {
          // It ran and its log is gone (e.g. the pod's log directory was removed): nothing more to read.
          return finishWith('exited');
        }
        options.onNotice?.({ kind: 'waiting', message: (err as Error).message });
        await clock.sleep(pollMs, signal);
        continue;
      }
      if (isPermanent(err) || !(err instanceof ClusterError)) throw err;
      await backOff(err, err.message);
      continue;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    // A clean end: the container exited, or the kubelet ended the stream early (log rotation, its own restart).
    let pod: KubePod | null;
    try {
      pod = await api.readPod(podName, signal);
    } catch (err) {
      if (signal?.aborted) break;
      if (isPermanent(err) || !(err instanceof ClusterError)) throw err;
      await backOff(err, err.message);
      continue;
    }
    if (pod === null) return finishWith('pod-gone');
    if (containerState(pod, container)?.terminated || podFinished(pod)) {
      // Lines written after an early end: one last read without follow, from the last delivered second.
      const ac2 = new AbortController();
      try {
        await readStream(false, ac2);
      } catch (err) {
        if (!isClusterError(err, 'not_found', 'invalid', 'interrupted', 'unreachable', 'server')) throw err;
      }
      return finishWith('exited');
    }
    const why =
      'the stream ended while the container is still running (the kubelet ends a follow when it rotates the log)';
    if (filter.delivered > deliveredBefore) {
      // It made progress: resume at once, every second counts before the next rotation.
      resumes++;
      options.onNotice?.({ kind: 'resumed', attempt: resumes, sinceTime: filter.sinceTime(), why });
    } else {
      await backOff(new ClusterError('interrupted', why), why);
    }
  }
  return result('cancelled');

  function finishWith(end: FollowEnd): FollowResult {
    const last = filter.finish();
    if (last.length) options.onLines(last);
    return result(end);
  }
}
