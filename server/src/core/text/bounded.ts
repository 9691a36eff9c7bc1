// Output bounds: a message that echoes a line or a value of the user's file is cut, so a 5 MB bad line or a
// binary file cannot flood a terminal, an editor's problem list or a log. What is cut is said, with its size.

/** The longest text echoed from the user's input in one message. */
export const MAX_ECHOED_CHARS = 2000;

/** `text` cut at `max` characters with `… (N more characters)`; unchanged when short enough. */
export function boundText(text: string, max = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
