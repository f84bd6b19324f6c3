import type { ActivityKind } from '@linli/types/entities/activity-kinds';
import type { Satisfaction } from '@linli/types/entities/survey';

/**
 * The satisfaction rate the contract asks for (seed 002: 服务对象满意率须达80%或以上): the share
 * of respondents whose OVERALL rating is satisfied or better. On the form's 1–5 scale
 * (1 非常不满意, 2 不满意, 3 一般, 4 满意, 5 非常满意) that is 4 or 5; 一般 is not satisfied.
 *
 *   rate = satisfied respondents ÷ respondents who answered the overall question
 *
 * A respondent who skipped the overall question (possible on a paper form) is left out of both,
 * rather than counted as dissatisfied. The rate is shown with two decimals, rounded half up on
 * integers (5 of 6 → 83.33%, 2 of 3 → 66.67%); whether it meets the 80% is decided on the exact
 * fraction, so 79.996% never passes by rounding. The indicator dashboard reads this same module.
 */

/** The lowest overall rating that counts as satisfied (满意). */
export const SATISFIED_MIN_RATING = 4;
/** The contract's minimum satisfaction rate, in percent. */
export const REQUIRED_SATISFACTION_PERCENT = 80;

export const isSatisfied = (rating: number): boolean => rating >= SATISFIED_MIN_RATING;

/**
 * `part ÷ whole` as a percentage with two decimals, rounded half up: "83.33%". Null for an empty
 * whole. Integer arithmetic (hundredths of a percent), so no binary fraction decides a rounding.
 */
export function percentHalfUp(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const hundredths = Math.floor((part * 20000 + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
}

/** Counts of one group of responses (an activity, a kind, an area, a station). */
export interface SatisfactionCounts {
  /** Responses counted (not voided). */
  respondents: number;
  /** Of those, the ones with an overall rating. */
  rated: number;
  /** Of those, rated satisfied or better. */
  satisfied: number;
}

export function satisfaction({ respondents, rated, satisfied }: SatisfactionCounts): Satisfaction {
  return {
    respondents,
    rated,
    satisfied,
    rate: percentHalfUp(satisfied, rated),
    meetsTarget: rated > 0 ? satisfied * 100 >= REQUIRED_SATISFACTION_PERCENT * rated : null,
  };
}

/** One response as the roll-up needs it: where it was given and its overall rating. */
export interface RatedResponse {
  activityId: string;
  kind: ActivityKind;
  areaId: string;
  /** The overall rating, or null when the respondent skipped it. */
  overall: number | null;
}

/** Counts per activity (with its kind and 片区): what the database's aggregation answers, too. */
export interface SatisfactionRow extends SatisfactionCounts {
  activityId: string;
  kind: ActivityKind;
  areaId: string;
}

/**
 * Responses → one row per activity. The repository asks the database for the same rows with one
 * aggregation (surveyResponsesRepository.satisfactionRows); a function test checks the two agree.
 */
export function tallySatisfaction(responses: readonly RatedResponse[]): SatisfactionRow[] {
  const rows = new Map<string, SatisfactionRow>();
  for (const response of responses) {
    const row = rows.get(response.activityId) ?? {
      activityId: response.activityId,
      kind: response.kind,
      areaId: response.areaId,
      respondents: 0,
      rated: 0,
      satisfied: 0,
    };
    row.respondents += 1;
    if (response.overall !== null) {
      row.rated += 1;
      if (isSatisfied(response.overall)) row.satisfied += 1;
    }
    rows.set(response.activityId, row);
  }
  return [...rows.values()].sort((a, b) => (a.activityId < b.activityId ? -1 : 1));
}

const add = (a: SatisfactionCounts, b: SatisfactionCounts): SatisfactionCounts => ({
  respondents: a.respondents + b.respondents,
  rated: a.rated + b.rated,
  satisfied: a.satisfied + b.satisfied,
});
const ZERO: SatisfactionCounts = { respondents: 0, rated: 0, satisfied: 0 };

function groupBy<K extends string>(rows: readonly SatisfactionRow[], key: (row: SatisfactionRow) => K) {
  const groups = new Map<K, SatisfactionCounts>();
  for (const row of rows) groups.set(key(row), add(groups.get(key(row)) ?? ZERO, row));
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The roll-up per kind, per 片区 and for the whole station, from per-activity rows. Sums counts,
 * never averages rates: an activity with 40 respondents weighs forty times one with one.
 */
export function rollUpSatisfaction(rows: readonly SatisfactionRow[]) {
  return {
    station: satisfaction(rows.reduce<SatisfactionCounts>(add, ZERO)),
    byKind: groupBy(rows, (r) => r.kind).map(([kind, counts]) => ({ kind, ...satisfaction(counts) })),
    byArea: groupBy(rows, (r) => r.areaId).map(([areaId, counts]) => ({ areaId, ...satisfaction(counts) })),
  };
}
