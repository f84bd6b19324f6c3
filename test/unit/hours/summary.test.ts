import { createHourEntry, decideApproval, type HourEntry } from '../../../cloudfunctions/_shared/domain/hour-entries';
import { NO_TEAM, summariseHours, type SummaryEntry } from '../../../cloudfunctions/hours/src/summary';

const MINUTE = 60_000;
const sw = { id: 'sw2', roles: ['social_worker' as const] };

/** An approved manual entry of `minutes` starting at `start` (ISO, China time). */
function approved(id: string, start: string, minutes: number): HourEntry {
  const from = new Date(start);
  const entry = createHourEntry({
    id,
    volunteerId: 'v1',
    source: 'manual',
    minutes,
    interval: { start: from, end: new Date(from.getTime() + minutes * MINUTE) },
    servedAt: from,
    createdBy: 'sw1',
    at: from,
  });
  const decision = decideApproval(entry, sw, new Date(from.getTime() + minutes * MINUTE));
  if (!decision.ok || !decision.changed) throw new Error('not approved');
  return decision.entry;
}
const pending = (id: string, start: string, minutes: number): HourEntry => ({
  ...approved(id, start, minutes),
  status: 'pending',
  approvals: [],
});

const teams = new Map([['t1', '长者关爱队']]);
const now = new Date('2026-03-10T12:00:00+08:00');

it('breaks the counted minutes down by China-time month, team and service; they add up to the total', () => {
  const versions: SummaryEntry[] = [
    // 23:30 on 31 December, China time: December 2025, not January, and not this year.
    { entry: approved('a', '2025-12-31T23:30:00+08:00', 60), content: '跨年守岁', teamId: 't1' },
    { entry: approved('b', '2026-01-05T09:00:00+08:00', 90), content: '入户探访', teamId: 't1' },
    // Overlaps b by 30 minutes: counts 30.
    { entry: approved('c', '2026-01-05T10:00:00+08:00', 60), content: '社区清洁' },
    { entry: pending('d', '2026-03-01T09:00:00+08:00', 45), content: '入户探访' },
  ];
  const summary = summariseHours(versions, now, (id) => teams.get(id));
  expect(summary).toEqual({
    totalMinutes: 180,
    yearMinutes: 120,
    pendingMinutes: 45,
    byMonth: [
      { label: '2026-01', minutes: 120 },
      { label: '2025-12', minutes: 60 },
    ],
    byTeam: [
      { label: '长者关爱队', minutes: 150 },
      { label: NO_TEAM, minutes: 30 },
    ],
    byActivity: [
      { label: '入户探访', minutes: 90 },
      { label: '跨年守岁', minutes: 60 },
      { label: '社区清洁', minutes: 30 },
    ],
  });
});

it('calls a team it cannot name 未加入队伍, and counts only latest versions', () => {
  const old = approved('e', '2026-02-01T09:00:00+08:00', 60);
  const superseded: HourEntry = { ...old, status: 'superseded' };
  const latest: HourEntry = { ...approved('e_v2', '2026-02-01T09:00:00+08:00', 30), rootId: 'e', version: 2 };
  const summary = summariseHours(
    [
      { entry: superseded, content: '探访', teamId: 'gone' },
      { entry: latest, content: '探访', teamId: 'gone' },
    ],
    now,
    (id) => teams.get(id),
  );
  expect(summary.totalMinutes).toBe(30);
  expect(summary.byTeam).toEqual([{ label: NO_TEAM, minutes: 30 }]);
});
