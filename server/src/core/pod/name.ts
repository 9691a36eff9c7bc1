// Pod names and label values in DNS-1123 form, exactly as dbnd cleans them (string_utils.clean_job_name +
// dns1123_clean_names.py). Quirks kept on purpose: the postfix is cleaned with an escaped-twice character set
// (so a backslash survives in it), the cut to max_size uses the *raw* postfix length, and the try number is
// appended after cleaning (a long name can end up longer than 253 characters).

export const MAX_SUBDOMAIN_NAME_LENGTH = 253;
export const MAX_LABEL_VALUE_LENGTH = 63;

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

/** Python's re.escape for the characters that can occur here. */
function pyReEscape(chars: string): string {
  return chars.replace(/[\\.\-^$*+?()[\]{}|]/g, '\\$&');
}

/** camel_to_snake: every ASCII capital except at index 0 becomes placeholder + its lower-case form. */
function camelToSnake(value: string, placeholder: string): string {
  return value.replace(/[A-Z]/g, (c, offset: number) => (offset > 0 ? placeholder : '') + c.toLowerCase());
}

/**
 * clean_job_name. `enabled` is the raw enabled_characters argument (e.g. "-."): Python re.escape()s it and puts it
 * inside character classes, so as a set it is exactly the characters of `enabled`.
 */
function cleanJobName(
  value: string,
  enabled: string,
  placeholder: string,
  maxSize: number | undefined,
  postfix: string | undefined,
): string {
  const allowed = escapeClass(Array.from(new Set(enabled)).join(''));
  let out = camelToSnake(value, placeholder);
  out = out.replace(new RegExp(`[^a-z0-9${allowed}]`, 'gu'), placeholder);
  out = out.replace(new RegExp(`([${allowed}])[${allowed}]+`, 'gu'), '$1');
  if (maxSize) {
    const size = postfix ? maxSize - Array.from(postfix).length : maxSize;
    out = sliceCodePoints(out, size);
  }
  if (postfix) {
    // dbnd passes its already escaped text (`\-\.`) as the postfix's enabled characters: a backslash is allowed there.
    out += cleanJobName(postfix, pyReEscape(enabled), placeholder, undefined, undefined);
    out = out.replace(new RegExp(`[${allowed}]+([${allowed}])`, 'gu'), '$1');
  }
  return out;
}

/** Python slicing value[:n] by code points, including negative n. */
function sliceCodePoints(value: string, n: number): string {
  const chars = Array.from(value);
  return chars.slice(0, n < 0 ? Math.max(0, chars.length + n) : n).join('');
}

/** strip_by(lambda c: not c.isalnum(), value). */
function stripNonAlnum(value: string): string {
  const chars = Array.from(value);
  const isAlnum = (c: string) => /^[\p{L}\p{N}]$/u.test(c);
  let start = 0;
  let end = chars.length;
  while (start < end && !isAlnum(chars[start])) start++;
  while (end > start && !isAlnum(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** clean_name_dns1123(value, max_size, postfix). */
export function cleanNameDns1123(value: string, maxSize: number, postfix?: string): string {
  return stripNonAlnum(cleanJobName(value, '-.', '-', maxSize, postfix));
}

/** A label value as dbnd writes it: str() was applied by the caller, then cleaned and cut to 63. */
export function cleanLabelValue(value: string): string {
  return cleanNameDns1123(value, MAX_LABEL_VALUE_LENGTH);
}

export interface PodNameInput {
  readonly taskFamily: string;
  readonly taskName: string;
  readonly taskRunUid: string;
  /** Only the Airflow executor passes one; it becomes a `-<n>` suffix. */
  readonly tryNumber?: number | null;
}

/** create_pod_id + get_pod_name: `dbnd.<family>.<name>` cleaned, `.<uid8>` postfix, then `-<try>`. */
export function podName(input: PodNameInput): string {
  const base = cleanNameDns1123(
    `dbnd.${input.taskFamily}.${input.taskName}`,
    MAX_SUBDOMAIN_NAME_LENGTH,
    '.' + Array.from(input.taskRunUid).slice(0, 8).join(''),
  );
  return input.tryNumber === undefined || input.tryNumber === null ? base : `${base}-${input.tryNumber}`;
}
