import { strFromU8, unzipSync } from 'fflate';
import type { PersonalField } from '../../../cloudfunctions/_shared/runtime/dispatcher';

/**
 * Finds personal numbers in an answer: mainland mobile numbers and 18-digit 居民身份证 numbers,
 * unmasked. Masks (138****1234, tails) never match: they lack the digits.
 */
const PATTERNS: Record<PersonalField, RegExp> = {
  phone: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g,
  id_number:
    /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g,
};

/** Images and other binary payloads as base64: digits in them are not numbers anyone wrote. */
const isBlob = (text: string): boolean => text.length > 200 && /^[A-Za-z0-9+/=]+$/.test(text);

/** The parts of a zip (an xlsx export, an evidence pack) that people read: their text, nested zips opened. */
function zipTexts(bytes: Uint8Array, path: string): Array<{ text: string; path: string }> {
  if (strFromU8(bytes.subarray(0, 4), true) !== 'PK\u0003\u0004') return [];
  return Object.entries(unzipSync(bytes)).flatMap(([name, content]) => {
    const where = `${path}!${name}`;
    if (/\.(xml|csv|txt|json|html?)$/i.test(name)) return [{ text: strFromU8(content), path: where }];
    return zipTexts(content, where);
  });
}

export interface Found {
  field: PersonalField;
  value: string;
  /** Where in the answer, as a path (`items.0.phone`). */
  path: string;
}

/** Every unmasked number in the strings of `value` (a parsed answer). */
export function findPersonalNumbers(value: unknown, path = ''): Found[] {
  if (typeof value === 'string') {
    if (isBlob(value)) {
      const texts = zipTexts(new Uint8Array(Buffer.from(value, 'base64')), path);
      return texts.flatMap((t) => findPersonalNumbers(t.text.replace(/<[^>]*>/g, ' '), t.path));
    }
    return (Object.keys(PATTERNS) as PersonalField[]).flatMap((field) =>
      [...value.matchAll(PATTERNS[field])].map((m) => ({ field, value: m[0], path })),
    );
  }
  if (typeof value === 'number') return findPersonalNumbers(String(value), path);
  if (Array.isArray(value)) return value.flatMap((v, i) => findPersonalNumbers(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findPersonalNumbers(v, path ? `${path}.${k}` : k));
  }
  return [];
}
