import type { ErrorCode, FieldError } from '@linli/types/errors';
import { mayAttend } from './attendance';

/**
 * A paper sign-in list is entered whole or not at all. Entering it writes one record per line
 * (and a resident record per walk-in), so a line that is refused after earlier lines were
 * written would leave half a list behind — and a corrected resubmission would then count the
 * first half as "already present". Every refusal a line can meet is therefore decided here,
 * before anything is written (the activity's own state — cancelled, which session — is checked
 * by the handler before it gets here).
 */

export type PaperEntry = { personId: string } | { walkIn: { communityId: string } };

export interface PaperListFacts {
  activity: { audience: 'everyone' | 'invited'; invited: readonly string[] };
  stationId: string;
  /** The station's communities: a walk-in must live in one of them. */
  communityIds: readonly string[];
  /** The named residents that exist, by id. */
  people: ReadonlyMap<string, { stationId: string }>;
  /** Residents holding a confirmed or waitlisted booking (they may attend an invitation-only activity). */
  liveBookers: ReadonlySet<string>;
}

export interface PaperListProblem {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export function paperListProblem(entries: readonly PaperEntry[], facts: PaperListFacts): PaperListProblem | null {
  for (const [i, entry] of entries.entries()) {
    if ('personId' in entry) {
      const person = facts.people.get(entry.personId);
      if (!person || person.stationId !== facts.stationId) {
        return {
          code: 'NOT_FOUND',
          message: '名单中有本站找不到的居民，请检查后再补录',
          fields: [{ path: `entries.${i}.personId`, message: '本站没有这位居民' }],
        };
      }
      if (!mayAttend(facts.activity, entry.personId, facts.liveBookers.has(entry.personId))) {
        return notInvited(i);
      }
    } else {
      if (!facts.communityIds.includes(entry.walkIn.communityId)) {
        return {
          code: 'INVALID_INPUT',
          message: '请选择本站的社区',
          fields: [{ path: `entries.${i}.walkIn.communityId`, message: '社区不属于本站' }],
        };
      }
      // A walk-in is registered by this list, so nobody could have invited them.
      if (!mayAttend(facts.activity, '', false)) return notInvited(i);
    }
  }
  return null;
}

const notInvited = (i: number): PaperListProblem => ({
  code: 'NOT_INVITED',
  message: '该活动仅限受邀居民参加，名单中有未受邀的人',
  fields: [{ path: `entries.${i}`, message: '未受邀' }],
});
