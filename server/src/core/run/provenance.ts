// Where a value comes from, in words a person reads: `project.cfg:12`, `$DBND__K8S__NAMESPACE`, `--set`,
// `package default databand-core.cfg:40`, `code default`. The one formatter behind the CLI's `effective`, the
// editor's hover and the effective-config view, so all of them say the same thing. A file of the project is
// named relative to the project root (DBND_HOME, where `dbnd run` finds the project), a file elsewhere by its
// full path: `.dbnd/databand-system.cfg:12` reads the same in the terminal and in the hover, where it is a link.
import type { ValueOrigin } from '../config/configValue';
import type { ParamValue } from '../resolve/paramValue';

/** Package default files are loaded under these placeholder folders (config/loadConfig.ts). */
const PACKAGE_DEFAULT_PREFIXES = ['{{DBND_LIB_DIR}}/', '{{DBND_RUN_CONF_DIR}}/'];

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `path` relative to `root` when it lies inside it (either separator), else unchanged. */
export function displayPath(path: string, root: string | undefined): string {
  if (!root) return path;
  const base = root.replace(/[\\/]+$/, '');
  if (base === '' || !path.startsWith(base)) return path;
  const rest = path.slice(base.length);
  return /^[\\/]./.test(rest) ? rest.slice(1) : path;
}

/** Whether a file origin is one of dbnd's packaged files (no file of the user's to link to). */
export function isPackageDefault(path: string): boolean {
  return PACKAGE_DEFAULT_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * One place a value was written. `source` is dbnd's source string, used for values dbnd computed itself; `root`
 * is the project root (DBND_HOME) that file paths are shown relative to.
 */
export function originText(origin: ValueOrigin, source = '', root?: string): string {
  switch (origin.kind) {
    case 'file': {
      const line = origin.keyRange.start.line + 1;
      if (isPackageDefault(origin.path)) return `package default ${baseName(origin.path)}:${line}`;
      return `${displayPath(origin.path, root)}:${line}`;
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
export function provenanceTexts(param: ParamValue, root?: string): string[] {
  if (param.origins.length === 0) return ['computed by dbnd'];
  return param.origins.map((o) => originText(o, param.source, root));
}
