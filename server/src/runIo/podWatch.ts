// A pod watch that does not give up: list, then watch from the list's resourceVersion; re-watch from the last
// version seen when a stream ends (the server's timeout, a dropped connection, or 30 s without a byte, which is
// how a silently dead connection looks); re-list on 410 Gone (the HTTP answer or an ERROR event with code 410)
// and report pods that vanished in between as DELETED. Only errors a user must fix (401, 403, bad config) or an
// outage longer than `maxOutageMs` end it.
import type { Clock } from './clock';
import { ClusterError, isClusterError, isPermanent } from './errors';
import type { KubeApi, KubePod, PodSelector } from './kubeApi';

export type PodEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface PodEvent {
  readonly type: PodEventType;
  readonly pod: KubePod;
  /** DELETED inferred from a re-list, not seen as an event. */
  readonly synthetic?: boolean;
}

export type WatchStatus =
  | { readonly kind: 'synced'; readonly resourceVersion: string; readonly pods: number }
  | { readonly kind: 'rewatch'; readonly why: 'stream-ended' | 'idle' }
  /** A watch stream is open again (after a resume that needs no re-list, no `synced` follows an outage). */
  | { readonly kind: 'watching'; readonly resourceVersion: string }
  | { readonly kind: 'relist'; readonly why: string }
  | { readonly kind: 'reconnecting'; readonly error: string; readonly delayMs: number };

export interface PodWatchOptions {
  readonly selector: PodSelector;
  readonly onEvent: (event: PodEvent) => void;
  readonly onStatus?: (status: WatchStatus) => void;
  readonly clock: Clock;
  /** Re-watch after this long without a byte. Default 30 s. */
  readonly idleMs?: number;
  /** Give up after the API server has been unreachable this long. Default 120 s. */
  readonly maxOutageMs?: number;
  /** Server-side watch timeout. Default 300 s. */
  readonly timeoutSeconds?: number;
}

export interface PodWatch {
  /** Resolves after stop(); rejects with a ClusterError when the watch cannot go on. */
  readonly done: Promise<void>;
  stop(): void;
}

const nameOf = (pod: KubePod) => pod.metadata?.name ?? '';

/** Splits a byte stream into lines; a line cut by the end of a stream is dropped (the re-watch replays it). */
export class LineSplitter {
  private carry = '';
  push(chunk: Buffer | string): string[] {
    const text = this.carry + chunk.toString();
    const lines = text.split('\n');
    this.carry = lines.pop() ?? '';
    return lines;
  }
}

export function watchPods(api: KubeApi, options: PodWatchOptions): PodWatch {
  const outer = new AbortController();
  const known = new Map<string, KubePod>();
  const idleMs = options.idleMs ?? 30_000;
  const maxOutageMs = options.maxOutageMs ?? 120_000;
  const { clock } = options;

  const emit = (event: PodEvent) => {
    if (event.type === 'DELETED') known.delete(nameOf(event.pod));
    else known.set(nameOf(event.pod), event.pod);
    options.onEvent(event);
  };

  async function relist(): Promise<string> {
    const list = await api.listPods(options.selector, outer.signal);
    const present = new Set<string>();
    for (const pod of list.items) {
      present.add(nameOf(pod));
      const before = known.get(nameOf(pod));
      if (!before) emit({ type: 'ADDED', pod });
      else if (before.metadata?.resourceVersion !== pod.metadata?.resourceVersion) emit({ type: 'MODIFIED', pod });
    }
    for (const [name, pod] of [...known]) if (!present.has(name)) emit({ type: 'DELETED', pod, synthetic: true });
    options.onStatus?.({ kind: 'synced', resourceVersion: list.resourceVersion, pods: list.items.length });
    return list.resourceVersion;
  }

  /** One watch stream. Returns the last version seen and whether a re-list is needed. */
  async function watchOnce(
    resourceVersion: string,
  ): Promise<{ resourceVersion: string; relist: boolean; idle: boolean }> {
    const inner = new AbortController();
    const abortInner = () => inner.abort();
    outer.signal.addEventListener('abort', abortInner, { once: true });
    // stop() during the list (e.g. the listed pod already decided the run) fired before this listener existed.
    if (outer.signal.aborted) inner.abort();
    let idle = false;
    let cancelIdle = clock.timer(idleMs, () => ((idle = true), inner.abort()));
    let rv = resourceVersion;
    const splitter = new LineSplitter();
    try {
      const stream = await api.watchPods(
        { ...options.selector, resourceVersion: rv, timeoutSeconds: options.timeoutSeconds ?? 300 },
        inner.signal,
      );
      options.onStatus?.({ kind: 'watching', resourceVersion: rv });
      for await (const chunk of stream) {
        cancelIdle();
        cancelIdle = clock.timer(idleMs, () => ((idle = true), inner.abort()));
        for (const line of splitter.push(chunk)) {
          if (!line.trim()) continue;
          const event = JSON.parse(line) as { type: string; object: KubePod & { code?: number; message?: string } };
          const object = event.object;
          if (event.type === 'ERROR') {
            if (object.code === 410) return { resourceVersion: rv, relist: true, idle: false };
            throw new ClusterError(
              'server',
              `the watch ended with an error: ${object.message ?? JSON.stringify(object)}`,
              object.code,
            );
          }
          rv = object.metadata?.resourceVersion ?? rv;
          if (event.type === 'BOOKMARK') continue;
          if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')
            emit({ type: event.type, pod: object });
        }
      }
      return { resourceVersion: rv, relist: false, idle: false };
    } catch (err) {
      if (idle && !outer.signal.aborted) return { resourceVersion: rv, relist: false, idle: true };
      if (isClusterError(err, 'gone')) return { resourceVersion: rv, relist: true, idle: false };
      // Remember how far we got: the caller resumes from there.
      throw Object.assign(err as object, { lastResourceVersion: rv });
    } finally {
      cancelIdle();
      outer.signal.removeEventListener('abort', abortInner);
      inner.abort();
    }
  }

  async function run(): Promise<void> {
    let rv: string | null = null;
    let outageSince: number | null = null;
    let delay = 250;
    while (!outer.signal.aborted) {
      try {
        if (rv === null) rv = await relist();
        const result = await watchOnce(rv);
        outageSince = null;
        delay = 250;
        if (outer.signal.aborted) break;
        if (result.relist) {
          options.onStatus?.({ kind: 'relist', why: '410 Gone: the resourceVersion expired' });
          rv = null;
        } else {
          rv = result.resourceVersion;
          options.onStatus?.({ kind: 'rewatch', why: result.idle ? 'idle' : 'stream-ended' });
        }
      } catch (err) {
        if (outer.signal.aborted) break;
        if (isPermanent(err) || !(err instanceof ClusterError || err instanceof SyntaxError)) throw err;
        const last = (err as { lastResourceVersion?: string }).lastResourceVersion;
        if (last) rv = last;
        outageSince ??= clock.now();
        if (clock.now() - outageSince > maxOutageMs) {
          throw new ClusterError(
            (err as ClusterError).kind ?? 'unreachable',
            `gave up watching pods after ${Math.round(maxOutageMs / 1000)} s without the API server: ${(err as Error).message}`,
          );
        }
        options.onStatus?.({ kind: 'reconnecting', error: (err as Error).message, delayMs: delay });
        await clock.sleep(delay, outer.signal);
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  return {
    done: run(),
    stop: () => outer.abort(),
  };
}
