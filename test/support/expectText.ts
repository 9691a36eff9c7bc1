// Expected multi-line text written inline in the test, indented with the code around it:
//
//   assertText(render(x), `
//     [kubernetes]
//     namespace = prod
//   `);
//
// The first and last lines (empty, they only hold the backticks) are dropped and the common indentation removed.
import assert from 'node:assert/strict';

export function dedent(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n') + '\n';
}

/**
 * `actual` equals the dedented `expected`. Trailing spaces count; on failure the message shows both texts line by
 * line with visible line ends, so a whitespace difference is not invisible.
 */
export function assertText(actual: string, expected: string, message?: string): void {
  const want = dedent(expected);
  if (actual === want) return;
  const show = (t: string) =>
    t
      .split('\n')
      .map((l) => `  |${l}⏎`)
      .join('\n');
  assert.fail(`${message ? `${message}\n` : ''}text differs\nactual:\n${show(actual)}\nexpected:\n${show(want)}`);
}
