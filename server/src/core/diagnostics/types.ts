// The core's diagnostic, in editor terms but with no editor dependency. The server maps it 1:1 to an LSP
// Diagnostic; the CLI prints it as `file:line:col: severity code message`.
//
// Every code is listed once here with the payload its quick fixes read (`DiagnosticDataByCode`), so a quick
// fix switches on `diagnostic.code` and gets `diagnostic.data` typed, and a check cannot attach the wrong
// payload to a code. The code strings are stable: users and the tests see them.
import type { Range } from '../text/range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** Payload of every diagnostic that mirrors a configparser error. */
export interface PythonErrorData {
  readonly pythonType: string;
  /** True for the one error Python raises (and dbnd reports) for this file. */
  readonly raisedByDbnd: boolean;
  /** closing-bracket-not-indented: the indentation (in characters) that makes the line part of the value. */
  readonly indentTo?: number;
  /** interpolation-syntax on a lone '%': the one character to replace with '%%'. */
  readonly escapePercent?: Range;
}

/** Payload of an `indented-section-swallowed` diagnostic: what the "dedent" quick fix needs. */
export interface SwallowedSectionData {
  /** Name of the swallowed header. */
  readonly section: string;
  /** The key whose value took it, with the section it is in (null before any header) and its 0-based line. */
  readonly swallowedBy: { readonly section: string | null; readonly key: string; readonly line: number };
  /** Lines to dedent (0-based) and how many leading characters to delete on each. */
  readonly dedent: readonly { readonly line: number; readonly characters: number }[];
}

/** Replace the diagnostic's range (a value, or a word in it) with `replaceWith`. */
export interface ReplaceValueFixData {
  readonly replaceWith: string;
}

/** Rename the key at the diagnostic's range to `replaceKeyWith`. */
export interface ReplaceKeyFixData {
  readonly replaceKeyWith: string;
}

/** Add `addKey = ` to the section at the diagnostic's range. */
export interface AddKeyFixData {
  readonly addKey: string;
}

/** A Python literal (`None`, `True`, `'x'`) in a JSON value and its JSON spelling. */
export interface PythonLiteralFixData {
  readonly literal: string;
  readonly replaceWith: string;
}

/** A key dbnd reads from another section now: where it moved. */
export interface LegacyKeyFixData {
  readonly moveTo: { readonly section: string; readonly key: string };
}

/** A quoted scalar and the value without its quotes. */
export interface QuotedValueFixData {
  readonly unquoted: string;
}

/** The `pod_error_cfg_source_dict` reason whose `retry_delay` dbnd ignores. */
export interface RetryDelayFixData {
  readonly reason: string;
}

/** A config file dbnd never reads where it is: the path it belongs at (the "move it" quick fix). */
export interface MoveFileFixData {
  readonly moveTo: string;
}

/**
 * Every diagnostic code, with the type of its `data`. `undefined` in the type: the diagnostic may come without
 * a payload (no suggestion found); a code mapped to `undefined` alone never carries one.
 */
export interface DiagnosticDataByCode {
  // configparser errors: dbnd refuses the whole file (syntaxDiagnostics).
  'missing-section-header': PythonErrorData;
  'invalid-line': PythonErrorData;
  'empty-key': PythonErrorData;
  'closing-bracket-not-indented': PythonErrorData;
  'duplicate-section': PythonErrorData;
  'duplicate-key': PythonErrorData;
  'interpolation-syntax': PythonErrorData;
  'interpolation-missing-option': PythonErrorData;
  'interpolation-depth': PythonErrorData;
  'indented-section-swallowed': SwallowedSectionData;
  // The file's bytes are not UTF-8: dbnd cannot read it (the CLI decodes files; reader/decodeUtf8).
  'not-utf8': undefined;
  // The file is larger than any dbnd config file: the tools refuse it unread (fileReadProblems).
  'unreadable-file': undefined;
  // Classes and sections (lintFiles, unresolvedClasses, engineReferences).
  'from-cycle': undefined;
  'from-chain-too-deep': undefined;
  'unknown-type': ReplaceValueFixData | undefined;
  'unmodelled-class': undefined;
  'missing-required-key': AddKeyFixData;
  'unknown-engine': ReplaceValueFixData | undefined;
  'not-an-engine': undefined;
  // Keys and values (valueDiagnostics, legacyKeys).
  'unknown-key': ReplaceKeyFixData | undefined;
  'obsolete-key': ReplaceKeyFixData | undefined;
  'unused-key': undefined;
  'deprecated-key': undefined;
  'legacy-key': LegacyKeyFixData | undefined;
  'invalid-value': ReplaceValueFixData | undefined;
  'empty-value': undefined;
  // dbnd's pitfalls in values (pitfallDiagnostics and its checks).
  'invalid-json': undefined;
  'python-literal-in-json': PythonLiteralFixData;
  'quoted-value': QuotedValueFixData | undefined;
  'stringified-pod-field': undefined;
  'unquoted-pod-value': undefined;
  'invalid-quantity': undefined;
  'invalid-metadata-key': undefined;
  'registry-port-in-repository': undefined;
  'invalid-secret-type': ReplaceValueFixData | undefined;
  'secret-key-without-target': undefined;
  'unknown-pod-failure-reason': ReplaceValueFixData | undefined;
  'retry-delay-ignored': RetryDelayFixData;
  'missing-retry-count': undefined;
  // The project's verdict (core/run/verdict.ts): a failure of the selected env's run no other error reports at
  // its cause, and a databand-system.cfg dbnd never reads.
  'run-failure': undefined;
  'misplaced-system-file': MoveFileFixData;
}

export type DiagnosticCode = keyof DiagnosticDataByCode;

/** Every code at run time (a quick-fix request brings the code back from the editor as plain text). */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = Object.keys({
  'missing-section-header': true,
  'invalid-line': true,
  'empty-key': true,
  'closing-bracket-not-indented': true,
  'duplicate-section': true,
  'duplicate-key': true,
  'interpolation-syntax': true,
  'interpolation-missing-option': true,
  'interpolation-depth': true,
  'indented-section-swallowed': true,
  'not-utf8': true,
  'unreadable-file': true,
  'from-cycle': true,
  'from-chain-too-deep': true,
  'unknown-type': true,
  'unmodelled-class': true,
  'missing-required-key': true,
  'unknown-engine': true,
  'not-an-engine': true,
  'unknown-key': true,
  'obsolete-key': true,
  'unused-key': true,
  'deprecated-key': true,
  'legacy-key': true,
  'invalid-value': true,
  'empty-value': true,
  'invalid-json': true,
  'python-literal-in-json': true,
  'quoted-value': true,
  'stringified-pod-field': true,
  'unquoted-pod-value': true,
  'invalid-quantity': true,
  'invalid-metadata-key': true,
  'registry-port-in-repository': true,
  'invalid-secret-type': true,
  'secret-key-without-target': true,
  'unknown-pod-failure-reason': true,
  'retry-delay-ignored': true,
  'missing-retry-count': true,
  'run-failure': true,
  'misplaced-system-file': true,
} satisfies Record<DiagnosticCode, true>) as DiagnosticCode[];

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && (DIAGNOSTIC_CODES as readonly string[]).includes(code);
}

interface DiagnosticFields {
  /** File the diagnostic belongs to (absolute path, or the name given by the caller). */
  readonly path: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** `unnecessary` greys the text out (keys dbnd never reads); `deprecated` strikes it through. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** A diagnostic with code `C`: its `data` is the payload the quick fixes of `C` read. */
export type DiagnosticOf<C extends DiagnosticCode> = DiagnosticFields & {
  /** Stable, documented identifier, e.g. `duplicate-section`; never reworded. */
  readonly code: C;
  /** Machine-readable payload for quick fixes (e.g. the replacement a "did you mean" fix would apply). */
  readonly data?: DiagnosticDataByCode[C];
};

/** Any core diagnostic; `switch (d.code)` narrows `d.data`. */
export type CoreDiagnostic = { [C in DiagnosticCode]: DiagnosticOf<C> }[DiagnosticCode];

/** The answer of a check that found nothing, shared: most entries of a file have no finding, and a cold lint of a
 *  large file would otherwise allocate an empty list per entry per check. Frozen, so no caller can add to it. */
export const NO_DIAGNOSTICS: readonly CoreDiagnostic[] = Object.freeze([]);
