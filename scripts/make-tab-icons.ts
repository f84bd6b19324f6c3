/**
 * Draws the tab bar icons (首页 / 活动 / 我的) as small PNGs with pngjs, in the muted and the
 * selected colour of the theme (src/styles/_theme.scss). WeChat wants tab icons as local
 * images ≤ 40 KB, 81×81 px recommended. Run: `npx tsx scripts/make-tab-icons.ts`; the PNGs
 * are committed under src/assets/tab/, so this only runs again when the icons change.
 */
import fs from 'node:fs';
import path from 'node:path';

// pngjs ships no types; this is the little of it used here.
interface PngImage {
  data: Buffer;
}
interface PngModule {
  PNG: { new (options: { width: number; height: number }): PngImage; sync: { write(png: PngImage): Buffer } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- typed through PngModule above
const { PNG } = require('pngjs') as PngModule;

const SIZE = 81;
const COLORS = { normal: [0x77, 0x6c, 0x63], active: [0xc0, 0x50, 0x1e] } as const;

/** Signed distance (in px) from a point to a shape: negative inside. */
type Shape = (x: number, y: number) => number;

const box =
  (cx: number, cy: number, hw: number, hh: number, r = 0): Shape =>
  (x, y) => {
    const dx = Math.abs(x - cx) - hw + r;
    const dy = Math.abs(y - cy) - hh + r;
    const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
    return outside + Math.min(Math.max(dx, dy), 0) - r;
  };
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
/** Triangle pointing up, apex at (cx, top), base from (cx-hw, bottom) to (cx+hw, bottom). */
const roof =
  (cx: number, top: number, bottom: number, hw: number): Shape =>
  (x, y) => {
    const slope = hw / (bottom - top);
    const side = (Math.abs(x - cx) - (y - top) * slope) / Math.hypot(1, slope);
    return Math.max(side, top - y, y - bottom);
  };
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const subtract =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
/** A line segment from (ax, ay) to (bx, by), `w` px wide with round ends. */
const segment =
  (ax: number, ay: number, bx: number, by: number, w: number): Shape =>
  (x, y) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) - w / 2;
  };
/** The outline of a shape, `w` px wide. */
const stroke =
  (s: Shape, w: number): Shape =>
  (x, y) =>
    Math.abs(s(x, y)) - w / 2;

const ICONS: Record<string, Shape> = {
  // A house: roof over a body with a door.
  home: subtract(union(roof(40.5, 10, 40, 33), box(40.5, 52, 22, 19, 4)), box(40.5, 60, 7, 12, 2)),
  // A calendar page with two rings and a tick.
  activities: union(
    stroke(box(40.5, 44, 27, 25, 7), 6),
    box(40.5, 27, 27, 4),
    box(27, 16, 3.5, 8, 3),
    box(54, 16, 3.5, 8, 3),
    segment(29, 48, 37, 56, 6),
    segment(37, 56, 52, 41, 6),
  ),
  // A person: head and shoulders.
  mine: union(circle(40.5, 26, 14), subtract(circle(40.5, 78, 30), box(40.5, 80, 40, 4.5))),
};

function render(shape: Shape, rgb: readonly number[]): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      const d = shape(x + 0.5, y + 0.5);
      const alpha = Math.max(0, Math.min(1, 0.5 - d)); // one-pixel anti-aliased edge
      const i = (y * SIZE + x) * 4;
      png.data[i] = rgb[0] ?? 0;
      png.data[i + 1] = rgb[1] ?? 0;
      png.data[i + 2] = rgb[2] ?? 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

const outDir = path.join(__dirname, '..', 'src', 'assets', 'tab');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(outDir, `${name}.png`), render(shape, COLORS.normal));
  fs.writeFileSync(path.join(outDir, `${name}-active.png`), render(shape, COLORS.active));
}
console.log(`tab icons written to ${path.relative(process.cwd(), outDir)}`);
