// A run's objects as JSON, in the snake_case shape of the conformance report (parameters with type, value and
// dbnd's source string). The CLI's `effective` prints the same shape, with `defined_at` added for people.
import type { Json } from '../json';
import type { ConfigObject } from '../resolve/buildConfigObject';
import type { UnknownKeyWarning } from '../resolve/unknownKeys';
import { provenanceTexts } from './provenance';
import type { RunFailure, RunSettingsSummary } from './result';

/**
 * `provenance` adds `defined_at`: where each value was written, as provenanceTexts words it (file paths relative
 * to `root`, the project's DBND_HOME).
 */
export function configObjectJson(obj: ConfigObject, provenance?: { readonly root?: string }): Json {
  const params: Record<string, Json> = {};
  for (const [name, p] of obj.params) {
    params[name] = {
      type: p.type,
      value: p.value,
      source: p.source,
      ...(p.system ? { system: true } : {}),
      ...(provenance ? { defined_at: provenanceTexts(p, provenance.root) } : {}),
    };
  }
  return {
    name: obj.name,
    class: obj.cls.className,
    class_path: obj.cls.classPath,
    task_family: obj.cls.family,
    sections: [...obj.sections],
    params,
  };
}

export function warningJson(w: UnknownKeyWarning): Json {
  return {
    object: w.object,
    kind: w.kind,
    class: w.className,
    level: w.level,
    section: w.section,
    key: w.key,
    source: w.source,
    message: w.message,
  };
}

export function failureJson(failure: RunFailure | null): Json {
  if (!failure) return null;
  const { stage, error } = failure;
  return {
    stage,
    type: error.type,
    message: error.message,
    ...(error.nested ? { nested: error.nested.map((n) => ({ type: n.type, message: n.message })) } : {}),
  };
}

export function settingsJson(s: RunSettingsSummary | null): Json {
  if (!s) return null;
  return {
    env: s.envName,
    engine: s.engineName,
    remote_engine: s.remoteEngine,
    local_engine: s.localEngine,
    submit_driver: s.submitDriver,
    submit_tasks: s.submitTasks,
    interactive: s.interactive,
  };
}
