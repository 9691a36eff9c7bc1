// A string that does not keep a larger one alive. V8 makes a slice of a long string a view into it, so a key or a
// value sliced from a file's text keeps that whole text in memory for as long as the slice lives; the incremental
// reader reuses nodes across edits (each edit makes a new text), and what it keeps must not pin every version.
// Joining to another string and slicing that copies the characters once into a new string of the slice's size.

/** `s` in memory of its own (the characters copied, not a view into a larger string). */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
