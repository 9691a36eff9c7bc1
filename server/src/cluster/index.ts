// The cluster module's public face, for the CLI (`dbnd-cfg run`) and the editor's run commands and pod views.
// Node only; no editor API. See each file for the rules it implements.
export {
  openCluster,
  describeKubeconfig,
  type ClientOptions,
  type ContextSummary,
  type KubeconfigSummary,
} from './kubeClient';
export type { KubeconfigRequest } from './kubeconfig';
export type { KubeApi, KubePod, PodSelector, LogRequest } from './kubeApi';
export { ClusterError, isClusterError, type ClusterErrorKind } from './errors';
export { systemClock, type Clock } from './clock';
export { prepareClusterRun, type ClusterRunInput, type PreparedRun, type PrepareResult } from './prepareRun';
export { runPolicyFromEngine, type RunPolicy } from './runPolicy';
export {
  runOnCluster,
  type RunOnClusterRequest,
  type RunResult,
  type RunEvent,
  type TryResult,
  type EndCause,
} from './runOnCluster';
export { watchPods, type PodWatch, type PodEvent, type WatchStatus, type PodWatchOptions } from './podWatch';
export { followPodLog, DEFAULT_CONTAINER, type FollowOptions, type FollowResult, type LogNotice } from './followPodLog';
export type { LogLine } from './logLines';
export { dryRunPod } from './dryRun';
export { DBND_POD_SELECTOR, findDbndPods } from './dbndPods';
export { describeRunEvent } from './describeRunEvent';
export { describePrepareFailure } from './runnableEnv';
export { projectRunFiles, type ProjectRunFiles } from './projectFiles';
export { summarizePod, type PodSummary } from './podSummary';
