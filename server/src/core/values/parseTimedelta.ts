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

const SECONDS_PER = { weeks: 604800, days: 86400, hours: 3600, minutes: 60, seconds: 1 } as const;

/** Total seconds of the matched groups, or undefined when no group matched (Python's `any(groups())`). */
function secondsOf(match: RegExpExecArray | null): number | undefined {
  if (!match || !match.slice(1).some((g) => g)) return undefined;
  let total = 0;
  for (const [unit, factor] of Object.entries(SECONDS_PER)) {
    const digits = match.groups?.[unit];
    if (digits) total += Number(digits) * factor;
  }
  return total;
}

/** Parsed as total seconds (the JSON form dbnd's reports use). */
export function parseTimedelta(text: string): DbndResult<number> {
  const iso = secondsOf(ISO.exec(text));
  if (iso) return ok(iso);
  const simple = secondsOf(SIMPLE.exec(text));
  if (simple !== undefined) return ok(simple);
  return fail('ParameterError', `Invalid time delta - could not parse ${text}`);
}
