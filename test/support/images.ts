import { PNG } from 'pngjs';

/** A small PNG of one colour, `size` pixels square: a real image, as a phone would upload. */
export function solidPng(size = 16, rgb: [number, number, number] = [192, 80, 30]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) {
    png.data[i * 4] = rgb[0];
    png.data[i * 4 + 1] = rgb[1];
    png.data[i * 4 + 2] = rgb[2];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}
