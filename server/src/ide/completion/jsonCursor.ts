// Where a cursor is inside a JSON value that is still being typed (`{"255": {"retry_c|`): inside a string or
// not, in key or value position, the keys of the enclosing objects. A forgiving scan, not a parser: the text
// is incomplete by nature.

export interface JsonCursor {
  /** Open brackets from outermost to innermost. */
  readonly stack: readonly ('{' | '[')[];
  /** Inside a string literal. */
  readonly inString: boolean;
  /** In an object: before the `:` (a key) or after it (a value); in a list or at top level: an element. */
  readonly position: 'key' | 'value' | 'element';
  /** For each open object, the key whose value is being written (the innermost last); '' when none yet. */
  readonly keys: readonly string[];
}

export function jsonCursor(text: string): JsonCursor {
  const stack: ('{' | '[')[] = [];
  const keys: string[] = [];
  const afterColon: boolean[] = [];
  let inString = false;
  let current = '';
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') {
        current += text[++i] ?? '';
      } else if (c === '"') {
        inString = false;
        lastString = current;
      } else current += c;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        current = '';
        break;
      case '{':
        stack.push('{');
        keys.push('');
        afterColon.push(false);
        break;
      case '[':
        stack.push('[');
        break;
      case '}':
        if (stack.at(-1) === '{') {
          stack.pop();
          keys.pop();
          afterColon.pop();
        }
        break;
      case ']':
        if (stack.at(-1) === '[') stack.pop();
        break;
      case ':':
        if (stack.at(-1) === '{') {
          keys[keys.length - 1] = lastString;
          afterColon[afterColon.length - 1] = true;
        }
        break;
      case ',':
        if (stack.at(-1) === '{') afterColon[afterColon.length - 1] = false;
        break;
    }
  }
  const top = stack.at(-1);
  const position = top === '{' ? (afterColon.at(-1) ? 'value' : 'key') : 'element';
  return { stack, inString, position, keys };
}
