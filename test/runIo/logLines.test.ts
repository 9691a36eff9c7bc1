// The follower's dedupe/resume rules, without a cluster: cuts at every byte, shared timestamps, gaps, joins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogLineFilter, sinceTimeFor, timestampKey } from '../../server/src/runIo/logLines';

/** The kubelet's RFC3339Nano: trailing zeros of the fraction trimmed, no fraction when it is 0. */
function ts(second: number, nanos: number): string {
  const base = new Date(Date.UTC(2026, 10, 28, 22, 0, second)).toISOString().slice(0, 19);
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return frac ? `${base}.${frac}Z` : `${base}Z`;
}

interface Entry {
  readonly ts: string;
  readonly text: string;
}

const render = (entries: readonly Entry[]) => entries.map((e) => `${e.ts} ${e.text}\n`).join('');

/** What the API server sends for sinceTime: every line from that second on (it honours seconds only). */
function replayFrom(entries: readonly Entry[], since: string | undefined): string {
  if (!since) return render(entries);
  const from = timestampKey(since) as string;
  return render(entries.filter((e) => (timestampKey(e.ts) as string) >= from));
}

test('timestamps of any precision compare in time order', () => {
  assert.equal(timestampKey('2026-11-28T22:00:01Z'), '2026-11-28T22:00:01.000000000Z');
  assert.equal(timestampKey('2026-11-28T22:00:01.5Z'), '2026-11-28T22:00:01.500000000Z');
  assert.ok(
    (timestampKey('2026-11-28T22:00:01.5Z') as string) < (timestampKey('2026-11-28T22:00:01.500000001Z') as string),
  );
  assert.equal(timestampKey('not a time'), null);
  assert.equal(sinceTimeFor('2026-11-28T22:00:01.500000000Z'), '2026-11-28T22:00:01Z');
});

test('a line is delivered only when its newline arrives', () => {
  const f = new LogLineFilter();
  assert.deepEqual(f.push(`${ts(1, 5)} hel`).lines, []);
  assert.deepEqual(
    f.push('lo\n').lines.map((l) => l.text),
    ['hello'],
  );
});

test('a cut between lines that share a timestamp resumes with exactly the missing ones', () => {
  const same = ts(1, 100);
  const entries = [
    { ts: ts(1, 50), text: 'a' },
    { ts: same, text: 'b' },
    { ts: same, text: 'c' },
    { ts: same, text: 'd' },
    { ts: ts(2, 0), text: 'e' },
  ];
  const f = new LogLineFilter();
  const full = render(entries);
  const cut = full.indexOf(`${same} c`) + 4; // two lines of the shared timestamp are not complete yet: b is, c is cut
  const got = f.push(full.slice(0, cut)).lines.map((l) => l.text);
  f.startStream();
  assert.equal(f.sinceTime(), '2026-11-28T22:00:01Z');
  const rest = f.push(replayFrom(entries, f.sinceTime()));
  assert.deepEqual([...got, ...rest.lines.map((l) => l.text)], ['a', 'b', 'c', 'd', 'e']);
  assert.equal(rest.gap, null);
});

test('a fragment whose whole line is replayed is dropped, never emitted', () => {
  const entries = [
    { ts: ts(3, 1), text: 'first' },
    { ts: ts(3, 2), text: 'second line' },
  ];
  const f = new LogLineFilter();
  const full = render(entries);
  const out = f.push(full.slice(0, full.length - 5)).lines.map((l) => l.text);
  f.startStream();
  out.push(...f.push(replayFrom(entries, f.sinceTime())).lines.map((l) => l.text));
  assert.deepEqual(out, ['first', 'second line']);
});

test('a resume whose replay starts after the last line reports a gap', () => {
  const f = new LogLineFilter();
  f.push(`${ts(1, 1)} kept\n`);
  f.startStream();
  const r = f.push(`${ts(9, 0)} after rotation\n`);
  assert.deepEqual(
    r.lines.map((l) => l.text),
    ['after rotation'],
  );
  assert.deepEqual(r.gap, { after: ts(1, 1), before: ts(9, 0) });
});

test('after a clean end (the kubelet rotated the log), a replay in the next file is a rotation, not a gap', () => {
  const f = new LogLineFilter();
  f.push(`${ts(1, 1)} last of the old file\n`);
  f.startStream('end');
  const r = f.push(`${ts(1, 2)} first of the new file\n`);
  assert.deepEqual(
    r.lines.map((l) => l.text),
    ['first of the new file'],
  );
  assert.equal(r.gap, null);
  assert.equal(f.rotations, 1);
  // A later cut whose replay skips lines is still a gap.
  f.startStream('cut');
  assert.ok(f.push(`${ts(5, 0)} much later\n`).gap);
  assert.equal(f.rotations, 1);
});

test('a UTF-8 character split between two chunks arrives whole', () => {
  const f = new LogLineFilter();
  const bytes = Buffer.from(`${ts(1, 1)} grüße\n`);
  const at = bytes.indexOf(0xc3) + 1; // inside the two bytes of ü
  assert.deepEqual(f.push(bytes.subarray(0, at)).lines, []);
  assert.deepEqual(
    f.push(bytes.subarray(at)).lines.map((l) => l.text),
    ['grüße'],
  );
});

test('a fragment left by a rotation is joined to the next line and flagged', () => {
  const f = new LogLineFilter();
  f.push(`${ts(1, 1)} row-995\n${ts(1, 2)} row-`);
  f.startStream();
  const r = f.push(`${ts(1, 3)} 996\n${ts(1, 4)} row-997\n`);
  assert.deepEqual(
    r.lines.map((l) => [l.text, l.joined === true]),
    [
      ['row-996', true],
      ['row-997', false],
    ],
  );
  assert.ok(r.gap, 'the rotated file may have held more: say so');
});

test('an unterminated last line is delivered once when the container has exited', () => {
  const f = new LogLineFilter();
  f.push(`${ts(1, 1)} a\n${ts(1, 2)} no newline`);
  f.startStream(); // the final non-follow read
  const r = f.push(`${ts(1, 1)} a\n${ts(1, 2)} no newline`);
  assert.deepEqual(r.lines, []);
  assert.deepEqual(
    f.finish().map((l) => l.text),
    ['no newline'],
  );
  assert.equal(f.delivered, 2);
});

test('property: any cuts at any bytes deliver every line exactly once, in order', () => {
  const entry = fc.record({
    second: fc.integer({ min: 0, max: 3 }),
    nanos: fc.constantFrom(0, 1, 500_000_000, 999_999_999),
    text: fc.stringMatching(/^[a-z0-9 ]{0,12}$/),
  });
  fc.assert(
    fc.property(
      fc.array(entry, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      (raw, cutSeeds) => {
        // Time never goes backwards in a log file; equal neighbours share a timestamp.
        const sorted = [...raw].sort((a, b) => a.second - b.second || a.nanos - b.nanos);
        const entries = sorted.map((e, i) => ({ ts: ts(e.second, e.nanos), text: `${i}:${e.text}` }));
        const f = new LogLineFilter();
        const out: string[] = [];
        let stream = render(entries);
        for (const seed of cutSeeds) {
          const cut = seed % (stream.length + 1);
          out.push(...f.push(stream.slice(0, cut)).lines.map((l) => l.text));
          f.startStream();
          stream = replayFrom(entries, f.sinceTime());
        }
        const last = f.push(stream);
        out.push(...last.lines.map((l) => l.text), ...f.finish().map((l) => l.text));
        assert.equal(last.gap, null);
        assert.deepEqual(
          out,
          entries.map((e) => e.text),
        );
      },
    ),
    { numRuns: 500 },
  );
});

/** All the lines a filter delivers for a stream cut into chunks at the given byte offsets. */
function deliver(stream: Buffer, cuts: readonly number[]): string[] {
  const f = new LogLineFilter();
  const out: string[] = [];
  let from = 0;
  for (const at of [...cuts, stream.length]) {
    out.push(...f.push(stream.subarray(from, at)).lines.map((l) => l.text));
    from = at;
  }
  return out;
}

test('a line stored as a partial entry and its end arrives as the program wrote it, at any chunk boundary', () => {
  // What the kubelet sends for `row-315439` split by containerd after `row-315`: each entry with its stamp, no
  // newline after the partial one (seen on bench:logs, where sed's 4 KiB writes end inside lines).
  const line = 'row-315439 ünïcode';
  for (let split = 1; split < line.length; split++) {
    const stream = Buffer.from(
      `${ts(3, 507079558)} row-315438\n` +
        `${ts(3, 508695534)} ${line.slice(0, split)}${ts(3, 508718228)} ${line.slice(split)}\n` +
        `${ts(3, 508718229)} row-315440\n`,
    );
    const expected = ['row-315438', line, 'row-315440'];
    for (let cut = 0; cut <= stream.length; cut++)
      assert.deepEqual(deliver(stream, [cut]), expected, `${split}/${cut}`);
  }
});

test('a line split over three entries, one of them with a whole-second stamp, is put together', () => {
  const stream = Buffer.from(`${ts(4, 9)} a${ts(5, 0)} b${ts(5, 1)} c\n`);
  assert.deepEqual(deliver(stream, []), ['abc']);
});

test("a time a program printed inside its line stays: it is earlier than the line's stamp, or not in the kubelet's form", () => {
  const own = ts(2, 5); // the program's clock, before containerd stamped the line
  const stream = Buffer.from(
    `${ts(3, 1)} ${own} starting\n` +
      `${ts(3, 2)} at ${own} done\n` +
      // later than the stamp, but with a trailing zero the kubelet never writes
      `${ts(3, 3)} next run 2026-11-28T23:00:00.500Z please\n`,
  );
  assert.deepEqual(deliver(stream, []), [
    `${own} starting`,
    `at ${own} done`,
    'next run 2026-11-28T23:00:00.500Z please',
  ]);
});

test('a cut inside a split line resumes with the line once, whole', () => {
  const whole = `${ts(7, 1)} row-1\n${ts(7, 2)} row-${ts(7, 3)} 2\n${ts(7, 4)} row-3\n`;
  for (let cut = 1; cut < whole.length; cut++) {
    const f = new LogLineFilter();
    const got = f.push(whole.slice(0, cut)).lines.map((l) => l.text);
    f.startStream('cut');
    // The API server replays from the second of the last line: here the whole log.
    got.push(...f.push(whole).lines.map((l) => l.text));
    got.push(...f.finish().map((l) => l.text));
    assert.deepEqual(got, ['row-1', 'row-2', 'row-3'], `cut at ${cut}`);
  }
});
