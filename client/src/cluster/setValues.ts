// The Run Task on Cluster `--set` question's parsing, as `dbnd run --set` takes a value: one argument per entry,
// either SECTION.KEY=VALUE split at the first `=` (the value keeps its spaces, quotes and JSON as typed, e.g.
// `kubernetes.debug_with_command=sleep 3600` or `kubernetes.labels={"team": "a b"}`), or dbnd's JSON form (an
// entry starting with `{`, `[` or `@`). Several values are given one per entry (one input each), never split at
// spaces. No vscode import: unit-tested in Node.

/** Why the entry is not a `--set` value, or undefined when dbnd would take it. */
export function setValueError(entry: string): string | undefined {
  const text = entry.trim();
  if (text === '') return undefined;
  if ('{[@'.includes(text[0])) return undefined; // dbnd's hjson form; dbnd itself reports what it cannot read
  const eq = text.indexOf('=');
  if (eq < 0) return 'A value is SECTION.KEY=VALUE (the value may contain spaces, quotes and JSON)';
  const name = text.slice(0, eq).trim();
  // dbnd splits section from key at the name's last dot; a dot-less name is a root-task parameter, not config.
  if (!/^[^.\s]+(\.[^.\s]+)*\.[^.\s]+$/.test(name)) return `"${name}" is not SECTION.KEY`;
  return undefined;
}

/** The `--set` arguments of the entries: one argument each, as typed (trimmed), empty entries left out. */
export function setArguments(entries: readonly string[]): string[] {
  return entries.map((e) => e.trim()).filter((e) => e !== '');
}
