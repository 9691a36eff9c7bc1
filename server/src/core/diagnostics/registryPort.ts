// A `container_repository` with a registry port (`localhost:5000/app`). The driver submission re-splits the
// image `repository:tag` on ":" (docs/dbnd-rules.md §3.1), so such a repository fails with "Received image ...
// is not in image format" whenever the driver is submitted to this engine; task pods created by the Airflow
// executor are not affected, which is why this is a warning here rather than an error.
import type { EntryFacts } from './checkedEntries';
import type { CoreDiagnostic } from './types';

export function registryPortDiagnostics(checked: EntryFacts): CoreDiagnostic[] {
  const { entry, value } = checked;
  if (entry.key !== 'container_repository' || !checked.param || value === undefined) return [];
  const m = /^([^/:]+):(\d+)\//.exec(value);
  if (!m) return [];
  return [
    {
      path: checked.path,
      range: entry.valueRange,
      severity: 'warning',
      code: 'registry-port-in-repository',
      message:
        `The registry port (${m[1]}:${m[2]}) breaks dbnd's driver submission: it splits the image '${value}:<tag>' ` +
        `on ':' and fails with "Received image ... is not in image format". Task pods started by the Airflow ` +
        `executor work. Use a registry name without a port (e.g. a DNS name on port 443), or run with --local-driver.`,
    },
  ];
}
