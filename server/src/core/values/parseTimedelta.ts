// dbnd's TimeDeltaValueType: ISO 8601 `PnW` / `PnDTnHnMnS`, else the "simple" form with units in the order
// weeks, days, hours, minutes, seconds. Both regexes are matched as a prefix (re.match), so `12h 1d` silently
// means 12 hours. A zero ISO duration is falsy in Python and falls through to the simple form (and fails).
import { type DbndResult, fail, ok } from '../result';

const ISO =
  /^P(?:(?<weeks>\d+)W|(?:(?<days>\d+)D)?(?:T(?:(?<hours>\d+)H)?(?:(?<minutes>\d+)M)?(?:(?<seconds>\d+)S)?)?)/;
const SIMPLE = new RegExp(
  '^' +
    ['weeks', 'days', 'hours', 'minutes', 'seconds']
      .map((k) => `(?:(?<${k}>\\d+) ?${k[0]}(?:${k.slice(1, -1)})?(?:${k.slice(-1)})? ?)?`)
      .join(''),
);

const SECONDS_PER = [
  ['weeks', 604800],
  ['days', 86400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/**
 * Total seconds of the matched groups, or undefined when no group matched (Python's `any(groups())`: every
 * capturing group of both patterns is one of the named unit groups, so "a unit group matched" is the same test).
 */
function secondsOf(match: RegExpExecArray | null): number | undefined {
  const groups = match?.groups;
  if (!groups) return undefined;
  let total = 0;
  let matched = false;
  for (const [unit, factor] of SECONDS_PER) {
    const digits = groups[unit];
    if (digits) {
      matched = true;
      total += Number(digits) * factor;
    }
  }
  return matched ? total : undefined;
}

/** Parsed as total seconds (the JSON form dbnd's reports use). */
export function parseTimedelta(text: string): DbndResult<number> {
  const iso = secondsOf(ISO.exec(text));
  if (iso) return ok(iso);
  const simple = secondsOf(SIMPLE.exec(text));
  if (simple !== undefined) return ok(simple);
  return fail('ParameterError', `Invalid time delta - could not parse ${text}`);
}
