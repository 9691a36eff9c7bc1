// Python's string formatting as dbnd and configparser use it: `str.format` for dbnd's link templates and
// configparser's `'%2d' % lineno` in its error messages.
import { pyRepr } from './str';

/** `str.format(**fields)` with keyword fields only; undefined where Python would raise. */
export function pyStrFormat(template: string, fields: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{') {
      if (template[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const close = template.indexOf('}', i);
      if (close < 0) return undefined;
      const body = template.slice(i + 1, close);
      if (body.includes('{')) return undefined;
      const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(body);
      if (!m) return undefined;
      const [, name, conversion, spec] = m;
      if (!Object.prototype.hasOwnProperty.call(fields, name)) return undefined; // KeyError / IndexError / AttributeError
      let value = fields[name];
      if (conversion === 'r' || conversion === 'a') value = pyRepr(value);
      const formatted = applyStringSpec(value, spec ?? '');
      if (formatted === undefined) return undefined;
      out += formatted;
      i = close + 1;
    } else if (c === '}') {
      if (template[i + 1] !== '}') return undefined; // "Single '}' encountered in format string"
      out += '}';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The format-spec mini-language for str values: [[fill]align][width][.precision]. */
function applyStringSpec(value: string, spec: string): string | undefined {
  if (spec === '') return value;
  const m = /^(?:(.)?([<>^]))?(\d+)?(?:\.(\d+))?s?$/su.exec(spec);
  if (!m) return undefined;
  const [, fill = ' ', align = '<', width, precision] = m;
  let text = precision !== undefined ? Array.from(value).slice(0, Number(precision)).join('') : value;
  const pad = Math.max(0, Number(width ?? 0) - Array.from(text).length);
  if (align === '<') text = text + fill.repeat(pad);
  else if (align === '>') text = fill.repeat(pad) + text;
  else text = fill.repeat(Math.floor(pad / 2)) + text + fill.repeat(pad - Math.floor(pad / 2));
  return text;
}

/** `'%2d' % n`: right-aligned in a field of width 2 (configparser's `[line %2d]`). */
export function pyPercent2d(n: number): string {
  return String(n).padStart(2, ' ');
}
