// The Airflow "live logs" sidecar (request_factory.py, docs/dbnd-rules.md §3.9), applied to the serialized
// request just before it is sent: two emptyDir volumes, their mounts in `base`, the hostname env var, and a
// `log-sidecar` container that serves the log folder until the trap file appears.
import type { EngineValues } from './types';
import { type DbndResult, fail, ok } from '../result';
import type { Json, JsonObject } from '../json';
import { pyDirname, pyInt, pyStr, pyTruthy } from '../python';

const AIRFLOW_LOG_MOUNT_NAME = 'airflow-logs';

/** The sidecar's script, with dbnd's own indentation (it is a Python triple-quoted string, not dedented). */
function serveLogsScript(trapFile: string): string {
  const indent = ' '.repeat(16);
  return [
    'airflow serve_logs &',
    `${indent}CHILD_PID=$!`,
    `${indent}(while true ; do if [[ -f "${trapFile}" ]]; then kill $CHILD_PID; fi; sleep 1; done) &`,
    `${indent}wait $CHILD_PID`,
    `${indent}if [[ -f "${trapFile}" ]]; then exit 0; fi`,
  ].join('\n');
}

/** DbndPodRequestFactory.attach_logs_container: mutates the request, as dbnd does. */
export function attachLiveLogs(engine: EngineValues, req: JsonObject, logWarnings: string[]): DbndResult<void> {
  if (!pyTruthy(engine.airflow_log_enabled)) return ok(undefined);
  const trapFile = engine.trap_exit_file_flag ?? null;
  if (trapFile === null) {
    logWarnings.push(
      "Can't use live log feature without trap exit file.Please use the configuration `kubernetes.trap_exit_file_flag`",
    );
    return fail('TypeError', 'expected str, bytes or os.PathLike object, not NoneType');
  }
  const trapDir = pyDirname(pyStr(trapFile));
  const spec = req.spec as JsonObject;
  const volumes = ((spec.volumes as Json[] | undefined) ??= []);
  volumes.push({ name: AIRFLOW_LOG_MOUNT_NAME, emptyDir: {} }, { name: 'trap', emptyDir: {} });

  const containers = spec.containers as JsonObject[];
  const base = containers[0];
  const mounts = ((base.volumeMounts as Json[] | undefined) ??= []);
  mounts.push(
    { name: AIRFLOW_LOG_MOUNT_NAME, mountPath: engine.container_airflow_log_path ?? null },
    { name: 'trap', mountPath: trapDir },
  );
  // "airflow-webserver uses the hostname to query the log_sidecar, but only Services get DNS names": use the IP.
  if (pyTruthy(engine.host_as_ip_for_live_logs)) {
    const env = ((base.env as Json[] | undefined) ??= []);
    env.push({ name: 'AIRFLOW__CORE__HOSTNAME_CALLABLE', value: 'airflow.utils.net:get_host_ip_address' });
  }

  const logFolder = engine.airflow_log_folder ?? null;
  const image = pyTruthy(engine.airflow_log_image) ? (engine.airflow_log_image as Json) : (base.image ?? null);
  const logPort = engine.airflow_log_port ?? null;
  const port = pyInt(logPort);
  if (!port.ok) return port;

  const baseEnv = base.env as Json[] | undefined;
  const sidecarEnv: Json[] = baseEnv && baseEnv.length ? [...baseEnv] : [];
  const existing = new Set(
    sidecarEnv.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? (e as JsonObject).name : null)),
  );
  if (!existing.has('AIRFLOW__CORE__BASE_LOG_FOLDER'))
    sidecarEnv.push({ name: 'AIRFLOW__CORE__BASE_LOG_FOLDER', value: logFolder });
  if (!existing.has('AIRFLOW__CELERY__WORKER_LOG_SERVER_PORT')) {
    sidecarEnv.push({ name: 'AIRFLOW__CELERY__WORKER_LOG_SERVER_PORT', value: logPort });
  }
  containers.push({
    name: 'log-sidecar',
    image,
    command: ['/bin/bash', '-c'],
    args: [serveLogsScript(pyStr(trapFile))],
    volumeMounts: [
      { name: AIRFLOW_LOG_MOUNT_NAME, mountPath: logFolder },
      { name: 'trap', mountPath: trapDir },
    ],
    ports: [{ containerPort: port.value }],
    env: sidecarEnv,
  });
  return ok(undefined);
}
