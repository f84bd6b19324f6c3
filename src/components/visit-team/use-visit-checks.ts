import { useEffect, useState } from 'react';
import type { ActionOutput } from '@linli/types/api';
import { call } from '@/services/api';

export type VisitCheck = ActionOutput<'visits', 'checks'>['items'][number];

/** The action takes at most this many activities at once. */
const BATCH = 50;

/**
 * The staffing check of the home visits in a list of activities (活动管理), read whenever the list
 * is (re)loaded — a team completed on the roster page shows when the list comes back. A failed
 * read leaves the flag out: the list itself still works.
 */
export function useVisitChecks(activities: readonly { id: string; kind: string }[]): ReadonlyMap<string, VisitCheck> {
  const [checks, setChecks] = useState<ReadonlyMap<string, VisitCheck>>(new Map());
  useEffect(() => {
    const ids = activities.filter((a) => a.kind === 'home_visit').map((a) => a.id);
    if (ids.length === 0) return undefined;
    let live = true;
    const batches = Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, i) =>
      ids.slice(i * BATCH, (i + 1) * BATCH),
    );
    Promise.all(batches.map((activityIds) => call('visits', 'checks', { activityIds }))).then(
      (answers) => {
        if (live) setChecks(new Map(answers.flatMap((a) => a.items).map((item) => [item.activityId, item])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [activities]);
  return checks;
}
