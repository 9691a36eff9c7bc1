// The value a bad bool or enum value was most likely meant to be, for the `invalid-value` quick fix: `Flase` →
// `False`, `ture` → `True`, `Warn` → `warn`. Only a near miss gets a suggestion; a value that is far from every
// valid one (`maybe`) gets none, since guessing True or False for it would change what the user meant.
import type { ParamSchema } from '../schema/types';
import { closestName } from './didYouMean';

/** Letters of `a` and `b` are the same, in any order (a transposition such as `Flase`). */
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

function nearBool(text: string): string | undefined {
  const word = text.trim().toLowerCase();
  if (word.length < 3) return undefined; // `on`, `y`: too short to guess from
  for (const [spelling, value] of [
    ['true', 'True'],
    ['false', 'False'],
  ] as const) {
    if (sameLetters(word, spelling)) return value;
  }
  const closest = closestName(word, ['true', 'false']);
  return closest === 'true' ? 'True' : closest === 'false' ? 'False' : undefined;
}

function nearEnum(text: string, members: readonly string[]): string | undefined {
  const word = text.trim();
  return (
    members.find((m) => m.toLowerCase() === word.toLowerCase()) ??
    members.find((m) => sameLetters(m.toLowerCase(), word.toLowerCase())) ??
    closestName(word, members)
  );
}

/** The valid value `text` is a near miss of, for a bool or enum parameter; undefined when there is none. */
export function nearMissValue(text: string, param: Pick<ParamSchema, 'type' | 'enumValues'>): string | undefined {
  if (param.type === 'bool') return nearBool(text);
  if (param.type === 'Enum') return nearEnum(text, param.enumValues ?? []);
  return undefined;
}
