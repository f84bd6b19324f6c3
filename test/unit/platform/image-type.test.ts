/** The local upload decides a file's type by its bytes alone. */
import { sniffImageType } from '../../../local/storage/image-type';
import { solidPng } from '../../support/images';

const bytes = (...values: number[]) => Uint8Array.from(values);

it('knows JPEG, PNG and WebP by their signatures', () => {
  expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpg');
  expect(sniffImageType(solidPng())).toBe('png');
  expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
});

it('refuses anything else, whatever it is called', () => {
  expect(sniffImageType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
  expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
  expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
  expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
  expect(sniffImageType(bytes())).toBeNull();
});
