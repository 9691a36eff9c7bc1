// The pod renderer's public surface.
export { renderPod, PACKAGED_POD_YAML_PATH, DEFAULT_NOW } from './renderPod';
export { podName, cleanNameDns1123, cleanLabelValue, MAX_LABEL_VALUE_LENGTH, MAX_SUBDOMAIN_NAME_LENGTH } from './name';
export { templatePod, reconcilePods, loadYaml } from './template';
export { trapScript } from './command';
export { engineEnvKey, fullImage } from './env';
export * from './types';
