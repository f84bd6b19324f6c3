import type { ErasureOutcome } from '@linli/types/entities/privacy';
import { ERASURE_RULES, eraseRecord, type ErasureRule, type RawDoc } from '../domain/erasure';
import { platform } from '../platform';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError } from './sdk';
import { openStoredFields, sealStoredFields } from './sealed';

/**
 * A person's records across every collection, for export (account.exportMyData) and deletion
 * (account.handleDataRequest). Which records are a person's, and what deletion does to each, is
 * domain/erasure.ts; this file only finds and writes. Documents are handled whole (raw), so
 * sealed fields are opened for export and sealed again before a kept record is written back.
 */

/** A person has tens to hundreds of records per collection; reads go in pages of this many. */
const PAGE = 100;
/** A deletion re-reads until nothing of the person is left; this bounds it (100 000 records). */
const MAX_ROUNDS = 1000;

function conditionFor(rule: ErasureRule, subject: string): object {
  const conditions = rule.subjectFields.map((field) => ({ [field]: subject }));
  return conditions.length === 1 ? conditions[0]! : _.or(conditions);
}

async function page(rule: ErasureRule, subject: string, skip: number, except: ReadonlySet<string>): Promise<RawDoc[]> {
  const { data } = await db
    .collection(rule.collection)
    .where(conditionFor(rule, subject))
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(PAGE)
    .get();
  return (data as RawDoc[]).filter((doc) => !except.has(doc._id));
}

/** Idempotency records keep each write's answer, which may hold the person's data: their keys hold the OPENID. */
async function removeStoredAnswers(subject: string): Promise<number> {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const { stats } = await db
    .collection('requests')
    .where({ _id: db.RegExp({ regexp: `\\.${escaped}\\.` }) })
    .remove();
  return stats.removed;
}

export const personalDataRepository = {
  /**
   * Everything stored under the person's id, by collection, sealed fields opened: what an export
   * is made from. Bounded per collection (a person's records number in the hundreds).
   */
  async ofSubject(subject: string, max = 2000): Promise<Map<string, RawDoc[]>> {
    const found = new Map<string, RawDoc[]>();
    for (const rule of ERASURE_RULES) {
      const docs: RawDoc[] = [];
      for (let skip = 0; skip < max; skip += PAGE) {
        const batch = await page(rule, subject, skip, new Set());
        docs.push(...batch.map((doc) => openStoredFields(rule.collection, doc) as RawDoc));
        if (batch.length < PAGE) break;
      }
      found.set(rule.collection, docs);
    }
    return found;
  },

  /**
   * Deletes the person: each of their records is removed or kept unlinked (domain/erasure.ts),
   * their photos are deleted from storage, and the stored answers of their writes go. Safe to run
   * again after a stop half way: what is done is no longer found, and a record moved to its new
   * id is not added twice. `except`: records left alone (the request being carried out).
   */
  async erase(subject: string, pseudonym: string, now: Date, except: readonly string[] = []): Promise<ErasureOutcome> {
    const outcome: ErasureOutcome = { deleted: 0, anonymised: 0, files: 0 };
    const files = new Set<string>();
    const skip = new Set(except);
    for (const rule of ERASURE_RULES) {
      let previous = '';
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const batch = await page(rule, subject, 0, skip);
        if (batch.length === 0) break;
        // A record still found after it was written means the rule left the id in it: a bug,
        // and looping would never end.
        const ids = batch.map((doc) => doc._id).join(',');
        if (ids === previous) throw new Error(`erasure made no progress in ${rule.collection}`);
        previous = ids;
        for (const doc of batch) {
          const { next, files: photos } = eraseRecord(rule, doc, { subject, pseudonym, now });
          photos.forEach((file) => files.add(file));
          if (next) {
            await writeKept(rule.collection, doc._id, next);
            outcome.anonymised += 1;
          } else {
            await db.collection(rule.collection).doc(doc._id).remove();
            outcome.deleted += 1;
          }
        }
      }
    }
    outcome.deleted += await removeStoredAnswers(subject);
    if (files.size > 0) outcome.files = await platform().deleteFiles([...files]);
    return outcome;
  },
};

/** Writes a kept record back whole; one whose id held the person's id moves to its new id. */
async function writeKept(collection: string, oldId: string, next: RawDoc): Promise<void> {
  const { _id, ...fields } = sealStoredFields(collection, next) as RawDoc;
  if (_id === oldId) {
    await db.collection(collection).doc(_id).set({ data: fields });
    return;
  }
  try {
    await db.collection(collection).add({ data: { _id, ...fields } });
  } catch (error) {
    // Moved already by an earlier run that stopped before removing the old record.
    if (!isDuplicateKeyError(error)) throw error;
  }
  await db.collection(collection).doc(oldId).remove();
}
