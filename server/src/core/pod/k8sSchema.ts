// Just enough of the kubernetes client's (22.6) model schema to do what `ApiClient.__deserialize_model` does to
// a pod_yaml template and what `reconcile_pods` compares: which keys a model knows (others are dropped), how a
// primitive is converted (`str(x)`, `int(x)`, `bool(x)`), and which values are models (always truthy in Python,
// even when empty). Nested models below these four are kept as raw JSON.

export type FieldKind =
  | 'str'
  | 'int'
  | 'bool'
  | 'datetime'
  | 'dict-str'
  | 'list-str'
  | 'model'
  | 'list-model'
  | 'object'
  | { readonly model: ModelName }
  | { readonly listOf: ModelName };

export type ModelName = 'V1Pod' | 'V1ObjectMeta' | 'V1PodSpec' | 'V1Container';

export interface ModelSchema {
  /** JSON name → kind, in the client's attribute order. */
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** JSON names whose setter rejects None (client-side validation). */
  readonly required: readonly string[];
  /** JSON name → the snake_case attribute dbnd's messages use. */
  readonly attr: (jsonName: string) => string;
}

function snake(jsonName: string): string {
  return jsonName.replace(/[A-Z]+/g, (m) => '_' + m.toLowerCase());
}

export const K8S_MODELS: Readonly<Record<ModelName, ModelSchema>> = {
  V1Pod: {
    fields: {
      apiVersion: 'str',
      kind: 'str',
      metadata: { model: 'V1ObjectMeta' },
      spec: { model: 'V1PodSpec' },
      status: 'model',
    },
    required: [],
    attr: snake,
  },
  V1ObjectMeta: {
    fields: {
      annotations: 'dict-str',
      clusterName: 'str',
      creationTimestamp: 'datetime',
      deletionGracePeriodSeconds: 'int',
      deletionTimestamp: 'datetime',
      finalizers: 'list-str',
      generateName: 'str',
      generation: 'int',
      labels: 'dict-str',
      managedFields: 'list-model',
      name: 'str',
      namespace: 'str',
      ownerReferences: 'list-model',
      resourceVersion: 'str',
      selfLink: 'str',
      uid: 'str',
    },
    required: [],
    attr: snake,
  },
  V1PodSpec: {
    fields: {
      activeDeadlineSeconds: 'int',
      affinity: 'model',
      automountServiceAccountToken: 'bool',
      containers: { listOf: 'V1Container' },
      dnsConfig: 'model',
      dnsPolicy: 'str',
      enableServiceLinks: 'bool',
      ephemeralContainers: 'list-model',
      hostAliases: 'list-model',
      hostIPC: 'bool',
      hostNetwork: 'bool',
      hostPID: 'bool',
      hostname: 'str',
      imagePullSecrets: 'list-model',
      initContainers: { listOf: 'V1Container' },
      nodeName: 'str',
      nodeSelector: 'dict-str',
      overhead: 'dict-str',
      preemptionPolicy: 'str',
      priority: 'int',
      priorityClassName: 'str',
      readinessGates: 'list-model',
      restartPolicy: 'str',
      runtimeClassName: 'str',
      schedulerName: 'str',
      securityContext: 'model',
      serviceAccount: 'str',
      serviceAccountName: 'str',
      setHostnameAsFQDN: 'bool',
      shareProcessNamespace: 'bool',
      subdomain: 'str',
      terminationGracePeriodSeconds: 'int',
      tolerations: 'list-model',
      topologySpreadConstraints: 'list-model',
      volumes: 'list-model',
    },
    required: ['containers'],
    attr: (n) =>
      ({ hostIPC: 'host_ipc', hostPID: 'host_pid', setHostnameAsFQDN: 'set_hostname_as_fqdn' })[n] ?? snake(n),
  },
  V1Container: {
    fields: {
      args: 'list-str',
      command: 'list-str',
      env: 'list-model',
      envFrom: 'list-model',
      image: 'str',
      imagePullPolicy: 'str',
      lifecycle: 'model',
      livenessProbe: 'model',
      name: 'str',
      ports: 'list-model',
      readinessProbe: 'model',
      resources: 'model',
      securityContext: 'model',
      startupProbe: 'model',
      stdin: 'bool',
      stdinOnce: 'bool',
      terminationMessagePath: 'str',
      terminationMessagePolicy: 'str',
      tty: 'bool',
      volumeDevices: 'list-model',
      volumeMounts: 'list-model',
      workingDir: 'str',
    },
    required: ['name'],
    attr: snake,
  },
};

/** True when a field's value is a model object: Python treats it as truthy whatever it holds. */
export function isModelField(model: ModelName, jsonName: string): boolean {
  const kind = K8S_MODELS[model].fields[jsonName];
  return kind === 'model' || (typeof kind === 'object' && 'model' in kind);
}
