// The pod renderer's public surface.
export { renderPod, PACKAGED_POD_YAML_PATH, DEFAULT_NOW } from './renderPod';
export { list2cmdline, shlexSplit, type ShlexResult } from './shell';
export { podName, cleanNameDns1123, cleanLabelValue, MAX_LABEL_VALUE_LENGTH, MAX_SUBDOMAIN_NAME_LENGTH } from './name';
export { templatePod, reconcilePods, loadYaml } from './template';
export { pyFormat } from './externalLinks';
export { trapScript } from './command';
export { engineEnvKey, fullImage } from './env';
export * from './types';
export type { Json, JsonObject } from './json';
