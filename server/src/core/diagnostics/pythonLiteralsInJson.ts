// Python literals (`True`, `False`, `None`) inside a JSON value. dbnd reads dicts and lists with hjson, not
// Python (docs/dbnd-rules.md §1.3): on one line `{"a": True}` fails to parse, and across lines hjson quietly
// reads `True` as the *string* "True". Either way the user meant JSON's `true`/`false`/`null`.
import { valueSpanToRange } from '../reader/valuePositions';
import type { Range } from '../text/range';

export const PYTHON_TO_JSON: Readonly<Record<string, string>> = { True: 'true', False: 'false', None: 'null' };

export interface PythonLiteral {
  readonly literal: 'True' | 'False' | 'None';
  readonly json: string;
  /** Offset in the entry's raw value. */
  readonly offset: number;
}

/**
 * Python literals written as bare words in `text` (quoted strings and `#`/`//` comments skipped), with their
 * offsets. A word counts only when it stands alone as a value: `True`, not `TrueColor` or `"True"`.
 */
export function findPythonLiterals(text: string): PythonLiteral[] {
  // A literal is found only where its word is in the text: most JSON values have none, and the scan is slow.
  return text.includes('True') || text.includes('False') || text.includes('None') ? scanPythonLiterals(text) : [];
}

/** findPythonLiterals without the shortcut: every character scanned (the reference its test compares with). */
export function scanPythonLiterals(text: string): PythonLiteral[] {
  const found: PythonLiteral[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i++;
      while (i < text.length && text[i] !== ch && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < text.length && /[\w.\-]/.test(text[i])) i++;
      const word = text.slice(start, i);
      if (word === 'True' || word === 'False' || word === 'None')
        found.push({ literal: word, json: PYTHON_TO_JSON[word], offset: start });
    } else {
      i++;
    }
  }
  return found;
}

/** The literal's range in the document. */
export function literalRange(entry: Parameters<typeof valueSpanToRange>[0], literal: PythonLiteral): Range {
  return valueSpanToRange(entry, literal.offset, literal.offset + literal.literal.length);
}
