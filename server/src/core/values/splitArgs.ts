// The word splitter of dbnd's `k=v k2="v 2"` Dict form: dbnd's vendored copy of Ansible's `split_args`
// (dbnd/_vendor/splitter.py), ported line by line (docs/dbnd-rules.md §1.2). What matters for config values:
// lines are split on "\n" and words on the plain space only (a tab does not separate words), quotes (with `\`
// escapes) and Jinja2 `{{ }}`/`{% %}`/`{# #}` blocks hold words together, a lone `\` word is a line
// continuation, and an unbalanced quote or block raises.
import { type DbndResult, fail, ok } from '../result';
import { pyStrip } from '../python';

/** `_get_quote_state`: the quote still open after `token`, starting with `quoteChar` open. */
function quoteState(token: string, quoteChar: string | null): string | null {
  let open = quoteChar;
  for (let i = 0; i < token.length; i++) {
    const ch = token[i];
    const prev = i > 0 ? token[i - 1] : null;
    if ((ch === '"' || ch === "'") && prev !== '\\') {
      if (open) {
        if (ch === open) open = null;
      } else open = ch;
    }
  }
  return open;
}

function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** `_count_jinja2_blocks`. */
function blockDepth(token: string, depth: number, openToken: string, closeToken: string): number {
  const opened = countOccurrences(token, openToken);
  const closed = countOccurrences(token, closeToken);
  if (opened === closed) return depth;
  return Math.max(0, depth + opened - closed);
}

const BLOCKS: ReadonlyArray<readonly [string, string]> = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
];

/** `split_args(args)`. */
export function splitArgs(args: string): DbndResult<string[]> {
  const params: string[] = [];
  const items = pyStrip(args).split('\n');
  let quoteChar: string | null = null;
  let insideQuotes = false;
  const depths = [0, 0, 0];
  const anyDepth = () => depths.some((d) => d > 0);
  const appendToLast = (text: string) => {
    params[params.length - 1] = (params[params.length - 1] ?? '') + text;
  };

  items.forEach((item, itemIdx) => {
    const tokens = pyStrip(item).split(' ');
    let lineContinuation = false;
    tokens.forEach((token, idx) => {
      if (token === '\\' && !insideQuotes) {
        lineContinuation = true;
        return;
      }
      const wasInsideQuotes = insideQuotes;
      quoteChar = quoteState(token, quoteChar);
      insideQuotes = quoteChar !== null;
      let appended = false;
      if (insideQuotes && !wasInsideQuotes) {
        params.push(token);
        appended = true;
      } else if (anyDepth() || insideQuotes || wasInsideQuotes) {
        if (idx === 0 && !insideQuotes && wasInsideQuotes) appendToLast(token);
        else if (tokens.length > 1) appendToLast((idx > 0 ? ' ' : '') + token);
        else {
          const last = params[params.length - 1] ?? '';
          appendToLast((!last.endsWith('\n') && idx === 0 ? '\n' : '') + token);
        }
        appended = true;
      }
      BLOCKS.forEach(([openToken, closeToken], b) => {
        const before = depths[b];
        depths[b] = blockDepth(token, depths[b], openToken, closeToken);
        if (depths[b] !== before && !appended) {
          params.push(token);
          appended = true;
        }
      });
      if (!anyDepth() && !insideQuotes && !appended && token !== '') params.push(token);
    });
    if (items.length > 1 && itemIdx !== items.length - 1 && !lineContinuation) {
      const last = params[params.length - 1] ?? '';
      if (!last.endsWith('\n') || item === '') appendToLast('\n');
    }
  });

  if (anyDepth() || insideQuotes) {
    return fail('Exception', 'error while splitting arguments, either an unbalanced jinja2 block or quotes');
  }
  return ok(params);
}
