// The key schema: every key of every modelled dbnd config class, as data. Import from here.
export * from './types';
export { DBND_RUN_CONF_DIR_PLACEHOLDER, SYS_EXECUTABLE_PLACEHOLDER } from './placeholders';
export { PARAM_VALIDATION_VALUES } from './paramBuilders';
export { KUBERNETES_ENGINE_CONFIG } from './kubernetesEngineConfig';
export { DOCKER_ENGINE_CONFIG } from './dockerEngineConfig';
export { LOCAL_MACHINE_ENGINE_CONFIG } from './localMachineEngineConfig';
export { ENV_CONFIG, LOCAL_ENV_CONFIG } from './envConfig';
export { RUN_CONFIG } from './runConfig';
export { DATABAND_SYSTEM_CONFIG } from './databandSystemConfig';
export { CORE_CONFIG } from './coreConfig';
export { TASK_SECTION } from './taskSection';
export { CONFIG_SECTION } from './configSection';
export { ALL_CONFIG_CLASSES } from './allClasses';
export {
  classByFamily,
  classByPath,
  classOfSection,
  paramOf,
  legacyKeyOf,
  shortFamilyOf,
  isRequired,
  registeredClass,
  importableClass,
} from './registry';
export { KNOWN_UNMODELLED_SECTIONS, knownUnmodelledSection, type KnownSection } from './knownSections';
export { OBSOLETE_KEYS, obsoleteKey, type ObsoleteKey } from './obsoleteKeys';
export { renderKeyTable, firstSentence } from './keyTable';
export { withCurrentKeyTable, KEYS_START_MARKER, KEYS_END_MARKER } from './readmeKeys';
export { SPECIAL_KEYS, specialKey, isExemptFromUnknownKeyCheck, type SpecialKey } from './specialKeys';
