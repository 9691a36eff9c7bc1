// A KubeApi that plays a whole run without a cluster: each created pod goes straight to the end the test scripts
// for its try (a container exit code, or a status of its own), its log is one line, the watch reports it, and
// deletes are recorded. For the driver run (runDriverPod), driven by a ManualClock.
import type { NodeCapacity } from '../../../server/src/core/lifecycle';
import { ClusterError } from '../../../server/src/runIo/errors';
import type {
  ByteStream,
  KubeApi,
  KubePod,
  LogRequest,
  PodList,
  WatchRequest,
} from '../../../server/src/runIo/kubeApi';

/** How a try ends: the `base` container's exit code, or the pod status given as it is. */
export type TryEnding = { readonly exitCode: number } | { readonly status: NonNullable<KubePod['status']> };

interface SimPod {
  readonly body: KubePod;
  readonly status: NonNullable<KubePod['status']>;
  readonly logLine: string;
  readonly rv: string;
}

const TIMESTAMP = '2026-01-01T00:00:00.000000001Z';

export class SimulatedCluster implements KubeApi {
  readonly target = { context: 'sim', namespace: 'ns', server: 'https://sim.invalid', user: 'tester' };
  /** The bodies created, in order. */
  readonly created: KubePod[] = [];
  readonly deleted: string[] = [];
  private readonly pods = new Map<string, SimPod>();
  private rv = 100;

  /** `endings[i]` is the end of try i+1; a try past the list fails the test. */
  constructor(private readonly endings: readonly TryEnding[]) {}

  private pod(name: string): KubePod | null {
    const p = this.pods.get(name);
    if (!p) return null;
    return { ...p.body, metadata: { ...p.body.metadata, resourceVersion: p.rv }, status: p.status };
  }

  async createPod(body: object): Promise<KubePod> {
    const pod = body as KubePod;
    const name = pod.metadata?.name ?? '';
    const ending = this.endings[this.created.length];
    if (!ending) throw new Error(`try ${this.created.length + 1} was not expected (${name})`);
    this.created.push(pod);
    const status =
      'exitCode' in ending
        ? {
            phase: ending.exitCode === 0 ? 'Succeeded' : 'Failed',
            containerStatuses: [
              {
                name: 'base',
                state: { terminated: { exitCode: ending.exitCode, reason: ending.exitCode ? 'Error' : 'Completed' } },
              },
            ],
          }
        : ending.status;
    this.pods.set(name, { body: pod, status, logLine: `${TIMESTAMP} ${name} ran\n`, rv: String(++this.rv) });
    // As the API server answers a create: the pod before any status.
    return { ...pod, metadata: { ...pod.metadata, resourceVersion: String(this.rv) }, status: { phase: 'Pending' } };
  }

  async readPod(name: string): Promise<KubePod | null> {
    return this.pod(name);
  }

  async deletePod(name: string): Promise<boolean> {
    this.deleted.push(name);
    return this.pods.delete(name);
  }

  async listPods(selector: { fieldSelector?: string }): Promise<PodList> {
    const name = /^metadata\.name=(.*)$/.exec(selector.fieldSelector ?? '')?.[1];
    const pod = name ? this.pod(name) : null;
    return { items: pod ? [pod] : [], resourceVersion: String(this.rv) };
  }

  async listNodes(): Promise<readonly NodeCapacity[]> {
    return [{ name: 'sim', capacity: { cpu: '2', memory: '4Gi' } }];
  }

  /** The pods were listed at their end already: the watch stays open and quiet until stopped. */
  async watchPods(_request: WatchRequest, signal: AbortSignal): Promise<ByteStream> {
    return (async function* () {
      await new Promise<void>((resolve) =>
        signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      throw new ClusterError('cancelled', 'aborted');
    })();
  }

  async podLog(name: string, _request: LogRequest, _signal: AbortSignal): Promise<ByteStream> {
    const line = this.pods.get(name)?.logLine;
    if (line === undefined) throw new ClusterError('not_found', `pod ${name} not found`, 404);
    return (async function* () {
      yield Buffer.from(line);
    })();
  }

  async serverVersion(): Promise<string> {
    return 'v1.20.2';
  }
}
