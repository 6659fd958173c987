// Draws the add-in's ribbon and store icons (16, 32, 64, 80 px PNG) into assets/: a green rounded tile with a white
// "T" over grid lines. Pure Node (zlib + CRC-32), so the committed PNGs can be regenerated anywhere.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'assets');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const green = [0x21, 0x73, 0x46];
const light = [0x9f, 0xd5, 0xb7];
function tile(x, y, s) {
  const radius = s * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), s - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), s - radius);
  if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius) return [0, 0, 0, 0];
  const u = (x + 0.5) / s;
  const v = (y + 0.5) / s;
  const stroke = Math.max(1 / s, 0.14);
  const inBar = v >= 0.2 && v <= 0.2 + stroke && u >= 0.2 && u <= 0.8;
  const inStem = u >= 0.5 - stroke / 2 && u <= 0.5 + stroke / 2 && v >= 0.2 && v <= 0.8;
  if (inBar || inStem) return [255, 255, 255, 255];
  const line = Math.max(1 / s, 0.04);
  const onGrid =
    [0.45, 0.65].some((g) => Math.abs(v - g) < line / 2) ||
    [0.3, 0.7].some((g) => Math.abs(u - g) < line / 2);
  if (onGrid && v > 0.36) return [...light, 255];
  return [...green, 255];
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(path.join(out, `icon-${size}.png`), png(size, tile));
console.log(`icons written to ${path.relative(process.cwd(), out) || '.'}`);
