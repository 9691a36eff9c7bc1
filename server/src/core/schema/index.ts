// The key schema: every key of every modelled dbnd config class, as data. Import from here.
export * from './types';
export { DBND_RUN_CONF_DIR_PLACEHOLDER, SYS_EXECUTABLE_PLACEHOLDER } from './placeholders';
export { PARAM_VALIDATION_VALUES } from './paramBuilders';
export { KUBERNETES_ENGINE_CONFIG } from './kubernetesEngineConfig';
export { ENV_CONFIG, LOCAL_ENV_CONFIG } from './envConfig';
export { ALL_CONFIG_CLASSES } from './allClasses';
export {
  classByFamily,
  classByPath,
  classOfSection,
  paramOf,
  isRequired,
  registeredClass,
  importableClass,
} from './registry';
