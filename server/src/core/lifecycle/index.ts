// Pod failure reasons, retries and cleanup: pure functions over plain pod objects.
export {
  asPullFailure,
  classifyPodFailure,
  podExitCode,
  POD_FAILURE_REASONS,
  type PodFailureFacts,
} from './failureReason';
export { checkDeployErrors, type DeployCheck, type DeployCheckConfig, type DeployCheckFacts } from './deployErrors';
export { checkResourceCapacity, parseCpuRequest, parseMemoryString, type NodeCapacity } from './resourceCapacity';
export { retryPolicyFor, type RetryPolicy, type RetryDefaults, type RetrySource } from './retryPolicy';
export { shouldDeletePod, type DeleteDecision, type KeepPodsConfig } from './cleanup';
export type { PodJson, ContainerStatusJson, PodConditionJson, DbndFailure } from './podStatus';
