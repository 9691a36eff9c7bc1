// Bytes of a config file to text as dbnd reads them: Python's `open()` in the UTF-8 locale, strict. An invalid
// byte makes dbnd fail to read the file (UnicodeDecodeError, wrapped by dbnd in DatabandConfigError), so it is
// an error here too, never a silent U+FFFD. A byte order mark is kept as the character U+FEFF, as Python's
// `utf-8` codec (unlike `utf-8-sig`) keeps it; the reader then sees it at the start of line 1.

/** Python's TextIOWrapper decodes 8192-byte chunks; the error's position counts from the chunk's start. */
const PYTHON_READ_CHUNK = 8192;

export interface Utf8DecodeError {
  readonly type: 'UnicodeDecodeError';
  /** Python's text: `'utf-8' codec can't decode byte 0xff in position 12: invalid start byte`. */
  readonly message: string;
  /** Offset of the first bad byte in the file, and its 0-based line (the lines before it decode fine). */
  readonly offset: number;
  readonly line: number;
}

export type Utf8DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: Utf8DecodeError };

/** How many bytes follow a lead byte, and the allowed range of the first of them (CPython's decoder table). */
function sequence(lead: number): { readonly length: number; readonly low: number; readonly high: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 3, low: 0x80, high: 0x8f };
  return null;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** The first invalid sequence: its start, how many bytes Python names, and its reason (exported for the test
 *  that holds the native decoder's verdict to it). */
export function firstInvalid(bytes: Uint8Array): { start: number; end: number; reason: string } | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const seq = sequence(lead);
    if (!seq) return { start: i, end: i + 1, reason: 'invalid start byte' };
    let j = 1;
    for (; j <= seq.length; j++) {
      if (i + j >= bytes.length) return { start: i, end: i + j, reason: 'unexpected end of data' };
      const b = bytes[i + j];
      const [low, high] = j === 1 ? [seq.low, seq.high] : [0x80, 0xbf];
      if (b < low || b > high) return { start: i, end: i + j, reason: 'invalid continuation byte' };
    }
    i += j;
  }
  return null;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    // Universal newlines: \r\n, \r and \n each end a line.
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Strict: WHATWG's UTF-8 decoder rejects exactly the sequences CPython's strict `utf-8` codec rejects (bad lead
 *  and continuation bytes, overlong forms, surrogates, code points past U+10FFFF). */
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Utf8DecodeResult {
  // The native decoder answers a valid file (nearly all) in one pass; the scan below finds where and why one fails.
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    // not UTF-8: firstInvalid names the place as Python does
  }
  const bad = firstInvalid(bytes);
  if (!bad) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  // A sequence cut by a chunk boundary is carried into the next chunk and starts it.
  const chunkStart = Math.floor((bad.end - 1) / PYTHON_READ_CHUNK) * PYTHON_READ_CHUNK;
  const start = Math.max(0, bad.start - chunkStart);
  const end = start + (bad.end - bad.start) - 1;
  const where =
    end > start ? `bytes in position ${start}-${end}` : `byte ${hex(bytes[bad.start])} in position ${start}`;
  return {
    ok: false,
    error: {
      type: 'UnicodeDecodeError',
      message: `'utf-8' codec can't decode ${where}: ${bad.reason}`,
      offset: bad.start,
      line: lineOf(bytes, bad.start),
    },
  };
}
