// The run's I/O, for the CLI (`dbnd-cfg run`) and the editor's run commands and pod views: Kubernetes through
// KubeApi, the image build dbnd runs before it submits, the driver pod's one attempt, the pods of a run. Node only; no editor API. What to run is prepared by
// the core (core/run/prepareClusterRun.ts): the CLI calls it, the editor asks the language server for it.
export {
  openCluster,
  describeKubeconfig,
  type ClientOptions,
  type ContextSummary,
  type KubeconfigSummary,
} from './kubeClient';
export type { KubeconfigRequest } from '../core/kube/kubeconfig';
export type { KubeApi, KubePod, PodSelector, LogRequest } from './kubeApi';
export { ClusterError, isClusterError, type ClusterErrorKind } from './errors';
export { systemClock, type Clock } from './clock';
export { runPolicyFromEngine, type RunPolicy } from './runPolicy';
export { runDriverPod, DRIVER_NOT_RETRIED, type DriverRunRequest, type DriverRunResult } from './runDriverPod';
export type { RunEvent, AttemptResult, EndCause, CleanupOutcome } from './runEvents';
export type { PodBody } from './submitPod';
export { watchPods, type PodWatch, type PodEvent, type WatchStatus, type PodWatchOptions } from './podWatch';
export { followPodLog, DEFAULT_CONTAINER, type FollowOptions, type FollowResult, type LogNotice } from './followPodLog';
export type { LogLine } from './logLines';
export { dryRunPod } from './dryRun';
export { DBND_POD_SELECTOR, findDbndPods } from './dbndPods';
export { describeRunEvent } from './describeRunEvent';
export { summarizePod, type PodSummary } from './podSummary';
export { runImageBuild, type ImageBuildRequest, type ImageBuildResult } from './imageBuild';
export {
  imageBuildCommands,
  commandText,
  type DockerCommand,
  type DockerStep,
  type ImageBuildPlan,
} from './imageBuildCommands';
export type { ImageBuildFailure, ImageBuildFailureKind } from './imageBuildFailure';
export type { OutputLine, OutputStream } from './commandOutput';
