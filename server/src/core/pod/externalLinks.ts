// The links dbnd registers on the task run: `dashboard_url` and `pod_log_url` are Python str.format templates
// with {namespace}, {pod} (and {timestamp}). A template Python cannot format is logged by dbnd and gives no link.
import { EngineValues } from './types';
import type { Json } from '../json';
import { pyStr, pyStrFormat, pyTruthy } from '../python';

export function buildExternalLinks(
  engine: EngineValues,
  namespace: Json,
  pod: Json,
  now: string,
): Record<string, string> {
  const links: Record<string, string> = {};
  const fields = { namespace: pyStr(namespace), pod: pyStr(pod) };
  const dashboard = engine.dashboard_url ?? null;
  if (typeof dashboard === 'string' && pyTruthy(dashboard)) {
    const url = pyStrFormat(dashboard, fields);
    if (url) links.k8s_dashboard = url;
  }
  const podLog = engine.pod_log_url ?? null;
  if (typeof podLog === 'string' && pyTruthy(podLog)) {
    const url = pyStrFormat(podLog, { ...fields, timestamp: now });
    if (url) links.pod_log = url;
  }
  return links;
}
