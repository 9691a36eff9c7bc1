// CPython's textwrap.dedent, which dbnd applies to the trap script it wraps around the container command.

/** textwrap.dedent (CPython 3.11): whitespace-only lines are emptied, then the common margin is removed. */
export function pyDedent(text: string): string {
  const lines = text.split('\n').map((line) => (/^[ \t]+$/.test(line) ? '' : line));
  let margin: string | undefined;
  for (const line of lines) {
    const m = /^([ \t]*)[^ \t]/.exec(line);
    if (!m) continue;
    const indent = m[1];
    if (margin === undefined || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const cut = margin ?? '';
  return lines.map((line) => (cut && line.startsWith(cut) ? line.slice(cut.length) : line)).join('\n');
}
