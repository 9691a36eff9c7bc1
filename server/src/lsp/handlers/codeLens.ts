// Feature: `textDocument/codeLens` — above each engine and environment section of a dbnd file, "Show Pod spec"
// and "Show effective config" for it. A section's kind is its class as dbnd resolves it through `_type`/`_from`
// across the project's files; the lenses run the extension's commands with that section as the argument.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { resolveConfigClass } from '../../core/resolve/classResolution';
import type { ServerState } from '../serverState';

/** The client's command ids (client/src/commandIds.ts); the server only names them. */
const SHOW_POD_SPEC = 'databand.showPodSpec';
const SHOW_EFFECTIVE_CONFIG = 'databand.showEffectiveConfig';

export function codeLens(state: ServerState, params: CodeLensParams): CodeLens[] {
  const uri = params.textDocument.uri;
  // The document's analysis: its project with the document in it, as the editor's other features see it.
  const analysis = state.projects.analysisFor(uri);
  const file = analysis.fileByUri(uri);
  const loaded = analysis.load();
  if (!file || !loaded.ok) return [];
  return file.doc.sections.flatMap((section): CodeLens[] => {
    const cls = resolveConfigClass(section.name, loaded.value, analysis.env);
    if (!cls.ok || !cls.value) return [];
    const range = section.headerRange;
    const lens = (title: string, command: string, args: object): CodeLens => ({
      range,
      command: { title, command, arguments: [{ uri, ...args }] },
    });
    if (cls.value.kind === 'env') {
      return [
        lens('Show Pod spec', SHOW_POD_SPEC, { env: section.name, mode: 'driver' }),
        lens('Show effective config', SHOW_EFFECTIVE_CONFIG, { env: section.name }),
      ];
    }
    if (cls.value.kind !== 'engine') return [];
    const config = lens('Show effective config', SHOW_EFFECTIVE_CONFIG, { engine: section.name });
    return cls.value.family === 'kubernetes'
      ? [lens('Show Pod spec', SHOW_POD_SPEC, { engine: section.name, mode: 'driver' }), config]
      : [config];
  });
}
