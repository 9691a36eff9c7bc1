// Where a value comes from, in words a person reads: `project.cfg:12`, `$DBND__K8S__NAMESPACE`, `--set`,
// `package default databand-core.cfg:40`, `code default`. The one formatter behind the CLI's `effective`, the
// editor's hover and the effective-config view, so all of them say the same thing.
import type { ValueOrigin } from '../config/configValue';
import type { ParamValue } from '../resolve/paramValue';

/** Package default files are loaded under these placeholder folders (config/loadConfig.ts). */
const PACKAGE_DEFAULT_PREFIXES = ['{{DBND_LIB_DIR}}/', '{{DBND_RUN_CONF_DIR}}/'];

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** One place a value was written. `source` is dbnd's source string, used for values dbnd computed itself. */
export function originText(origin: ValueOrigin, source = ''): string {
  switch (origin.kind) {
    case 'file': {
      const line = origin.keyRange.start.line + 1;
      const isPackageDefault = PACKAGE_DEFAULT_PREFIXES.some((p) => origin.path.startsWith(p));
      return isPackageDefault ? `package default ${baseName(origin.path)}:${line}` : `${origin.path}:${line}`;
    }
    case 'environ':
      return `$${origin.variable}`;
    case 'cli':
      return origin.flag === 'cli' ? 'dbnd run switch default' : origin.flag;
    case 'task_config':
      return source || 'task_config';
    case 'computed':
      if (source.endsWith('[default]')) return 'code default';
      if (source === 'prepare_docker_for_executor') return "dbnd's docker build step";
      if (source.endsWith('[ctor]')) return "dbnd's engine clone";
      return 'computed by dbnd';
  }
}

/** Every place that decided a parameter's value, lowest first (several when `extend` merged values). */
export function provenanceTexts(param: ParamValue): string[] {
  if (param.origins.length === 0) return ['computed by dbnd'];
  return param.origins.map((o) => originText(o, param.source));
}
