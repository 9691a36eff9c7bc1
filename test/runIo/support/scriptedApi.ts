// A KubeApi whose answers the test scripts in order, for the watch and follower logic without a cluster. Each
// call takes the next scripted answer of its kind; a stream is a list of steps (bytes, a cut, or "stay open").
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

export type StreamStep = string | { readonly cut: true } | { readonly hang: true };
export type Answer<T> = T | ClusterError;

export class ScriptedApi implements KubeApi {
  readonly target = { context: 'test', namespace: 'ns', server: 'https://example.invalid', user: 'tester' };
  readonly calls: string[] = [];
  lists: Answer<PodList>[] = [];
  watches: Answer<StreamStep[]>[] = [];
  logs: Answer<StreamStep[]>[] = [];
  reads: Answer<KubePod | null>[] = [];
  nodes: Answer<readonly NodeCapacity[]>[] = [];
  creates: Answer<KubePod>[] = [];
  deletes: Answer<boolean>[] = [];
  readonly watchRequests: WatchRequest[] = [];
  readonly logRequests: LogRequest[] = [];

  private next<T>(queue: Answer<T>[], what: string): T {
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unscripted ${what}`);
    if (answer instanceof ClusterError) throw answer;
    return answer;
  }

  private stream(steps: StreamStep[], signal: AbortSignal): ByteStream {
    return (async function* () {
      for (const step of steps) {
        await Promise.resolve();
        if (signal.aborted) throw new ClusterError('cancelled', 'aborted');
        if (typeof step === 'string') yield Buffer.from(step);
        else if ('cut' in step) throw new ClusterError('interrupted', 'connection cut');
        else {
          await new Promise<void>((resolve) =>
            signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
          );
          throw new ClusterError('cancelled', 'aborted');
        }
      }
    })();
  }

  async createPod(body: object): Promise<KubePod> {
    this.calls.push(`create ${(body as KubePod).metadata?.name}`);
    return this.next(this.creates, 'createPod');
  }
  async readPod(name: string): Promise<KubePod | null> {
    this.calls.push(`read ${name}`);
    return this.next(this.reads, 'readPod');
  }
  async deletePod(name: string, options: { gracePeriodSeconds?: number } = {}): Promise<boolean> {
    this.calls.push(`delete ${name}${options.gracePeriodSeconds === 0 ? ' now' : ''}`);
    return this.next(this.deletes, 'deletePod');
  }
  async listPods(): Promise<PodList> {
    this.calls.push('list');
    return this.next(this.lists, 'listPods');
  }
  async listNodes(): Promise<readonly NodeCapacity[]> {
    this.calls.push('nodes');
    return this.next(this.nodes, 'listNodes');
  }
  async watchPods(request: WatchRequest, signal: AbortSignal): Promise<ByteStream> {
    this.calls.push(`watch ${request.resourceVersion}`);
    this.watchRequests.push(request);
    return this.stream(this.next(this.watches, 'watchPods'), signal);
  }
  async podLog(name: string, request: LogRequest, signal: AbortSignal): Promise<ByteStream> {
    this.calls.push(`log ${request.follow ? 'follow' : 'once'} ${request.sinceTime ?? '-'}`);
    this.logRequests.push(request);
    return this.stream(this.next(this.logs, 'podLog'), signal);
  }
  async serverVersion(): Promise<string> {
    return 'v1.20.2';
  }
}

export function pod(name: string, rv: string, phase = 'Running', extra: Partial<KubePod> = {}): KubePod {
  return { metadata: { name, resourceVersion: rv }, status: { phase }, ...extra } as KubePod;
}

export const event = (type: string, object: unknown) => `${JSON.stringify({ type, object })}\n`;
