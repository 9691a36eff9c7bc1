// The exceptions of dbnd_run/errors/executor_k8s.py that pod failure handling raises, with dbnd's texts.
import type { DbndFailure } from './podStatus';

/** executor_k8s.kubernetes_image_not_found. */
export function imageNotFound(image: string | null, message: string | null, reason: string): DbndFailure {
  return {
    type: 'KubernetesImageNotFoundError',
    message: `Failed to start Kubernetes pod because the configured image (${image ?? 'None'}) could not be pulled by Kubernetes: ${message ?? 'None'}`,
    helpMsg:
      'Make sure you have built and pushed your image. If the image is in a private repository make sure you ' +
      'configured image pull secrets for it in the Kubernetes cluster and configured image_pull_secrets in the ' +
      `Kubernetes engine config. Details ${reason}`,
  };
}

/** executor_k8s.kubernetes_pod_unschedulable. */
export function unschedulable(message: string, extraHelp?: string): DbndFailure {
  let helpMsg = message.includes('taints')
    ? 'Either remove taints from at least one of the Kubernetes nodes or add tolerations to the Kubernetes engine config.'
    : '';
  if (extraHelp) helpMsg = helpMsg + '\n' + extraHelp;
  return {
    type: 'DatabandConfigError',
    message: `Failed to start Kubernetes pod because it couldn't be scheduled. Reason: ${message}`,
    helpMsg,
  };
}

/** executor_k8s.kubernetes_pod_config_error. */
export function podConfigError(message: string): DbndFailure {
  let helpMsg = '';
  if (message.includes('databand-secrets')) {
    helpMsg =
      'by default Databand assumes a secret exists in Kubernetes with the name databand-secrets containing the db ' +
      'connection string and airflow fernet key. Either create the secret (see the kubernetes deployment script) or ' +
      'override the secrets property in your Kubernetes engine config section';
  } else if (message.startsWith('secret')) {
    helpMsg = 'Check that the secret exsits in the cluster or remove it from the engine config';
  }
  return {
    type: 'KubernetesPodConfigFailure',
    message: `Failed to start Kubernetes pod because of a configuration error: ${message}`,
    helpMsg,
  };
}
