// Core results → the custom requests' types (protocol/customRequests.ts): paths become URIs, origins become
// locations, the core's 0-based ranges are already LSP's. Provenance is worded by the core's one formatter.
import type { Location } from 'vscode-languageserver/node';
import type { ValueOrigin } from '../../core/config/configValue';
import type { ConfigObject } from '../../core/resolve/buildConfigObject';
import { originText, type RunFailure } from '../../core/run';
import type { CfgDocument } from '../../core/reader';
import type { DbndError, EffectiveObject } from '../../../../protocol/customRequests';

export type UriOf = (path: string) => string | undefined;

function originLocation(origin: ValueOrigin | undefined, uriOf: UriOf): Location | undefined {
  if (origin?.kind !== 'file') return undefined;
  const uri = uriOf(origin.path);
  return uri ? { uri, range: { start: origin.keyRange.start, end: origin.valueRange.end } } : undefined;
}

/** A load failure names the file and the 1-based line configparser stopped at (null for interpolation errors). */
function loadLocation(error: RunFailure['error'], uriOf: UriOf): Location | undefined {
  const file = (error as { file?: { path: string } }).file;
  const line = (error.nested?.[0] as { line?: number | null } | undefined)?.line;
  const uri = file && uriOf(file.path);
  if (!uri || typeof line !== 'number') return undefined;
  return { uri, range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } } };
}

export function toDbndError({ stage, error }: RunFailure, uriOf: UriOf): DbndError {
  const location = stage === 'load' ? loadLocation(error, uriOf) : originLocation(error.origin, uriOf);
  return {
    stage,
    type: error.type,
    message: error.message,
    nested: (error.nested ?? []).map((n) => ({ type: n.type, message: n.message })),
    ...(location ? { location } : {}),
  };
}

export function toEffectiveObject(role: EffectiveObject['role'], obj: ConfigObject, uriOf: UriOf): EffectiveObject {
  return {
    role,
    name: obj.name,
    className: obj.cls.className,
    classPath: obj.cls.classPath,
    sections: [...obj.sections],
    params: [...obj.params.values()].map((p) => ({
      name: p.name,
      type: p.type,
      value: p.value,
      source: p.source,
      from: (p.origins.length > 0 ? p.origins : [undefined]).map((o) => {
        const location = originLocation(o, uriOf);
        return { text: o ? originText(o, p.source) : 'computed by dbnd', ...(location ? { location } : {}) };
      }),
      system: p.system === true,
    })),
  };
}

/** The header of section `name` in the last file that declares it (the one whose keys win), dbnd's case rules. */
export function sectionLocation(
  files: readonly { path: string; doc: CfgDocument }[],
  name: string,
  uriOf: UriOf,
): Location | undefined {
  for (const file of [...files].reverse()) {
    const section = file.doc.sections.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const uri = section && uriOf(file.path);
    if (section && uri) return { uri, range: section.headerRange };
  }
  return undefined;
}
