// The yaml-language-server side of the protocol benchmark: Kubernetes Pods as YAML documents (`---` separated),
// about as many lines as the dbnd config they are compared with, carrying what the config's engine sections
// describe (labels, annotations, affinity, tolerations, node selector, resources, env, secrets as env and
// volumes, volume mounts, a command), so both servers check text of the same size and shape.

function pod(i: number): string {
  return `---
# pod ${i}: team ${i % 17}, pool ${i % 5}
apiVersion: v1
kind: Pod
metadata:
  name: pipeline-${i}
  namespace: team-${i % 17}
  labels:
    team: team-${i % 17}
    cost-center: cc-${i % 11}
    app: pipeline-${i}
  annotations:
    owner: data-eng
    run: nightly
spec:
  serviceAccountName: sa-team-${i % 17}
  restartPolicy: Never
  terminationGracePeriodSeconds: 30
  nodeSelector:
    disktype: ssd
    zone: us-east1-${'bcd'[i % 3]}
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: pool
                operator: In
                values:
                  - etl-${i % 5}
                  - batch
              - key: kubernetes.io/arch
                operator: In
                values:
                  - amd64
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                app: pipeline-${i}
  tolerations:
    - key: dedicated
      operator: Equal
      value: etl
      effect: NoSchedule
    - key: spot
      operator: Exists
      effect: NoExecute
  containers:
    - name: base
      image: gcr.io/acme-${i % 7}/pipeline-${i}:release-${1000 + i}
      imagePullPolicy: IfNotPresent
      command:
        - python
        - -m
        - dbnd
      args:
        - run
        - --env
        - k8s_env_${i}
      env:
        - name: PIPELINE
          value: pipeline-${i}
        - name: STAGE
          value: prod
        - name: LOG_LEVEL
          value: INFO
        - name: AIRFLOW__CORE__SQL_ALCHEMY_CONN
          valueFrom:
            secretKeyRef:
              name: db-${i}
              key: conn
        - name: API_TOKEN
          valueFrom:
            secretKeyRef:
              name: tokens
              key: api
      resources:
        requests:
          memory: ${1 + (i % 8)}Gi
          cpu: ${250 * (1 + (i % 4))}m
        limits:
          memory: ${2 + (i % 8)}Gi
          cpu: "2"
      volumeMounts:
        - name: data
          mountPath: /data
        - name: gcp-sa
          mountPath: /var/secrets/google
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data-${i}
    - name: gcp-sa
      secret:
        secretName: gcp-sa-${i % 4}
`;
}

/** About `targetLines` lines (never fewer) of Pod documents, ending with a newline. */
export function generatePodYaml(targetLines: number): string {
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; lines < targetLines; i++) {
    const block = pod(i);
    parts.push(block);
    lines += block.split('\n').length - 1;
  }
  return parts.join('');
}
