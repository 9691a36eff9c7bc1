// Draws images/icon.png (128x128): a hexagon — a Kubernetes pod — around three config lines, anti-aliased by
// 4x4 supersampling, written as an RGBA PNG with node's zlib alone. Usage: node scripts/make-icon.mjs images/icon.png
import zlib from 'node:zlib';
import fs from 'node:fs';
const N = 128,
  S = 4;
const bg = [22, 43, 72],
  hex = [56, 189, 248],
  line = [240, 246, 252];
function inHex(x, y, r) {
  // flat-top hexagon centred at 64,64
  const dx = Math.abs(x - 64),
    dy = Math.abs(y - 64);
  return dy <= (r * Math.sqrt(3)) / 2 && dx <= r - dy / Math.sqrt(3);
}
function inRoundRect(x, y, x0, y0, x1, y1, rad) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad),
    cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
}
function colorAt(x, y) {
  if (!inRoundRect(x, y, 2, 2, 126, 126, 22)) return null;
  const lines = [
    [38, 44, 90],
    [38, 60, 76],
    [38, 76, 84],
  ];
  for (const [x0, yc, x1] of lines) if (inRoundRect(x, y, x0, yc - 4, x1, yc + 4, 4)) return line;
  if (inHex(x, y, 54) && !inHex(x, y, 46)) return hex;
  return bg;
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const c = colorAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = a ? r / a : 0;
    raw[o + 1] = a ? g / a : 0;
    raw[o + 2] = a ? b / a : 0;
    raw[o + 3] = Math.round((255 * a) / (S * S));
  }
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
fs.writeFileSync(
  process.argv[2],
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
