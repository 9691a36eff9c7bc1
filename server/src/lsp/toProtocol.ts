// Core results → LSP types, 1:1 (rust-analyzer's to_proto). The core already speaks in LSP units (0-based
// lines, UTF-16 characters), so ranges pass through; only enums and file names change shape.
import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Location,
} from 'vscode-languageserver/node';
import type { CompletionEntry, CompletionKind } from '../ide/completion/completionItem';
import type { CoreDiagnostic, RelatedLocation, Severity } from '../core/diagnostics/types';
import type { Range } from '../core/text/range';
import type { DbndFailure, PathRange } from '../ide/dbndRun';
import type { EffectiveObjectView } from '../ide/effectiveConfig';
import type { DbndError, EffectiveObject } from '../../../protocol/customRequests';

/** Source shown next to every diagnostic in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'dbnd';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<NonNullable<CoreDiagnostic['tags']>[number], DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** Copies a range so no core object is shared with the protocol layer. */
export function toRange(range: Range): Diagnostic['range'] {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** The URI of a path the core reports, or undefined when the file has none (dbnd's packaged defaults). */
export type UriOf = (path: string) => string | undefined;

/** A range in a file → an LSP location; nothing when the file has no URI to link to. */
export function toLocation(at: PathRange | undefined, uriOf: UriOf): Location | undefined {
  const uri = at && uriOf(at.path);
  return at && uri ? { uri, range: toRange(at.range) } : undefined;
}

export function toDbndError(failure: DbndFailure, uriOf: UriOf): DbndError {
  const location = toLocation(failure.location, uriOf);
  return {
    stage: failure.stage,
    type: failure.type,
    message: failure.message,
    nested: failure.nested.map((n) => ({ type: n.type, message: n.message })),
    ...(location ? { location } : {}),
  };
}

export function toEffectiveObject(obj: EffectiveObjectView, uriOf: UriOf): EffectiveObject {
  return {
    role: obj.role,
    name: obj.name,
    className: obj.className,
    classPath: obj.classPath,
    sections: [...obj.sections],
    params: obj.params.map((p) => ({
      name: p.name,
      type: p.type,
      value: p.value,
      source: p.source,
      from: p.from.map((f) => {
        const location = toLocation(f.location, uriOf);
        return { text: f.text, ...(location ? { location } : {}) };
      }),
      system: p.system,
    })),
  };
}

/** `uriOf` turns a core file path into the URI the client knows that file by. */
export function toDiagnostic(diagnostic: CoreDiagnostic, uriOf: (path: string) => string): Diagnostic {
  const result: Diagnostic = {
    range: toRange(diagnostic.range),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.related?.length) result.relatedInformation = diagnostic.related.map((r) => toRelated(r, uriOf));
  if (diagnostic.tags?.length) result.tags = diagnostic.tags.map((t) => TAGS[t]);
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  return result;
}

function toRelated(related: RelatedLocation, uriOf: (path: string) => string): DiagnosticRelatedInformation {
  return { location: { uri: uriOf(related.path), range: toRange(related.range) }, message: related.message };
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
};

/** VS Code's command that opens the completion list at the cursor (other clients ignore a command they lack). */
const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function toCompletionItem(entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    textEdit: { range: toRange(entry.replace), newText: entry.insertText ?? entry.label },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (entry.sortText) item.sortText = entry.sortText;
  // The range may start before the typed word (e.g. after `[`): filter on the label, not the replaced text.
  item.filterText = entry.label;
  if (entry.reopen) item.command = TRIGGER_SUGGEST;
  return item;
}
