// The extension's snippets (snippets/dbnd-cfg.json, documented in the README), offered by the server only where
// they fit: a section snippet on a line of its own or after `[`, a key snippet on a new line of a section whose
// class has that key, a secret item inside a `secrets` list. VS Code's own snippet provider would offer every
// snippet after any space, so in a value too (`key = |`, where accepting a key opens the value list); the
// server does instead, and the manifest contributes no snippets.
import snippetFile from '../../../../snippets/dbnd-cfg.json';
import type { CompletionEntry } from './completionItem';
import type { CursorContext } from './cursorContext';

interface Snippet {
  readonly prefix: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  /** `section`: starts with a header; `key`: starts with `key = ` (that key); `item`: an element of `secrets`. */
  readonly place: 'section' | 'key' | 'item';
  readonly key?: string;
}

const SNIPPETS: readonly Snippet[] = Object.entries(
  snippetFile as Record<string, { prefix: string | string[]; description: string; body: string[] }>,
).flatMap(([name, s]) => {
  const body = s.body.join('\n');
  const key = /^(\w+) = /.exec(body)?.[1];
  const place = body.startsWith('[') ? 'section' : key ? 'key' : 'item';
  const prefixes = typeof s.prefix === 'string' ? [s.prefix] : s.prefix;
  return prefixes.map((prefix) => ({ prefix, name, description: s.description, body, place, key }) as const);
});

function entry(s: Snippet, replace: CompletionEntry['replace']): CompletionEntry {
  return {
    label: s.prefix,
    kind: 'snippet',
    detail: s.name,
    documentation: `${s.description}\n\n\`\`\`dbnd-cfg\n${s.body.replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}|\$\d+/g, '$1')}\n\`\`\``,
    insertText: s.body,
    snippet: true,
    replace,
    // After the keys and values: a snippet is the longer way to the same text.
    sortText: `9${s.prefix}`,
  };
}

/** Snippets for a line that holds only the word being typed; `keys` are the keys the section may still take. */
export function lineSnippets(
  ctx: Extract<CursorContext, { kind: 'key' }>,
  keys: ReadonlySet<string>,
): CompletionEntry[] {
  if (ctx.entry !== null) return [];
  return SNIPPETS.filter(
    (s) => (s.place === 'section' && !s.prefix.startsWith('[')) || (s.place === 'key' && keys.has(s.key!)),
  ).map((s) => entry(s, ctx.replace));
}

/** Section snippets whose prefix starts with `[`, replacing the `[` typed and the `]` VS Code closed it with. */
export function headerSnippets(ctx: Extract<CursorContext, { kind: 'header' }>, closed: boolean): CompletionEntry[] {
  const { start, end } = ctx.replace;
  const replace = {
    start: { line: start.line, character: start.character - 1 },
    end: { line: end.line, character: end.character + (closed ? 1 : 0) },
  };
  return SNIPPETS.filter((s) => s.place === 'section' && s.prefix.startsWith('[')).map((s) => entry(s, replace));
}

/** The secret item snippets, for an element of the `secrets` list. */
export function valueSnippets(ctx: Extract<CursorContext, { kind: 'value' }>): CompletionEntry[] {
  const { stack, inString } = ctx.json;
  if (ctx.entry.key !== 'secrets' || stack.length !== 1 || stack[0] !== '[' || inString) return [];
  return SNIPPETS.filter((s) => s.place === 'item').map((s) => entry(s, ctx.replace));
}
