// Quick fix: did-you-mean for a name in a value — a `_type`/`_from` or `remote_engine`/`local_engine` naming a
// section that does not exist, a secret `type`, a `pod_error_cfg_source_dict` reason; a near-miss bool or enum
// value (`keep_failed_pods = Flase` → `False`).
//
//   [gamma]                             [gamma]
//   _from = calculate_alp     →         _from = calculate_alpha
//
//   secrets = [{"type": "envv", ...}]   →   secrets = [{"type": "env", ...}]
import type { Range } from '../../core/text/range';
import { type QuickFix, fileAction, rangeText } from './codeAction';

type NameFixCode =
  | 'unknown-type'
  | 'unknown-engine'
  | 'unknown-pod-failure-reason'
  | 'invalid-secret-type'
  | 'invalid-value';

/** Which part of the diagnostic's range holds the wrong name. */
const TARGET: Readonly<Record<NameFixCode, 'whole' | 'firstQuoted' | 'lastQuoted'>> = {
  'unknown-type': 'whole',
  'unknown-engine': 'whole',
  'unknown-pod-failure-reason': 'firstQuoted',
  'invalid-secret-type': 'lastQuoted',
  'invalid-value': 'whole',
};

function quotedNames(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/(["'])([^"'\n]*)\1/g)].map((m) => ({
    start: (m.index ?? 0) + 1,
    end: (m.index ?? 0) + 1 + m[2].length,
  }));
}

function nameRange(range: Range, text: string, where: 'whole' | 'firstQuoted' | 'lastQuoted'): Range | undefined {
  if (where === 'whole') return range;
  const names = quotedNames(text);
  const found = where === 'firstQuoted' ? names[0] : names.at(-1);
  if (!found) return undefined;
  const line = range.start.line;
  return {
    start: { line, character: range.start.character + found.start },
    end: { line, character: range.start.character + found.end },
  };
}

export const replaceName: QuickFix = (ctx) => {
  const { diagnostic } = ctx;
  switch (diagnostic.code) {
    case 'unknown-type':
    case 'unknown-engine':
    case 'unknown-pod-failure-reason':
    case 'invalid-secret-type':
    case 'invalid-value':
      break;
    default:
      return undefined;
  }
  const where = TARGET[diagnostic.code];
  const name = diagnostic.data?.replaceWith;
  if (!name || diagnostic.range.start.line !== diagnostic.range.end.line) return undefined;
  const target = nameRange(diagnostic.range, rangeText(ctx.file, diagnostic.range), where);
  return target && fileAction(ctx, `Change to '${name}'`, [{ range: target, newText: name }], true);
};
