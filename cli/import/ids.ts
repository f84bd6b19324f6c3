import { createHash } from 'node:crypto';
import { SHORT_ID_ALPHABET, SHORT_ID_LENGTH } from '../../cloudfunctions/_shared/domain/short-id';

/**
 * Ids derived from what a record IS (its station and its natural key in the file), never drawn
 * at random: importing the same file twice makes the same ids, so the second run finds every
 * record present and writes nothing. The keys are listed in docs/import.md ("Running it again").
 */
function digest(parts: readonly unknown[]): Buffer {
  return createHash('sha256').update(JSON.stringify(parts)).digest();
}

/** A 10-character base62 id, as activities have (they travel in QR codes). */
export function derivedActivityId(stationId: string, key: readonly unknown[]): string {
  let n = BigInt(`0x${digest(['activity', stationId, ...key]).toString('hex')}`);
  const base = BigInt(SHORT_ID_ALPHABET.length);
  let id = '';
  for (let i = 0; i < SHORT_ID_LENGTH; i += 1) {
    id += SHORT_ID_ALPHABET[Number(n % base)];
    n /= base;
  }
  return id;
}

/** A person first met in an import (no WeChat account): `imp-` and 20 hex digits. */
export function derivedPersonId(stationId: string, key: readonly unknown[]): string {
  return `imp-${digest(['person', stationId, ...key])
    .toString('hex')
    .slice(0, 20)}`;
}

/** An imported hour entry's root id: `import.` and 20 hex digits. */
export function derivedHourEntryId(stationId: string, key: readonly unknown[]): string {
  return `import.${digest(['hours', stationId, ...key])
    .toString('hex')
    .slice(0, 20)}`;
}
