// Bytes to text as Python's open() in a UTF-8 locale reads them; the expected messages are CPython 3.11's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8 } from '../../../server/src/core/reader';
import { firstInvalid } from '../../../server/src/core/reader/decodeUtf8';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

function message(input: Uint8Array): string {
  const r = decodeUtf8(input);
  assert.equal(r.ok, false);
  return r.ok ? '' : r.error.message;
}

test('valid UTF-8 decodes, and a byte order mark stays as U+FEFF (Python keeps it)', () => {
  assert.deepEqual(decodeUtf8(bytes('[a]\nx = é€😀\n')), { ok: true, text: '[a]\nx = é€😀\n' });
  assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '[a]\n')), { ok: true, text: '\uFEFF[a]\n' });
});

test("invalid bytes give CPython's UnicodeDecodeError text", () => {
  assert.equal(
    message(bytes('[core]\nb = data', [0xff], 'band\n')),
    "'utf-8' codec can't decode byte 0xff in position 15: invalid start byte",
  );
  assert.equal(
    message(bytes([0xe2, 0x82], 'x')),
    "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
  );
  assert.equal(message(bytes([0xe2])), "'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data");
  assert.equal(
    message(bytes([0xe2, 0x82])),
    "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data",
  );
  assert.equal(
    message(bytes('a', [0xc3])),
    "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data",
  );
  assert.equal(
    message(bytes([0xed, 0xa0, 0x80])),
    "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
  );
  assert.equal(
    message(bytes([0xf4, 0x90, 0x80, 0x80])),
    "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte",
  );
  assert.equal(message(bytes([0xc0, 0xaf])), "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
});

test("the position counts from the 8192-byte chunk Python was decoding; the line is the bad byte's", () => {
  const input = bytes('[core]\na = ', 'x'.repeat(10000), '\nb = data', [0xff], 'band\n');
  const r = decodeUtf8(input);
  assert.ok(!r.ok);
  assert.equal(r.error.message, "'utf-8' codec can't decode byte 0xff in position 1828: invalid start byte");
  assert.equal(r.error.line, 2);
});

test("the native decoder's verdict (the fast path) is the CPython table's on any bytes", () => {
  // Bytes around every boundary of the table: ASCII, continuation bytes, lead bytes of each length, the
  // overlong, surrogate and past-U+10FFFF leads.
  const edgy = fc.constantFrom(
    0x00,
    0x0a,
    0x41,
    0x7f,
    0x80,
    0x8f,
    0x90,
    0x9f,
    0xa0,
    0xbf,
    0xc0,
    0xc1,
    0xc2,
    0xdf,
    0xe0,
    0xe1,
    0xec,
    0xed,
    0xee,
    0xef,
    0xf0,
    0xf1,
    0xf3,
    0xf4,
    0xf5,
    0xff,
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), (list) => {
      const input = Uint8Array.from(list);
      assert.equal(decodeUtf8(input).ok, firstInvalid(input) === null, `bytes ${list.map((b) => b.toString(16))}`);
    }),
    { numRuns: 20000 },
  );
});
