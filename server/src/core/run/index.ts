// The dbnd run as an API: give it the files, the environment and the flags `dbnd run` would get, and it returns
// what dbnd would build at each stage (env, engine, docker step, driver submission, pod) or where dbnd would
// fail. The CLI (`effective`, `render-pod`), the language server's views and the cluster submission all call
// `runDbnd`; the conformance corpus maps its cases onto the same request (core/conformance).
//
//   const result = runDbnd({
//     files: [{ path: '/home/me/project/project.cfg', text }],
//     environment: process.env,                       // the caller's; the core never reads it itself
//     envName: 'kubernetes_cluster_env',
//     render: renderContext({ mode: 'driver', taskArgs: ['prepare_data'] }, process.env),
//   });
//   if (result.failure) … result.failure.stage, result.failure.error.type/message
//   else if (result.noPod) … say so; else result.pod.pod is the request body, result.placeholders what is not real yet
export { runDbnd } from './runDbnd';
export type { RunRequest, RunFile, RenderContext, PlaceholderField } from './request';
export type {
  RunResult,
  RunStage,
  RunFailure,
  RunSettingsSummary,
  DockerStepReport,
  RenderedPod,
  PlaceholderUse,
} from './result';
export {
  renderContext,
  type RenderOptions,
  DRIVER_TASK,
  PLACEHOLDER_VALUES,
  PLACEHOLDER_MEANINGS,
} from './renderDefaults';
export { driverRunArguments, type DriverRunValues } from './driverCommand';
export { originText, provenanceTexts } from './provenance';
export { configObjectJson, warningJson, failureJson, settingsJson } from './resultJson';
export {
  prepareClusterRun,
  type ClusterRunInput,
  type ClusterRunIds,
  type ClusterRunPlan,
  type ClusterRunPreparation,
  type KubeconfigSettings,
  type PodRequestBody,
} from './prepareClusterRun';
