// The pure part of following a container log across reconnects. The log is requested with `timestamps=true`, so
// every line starts with the kubelet's RFC 3339 timestamp (nanoseconds, trailing zeros trimmed). A resumed request
// can only say `sinceTime` to the second, so it replays the lines of that second: they are dropped by comparing
// full-precision timestamps. Several lines can share one timestamp, so the filter also counts how many lines with
// the last timestamp it has delivered and skips exactly that many of the replay.
// A replay that starts after the last delivered line means the log file was rotated between the two streams. After
// a cut (an error, an outage) the lines between may have been rotated away: that is reported as a gap. After a
// clean end it is not: the kubelet ends a follow when it rotates the file, having read the old file to its end,
// and it rotates at most once per 10 s check, so a resume right after that end reads the file that follows.
// A line is delivered only once its newline has arrived. A fragment left at a cut is held back: if the replay
// brings the whole line (same timestamp) the fragment is dropped; if the replay starts after it, the line's file
// was rotated away and the fragment is joined to the next line, which is flagged.

import { StringDecoder } from 'node:string_decoder';

export interface LogLine {
  readonly text: string;
  /** The kubelet's timestamp, as sent. */
  readonly timestamp: string;
  /** This line was put together from a fragment before a cut and the line after it. */
  readonly joined?: boolean;
}

export type ResumeGap = {
  /** The timestamp of the last line delivered before the cut. */
  readonly after: string;
  /** The first line after the resume. */
  readonly before: string;
};

/** Fixed-width form (9 fraction digits) that compares as a string; null when the text is no RFC 3339 UTC time. */
export function timestampKey(ts: string): string | null {
  if (ts.length === 30 && ts.charCodeAt(19) === 46 && ts.charCodeAt(29) === 90) return ts; // fast path: full nanos + Z
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(ts);
  if (!m) return null;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

/** `sinceTime` for a resume: the second of the last line (the API truncates anyway). */
export function sinceTimeFor(key: string): string {
  return `${key.slice(0, 19)}Z`;
}

interface Parsed {
  readonly key: string | null;
  readonly timestamp: string;
  readonly text: string;
}

/** The kubelet's stamp of a log entry that continues a line: RFC 3339 UTC, nanoseconds, then a space. */
const ENTRY_STAMP = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z) /g;

/**
 * A line that reached containerd in two reads (a program that flushed half a line, or a pipe read that ended
 * inside one) is stored as a partial entry and the entry that ends it, each stamped; the kubelet sends every
 * entry with its stamp and no newline after a partial one, so the line arrives as `ts1 first halfts2 rest`.
 * The inner stamps are taken out, so the line reads as the program wrote it (as `kubectl logs` without
 * --timestamps shows it). Only a stamp in the kubelet's own form (trailing zeros of the fraction trimmed) that is
 * not earlier than the one before it counts: a time a program prints is taken before containerd stamps the line
 * that holds it, so it is earlier.
 */
function withoutEntryStamps(text: string, firstKey: string): string {
  if (text.indexOf('Z ') < 0) return text;
  let last = firstKey;
  return text.replace(ENTRY_STAMP, (stamp: string, ts: string) => {
    const key = timestampKey(ts);
    if (key === null || key < last || /\.\d*0Z$/.test(ts)) return stamp;
    last = key;
    return '';
  });
}

function parse(raw: string): Parsed {
  const sp = raw.indexOf(' ');
  const ts = sp < 0 ? raw : raw.slice(0, sp);
  const key = timestampKey(ts);
  if (key === null) return { key: null, timestamp: '', text: raw };
  return { key, timestamp: ts, text: sp < 0 ? '' : withoutEntryStamps(raw.slice(sp + 1), key) };
}

/** Delivers each line of a log once across any number of streams (one per reconnect). */
export class LogLineFilter {
  private carry = '';
  /** Keeps a UTF-8 character split between two chunks whole. */
  private decoder = new StringDecoder('utf8');
  private lastKey: string | null = null;
  private deliveredAtLast = 0;
  private skipAtLast = 0;
  private fragment: (Parsed & { key: string }) | null = null;
  private resumed = false;
  private sawFirst = true;
  private afterCleanEnd = false;
  private lines = 0;
  private rotationsSeen = 0;

  /** Counts delivered lines. */
  get delivered(): number {
    return this.lines;
  }

  /** Resumes after a clean end whose replay began in a new file (the kubelet rotated the log). */
  get rotations(): number {
    return this.rotationsSeen;
  }

  /** What to pass as sinceTime on the next request (undefined before the first line). */
  sinceTime(): string | undefined {
    const key = this.fragment?.key ?? this.lastKey;
    return key ? sinceTimeFor(key) : undefined;
  }

  /**
   * A new stream starts: after a `cut` (an error or an outage), or after a clean `end` of the previous stream (the
   * kubelet's end of a follow at a rotation, or before the last read once the container has exited).
   */
  startStream(after: 'cut' | 'end' = 'cut'): void {
    this.afterCleanEnd = after === 'end';
    // Bytes of a character cut with the stream belong to a fragment the replay brings again.
    this.decoder = new StringDecoder('utf8');
    if (this.carry !== '') {
      const p = parse(this.carry);
      // Only a fragment with its timestamp can be matched against the replay, and only one of a line not yet
      // delivered matters: a cut inside the replay of delivered lines leaves a fragment of one of those.
      const replayed =
        this.lastKey !== null &&
        p.key !== null &&
        (p.key < this.lastKey || (p.key === this.lastKey && this.skipAtLast > 0));
      if (p.key !== null && !replayed) this.fragment = { ...p, key: p.key };
      this.carry = '';
    }
    this.skipAtLast = this.deliveredAtLast;
    this.resumed = this.lastKey !== null || this.fragment !== null;
    this.sawFirst = false;
  }

  /** Feeds a chunk; returns the complete new lines and the gap, if the replay shows lines were lost. */
  push(chunk: Buffer | string): { lines: LogLine[]; gap: ResumeGap | null } {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const out: LogLine[] = [];
    let gap: ResumeGap | null = null;
    let start = 0;
    let end = text.indexOf('\n');
    if (end >= 0 && this.carry !== '') {
      // Only the first line of a chunk needs the piece the previous chunk ended with.
      gap = this.accept(parse(this.carry + text.slice(0, end)), out) ?? gap;
      this.carry = '';
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    // One pass over the chunk with indexOf: no split array, no per-line concatenation.
    for (; end >= 0; start = end + 1, end = text.indexOf('\n', start))
      gap = this.accept(parse(text.slice(start, end)), out) ?? gap;
    if (start < text.length) this.carry += text.slice(start);
    return { lines: out, gap };
  }

  /** The stream ended and the container has exited: an unterminated last line is complete. */
  finish(): LogLine[] {
    this.carry += this.decoder.end();
    const out: LogLine[] = [];
    if (this.carry !== '') this.accept(parse(this.carry), out);
    else if (this.fragment) this.accept(this.fragment, out, true);
    this.carry = '';
    this.fragment = null;
    return out;
  }

  private accept(p: Parsed, out: LogLine[], isFragment = false): ResumeGap | null {
    let gap: ResumeGap | null = null;
    if (p.key === null) {
      // No timestamp: nothing to dedupe on; deliver as it is.
      out.push({ text: p.text, timestamp: '' });
      this.lines++;
      return null;
    }
    if (!this.sawFirst && !isFragment) {
      this.sawFirst = true;
      const last = this.fragment?.key ?? this.lastKey;
      // The replay starts after our last line: the file was rotated in between (see the top of this file).
      if (this.resumed && last !== null && p.key > last && this.skipAtLast + (this.fragment ? 1 : 0) > 0) {
        if (this.afterCleanEnd) this.rotationsSeen++;
        else gap = { after: (this.fragment ?? { timestamp: this.lastKey as string }).timestamp, before: p.timestamp };
      }
    }
    if (this.lastKey !== null && p.key < this.lastKey) return gap;
    if (p.key === this.lastKey && this.skipAtLast > 0) {
      this.skipAtLast--;
      return gap;
    }
    let text = p.text;
    let joined = false;
    if (this.fragment && !isFragment) {
      if (p.key === this.fragment.key) {
        // The whole line came again: the fragment was only a cut.
      } else if (p.key > this.fragment.key) {
        text = this.fragment.text + text;
        joined = true;
      }
      this.fragment = null;
    }
    if (p.key === this.lastKey) this.deliveredAtLast++;
    else {
      this.lastKey = p.key;
      this.deliveredAtLast = 1;
    }
    this.skipAtLast = 0;
    out.push(joined ? { text, timestamp: p.timestamp, joined } : { text, timestamp: p.timestamp });
    this.lines++;
    return gap;
  }
}
