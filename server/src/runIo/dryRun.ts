// The server-side dry run (`dryRun=All`): admission, validation and defaulting run, nothing is stored. It shows
// what the API server would make of the pod before the real submission.
import type { KubeApi, KubePod } from './kubeApi';

export function dryRunPod(api: KubeApi, pod: object, signal?: AbortSignal): Promise<KubePod> {
  return api.createPod(pod, { dryRun: true, signal });
}
