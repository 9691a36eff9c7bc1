// Feature: quick fixes. For a range of a file, the fixes of the project's diagnostics there, each a code action
// with its edits. Every fix is one file in this folder, listed here.
import type { Range } from '../../core/text/range';
import type { Analysis } from '../analysis';
import { fileDiagnostics } from '../diagnostics';
import { addMissingKey } from './addMissingKey';
import type { CodeAction, QuickFix } from './codeAction';
import { dedentSwallowedSection } from './dedentSwallowedSection';
import { dropRetryDelay } from './dropRetryDelay';
import { escapePercent } from './escapePercent';
import { indentClosingBracket } from './indentClosingBracket';
import { moveLegacyKey } from './moveLegacyKey';
import { pythonLiteralToJson } from './pythonLiteralToJson';
import { removeQuotes } from './removeQuotes';
import { replaceKey } from './replaceKey';
import { replaceName } from './replaceName';

export type { CodeAction } from './codeAction';

const QUICK_FIXES: readonly QuickFix[] = [
  replaceKey,
  replaceName,
  escapePercent,
  dedentSwallowedSection,
  indentClosingBracket,
  pythonLiteralToJson,
  moveLegacyKey,
  addMissingKey,
  dropRetryDelay,
  removeQuotes,
];

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActions(analysis: Analysis, uri: string, range: Range): CodeAction[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  const out: CodeAction[] = [];
  for (const diagnostic of fileDiagnostics(analysis, file.path)) {
    if (!overlaps(diagnostic.range, range)) continue;
    for (const fix of QUICK_FIXES) {
      const action = fix({ analysis, file, diagnostic });
      if (action) out.push(action);
    }
  }
  return out;
}
