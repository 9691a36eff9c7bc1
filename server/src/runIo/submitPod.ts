// Step 1 of an attempt: create the pod. A connection that breaks (or a 5xx) is retried with backoff for as long as
// an outage may last; a refusal (403, 422...) is final and created nothing. After a retry, a conflict may be our
// own earlier create that went through before the connection broke: it is ours if its attempt uid label matches.
import { cancelled, type AttemptContext } from './attemptContext';
import { ClusterError, isClusterError, isPermanent } from './errors';
import type { KubePod } from './kubeApi';

export type PodBody = { readonly metadata: { readonly name: string } } & Record<string, unknown>;

export type Submission =
  | { readonly ok: true; readonly pod: KubePod }
  /** `maybeCreated`: false only when the server refused the first request outright (nothing to clean up). */
  | { readonly ok: false; readonly error: unknown; readonly maybeCreated: boolean };

const attemptUidOf = (pod: {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> | null } | null;
}) => pod.metadata?.labels?.dbnd_task_run_attempt_uid;

export async function submitPod(ctx: AttemptContext, body: PodBody): Promise<Submission> {
  const { api, clock } = ctx;
  let outageSince: number | null = null;
  let retried = false;
  let attempts = 0;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return { ok: true, pod: await api.createPod(body, { signal: ctx.signal }) };
    } catch (err) {
      const refused = err instanceof ClusterError && err.status !== undefined && err.status < 500 && !retried;
      const failed = { ok: false as const, error: err, maybeCreated: !refused };
      if (retried && isClusterError(err, 'conflict')) {
        const existing = await api.readPod(body.metadata.name, ctx.signal).catch(() => null);
        if (existing && attemptUidOf(existing) === attemptUidOf(body as KubePod)) return { ok: true, pod: existing };
      }
      if (cancelled(ctx) || isPermanent(err) || !(err instanceof ClusterError) || isClusterError(err, 'conflict'))
        return failed;
      const e = err as ClusterError; // transient, by the test above
      outageSince ??= clock.now();
      attempts++;
      const spent = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} in ${Math.round((clock.now() - outageSince) / 1000)} s`;
      if (clock.now() - outageSince > ctx.maxOutageMs)
        return { ...failed, error: new ClusterError(e.kind, `${e.message} (gave up after ${spent})`, e.status) };
      ctx.emit({
        kind: 'connection',
        message: `creating the pod failed (${e.message}); ${spent}, retrying in ${delay / 1000} s`,
        at: clock.now(),
      });
      retried = true;
      await clock.sleep(delay, ctx.signal);
    }
  }
}
