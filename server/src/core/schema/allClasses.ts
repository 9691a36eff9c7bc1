// Every modelled config class and section, in the order the README key table shows them.
import { ENV_CONFIG, LOCAL_ENV_CONFIG } from './envConfig';
import { KUBERNETES_ENGINE_CONFIG } from './kubernetesEngineConfig';
import type { ConfigClassSchema } from './types';

export const ALL_CONFIG_CLASSES: readonly ConfigClassSchema[] = [KUBERNETES_ENGINE_CONFIG, ENV_CONFIG, LOCAL_ENV_CONFIG];
