// Every modelled config class and section, in the order the README key table shows them.
import { CONFIG_SECTION } from './configSection';
import { CORE_CONFIG } from './coreConfig';
import { DATABAND_SYSTEM_CONFIG } from './databandSystemConfig';
import { DOCKER_ENGINE_CONFIG } from './dockerEngineConfig';
import { ENV_CONFIG, LOCAL_ENV_CONFIG } from './envConfig';
import { KUBERNETES_ENGINE_CONFIG } from './kubernetesEngineConfig';
import { LOCAL_MACHINE_ENGINE_CONFIG } from './localMachineEngineConfig';
import { RUN_CONFIG } from './runConfig';
import { TASK_SECTION } from './taskSection';
import type { ConfigClassSchema } from './types';

export const ALL_CONFIG_CLASSES: readonly ConfigClassSchema[] = [
  KUBERNETES_ENGINE_CONFIG,
  DOCKER_ENGINE_CONFIG,
  LOCAL_MACHINE_ENGINE_CONFIG,
  LOCAL_ENV_CONFIG,
  ENV_CONFIG,
  RUN_CONFIG,
  DATABAND_SYSTEM_CONFIG,
  CORE_CONFIG,
  TASK_SECTION,
  CONFIG_SECTION,
];
