// CPython's subprocess.list2cmdline and shlex.split (posix mode), ported exactly. dbnd joins the driver
// arguments with the first and the pod splits them with the second; the two do not agree on backslashes
// (list2cmdline keeps `C:\data` as is, shlex then eats the backslashes), and the pod shows that.
import { type DbndResult, fail, ok } from '../result';

/** subprocess.list2cmdline: MS C runtime quoting rules. */
export function pyList2cmdline(args: readonly string[]): string {
  const result: string[] = [];
  for (const arg of args) {
    let backslashes = 0;
    if (result.length) result.push(' ');
    const needQuote = arg.includes(' ') || arg.includes('\t') || arg.length === 0;
    if (needQuote) result.push('"');
    for (const c of arg) {
      if (c === '\\') {
        backslashes++;
      } else if (c === '"') {
        result.push('\\'.repeat(backslashes * 2), '\\"');
        backslashes = 0;
      } else {
        if (backslashes) result.push('\\'.repeat(backslashes));
        backslashes = 0;
        result.push(c);
      }
    }
    if (backslashes) result.push('\\'.repeat(backslashes));
    if (needQuote) {
      result.push('\\'.repeat(backslashes));
      result.push('"');
    }
  }
  return result.join('');
}

const WHITESPACE = ' \t\r\n';
const QUOTES = '\'"';
const ESCAPE = '\\';
const ESCAPED_QUOTES = '"';

/** shlex.split(s): posix=True, whitespace_split=True, no comments; the state machine of shlex.read_token. */
export function pyShlexSplit(s: string): DbndResult<string[]> {
  const chars = Array.from(s);
  let pos = 0;
  const tokens: string[] = [];
  for (;;) {
    let state: string | null = ' ';
    let token = '';
    let quoted = false;
    let escapedState = ' ';
    for (;;) {
      const next = pos < chars.length ? chars[pos++] : '';
      if (state === ' ') {
        if (!next) {
          state = null;
          break;
        } else if (WHITESPACE.includes(next)) {
          if (token || quoted) break;
          continue;
        } else if (ESCAPE.includes(next)) {
          escapedState = 'a';
          state = next;
        } else if (QUOTES.includes(next)) {
          state = next;
        } else {
          token = next;
          state = 'a';
        }
      } else if (QUOTES.includes(state)) {
        quoted = true;
        if (!next) return fail('ValueError', 'No closing quotation');
        if (next === state) {
          state = 'a';
        } else if (ESCAPE.includes(next) && ESCAPED_QUOTES.includes(state)) {
          escapedState = state;
          state = next;
        } else {
          token += next;
        }
      } else if (ESCAPE.includes(state)) {
        if (!next) return fail('ValueError', 'No escaped character');
        // Inside quotes only the quote itself or the escape character may be escaped.
        if (QUOTES.includes(escapedState) && next !== state && next !== escapedState) token += state;
        token += next;
        state = escapedState;
      } else {
        // state 'a': inside a word
        if (!next) {
          state = null;
          break;
        } else if (WHITESPACE.includes(next)) {
          state = ' ';
          if (token || quoted) break;
          continue;
        } else if (QUOTES.includes(next)) {
          state = next;
        } else if (ESCAPE.includes(next)) {
          escapedState = 'a';
          state = next;
        } else {
          token += next;
        }
      }
    }
    if (!quoted && token === '') return ok(tokens);
    tokens.push(token);
    if (state === null) return ok(tokens);
  }
}
