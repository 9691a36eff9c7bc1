// Code defaults dbnd computes when its modules are imported, so no literal value exists. The schema writes them
// with placeholders; whoever needs a concrete value (the resolver, the pod renderer) substitutes its own.

/** Folder of dbnd-run's packaged `conf` (docs/conformance.md §3.1); `pod_yaml`'s default lives there. */
export const DBND_RUN_CONF_DIR_PLACEHOLDER = '{{DBND_RUN_CONF_DIR}}';

/** Python's `sys.executable` of the process that runs dbnd (plain `EngineConfig.dbnd_executable`). */
export const SYS_EXECUTABLE_PLACEHOLDER = '{{SYS_EXECUTABLE}}';
