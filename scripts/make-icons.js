#!/usr/bin/env node
// Draws Huishen's icons into assets/ as real PNGs: a teal rounded square with a white check mark.
// Pure Node (zlib + hand-written PNG chunks with CRC-32), no dependencies. Deterministic: running
// it again rewrites the same bytes. Usage: node scripts/make-icons.js [outDir]
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TEAL = [3, 131, 135]; // Fluent "teal" (#038387), readable on light and dark ribbons
const WHITE = [255, 255, 255];

/** File name → edge length in pixels. */
const ICONS = {
  "icon-16.png": 16,
  "icon-32.png": 32,
  "icon-64.png": 64,
  "icon-80.png": 80,
  "icon-128.png": 128,
  "logo-filled.png": 300,
};

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight (non-premultiplied) RGBA pixels, row by row, as an 8-bit RGBA PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- drawing (unit square, supersampled) ----------

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy). */
function roundedRectDistance(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Check mark in unit coordinates (y down): short stroke down-right, long stroke up-right.
const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.35],
];

function drawIcon(size) {
  const SS = 8; // 8×8 samples per pixel for smooth edges
  // Small icons get a slightly heavier stroke and tighter margin so the mark stays legible.
  const margin = Math.max(1, Math.round(size / 16)) / size;
  const stroke = Math.max(0.12, 2.2 / size);
  const half = 0.5 - margin;
  const radius = half * 0.36;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inShape = 0;
      let inCheck = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (roundedRectDistance(x, y, 0.5, 0.5, half, half, radius) > 0) continue;
          inShape++;
          let d = Infinity;
          for (let i = 0; i + 1 < CHECK.length; i++) {
            d = Math.min(d, segmentDistance(x, y, CHECK[i][0], CHECK[i][1], CHECK[i + 1][0], CHECK[i + 1][1]));
          }
          if (d <= stroke / 2) inCheck++;
        }
      }
      const o = (py * size + px) * 4;
      if (inShape === 0) continue; // fully transparent
      const w = inCheck / inShape; // share of the covered area that is white
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(TEAL[c] * (1 - w) + WHITE[c] * w);
      rgba[o + 3] = Math.round((255 * inShape) / (SS * SS));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, size] of Object.entries(ICONS)) {
    const png = drawIcon(size);
    fs.writeFileSync(path.join(outDir, name), png);
    process.stdout.write(`${name}: ${size}×${size}, ${png.length} bytes\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, drawIcon, ICONS };
