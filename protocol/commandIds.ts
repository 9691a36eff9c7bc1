// The extension's command ids, as declared in package.json `contributes.commands`, named once for both sides:
// the client registers them, the server names two of them in its CodeLenses (so another editor maps those two
// ids to the custom requests, docs/lsp-extensions.md), and the tests check the manifest against them.
export const RESTART_SERVER_COMMAND = 'databand.restartServer';
export const SELECT_ENVIRONMENT_COMMAND = 'databand.selectEnvironment';
export const SHOW_POD_SPEC_COMMAND = 'databand.showPodSpec';
export const SHOW_EFFECTIVE_CONFIG_COMMAND = 'databand.showEffectiveConfig';
export const ADD_KUBERNETES_ENGINE_COMMAND = 'databand.addKubernetesEngine';
export const RUN_TASK_ON_CLUSTER_COMMAND = 'databand.runTaskOnCluster';
export const SELECT_CLUSTER_CONTEXT_COMMAND = 'databand.selectClusterContext';
export const POD_FOLLOW_LOG_COMMAND = 'databand.pods.followLog';
export const POD_SHOW_YAML_COMMAND = 'databand.pods.showYaml';
export const POD_SHOW_FAILURE_COMMAND = 'databand.pods.showFailureReason';
export const POD_DELETE_COMMAND = 'databand.pods.delete';
export const PODS_REFRESH_COMMAND = 'databand.pods.refresh';
export const PODS_FIND_ORPHANS_COMMAND = 'databand.pods.findOrphans';
