import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionInput, ActionOutput } from '@linli/types/api';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { detail, openWithParams, rosterEntry } from './fixtures';

type Roster = ActionOutput<'checkin', 'roster'>;
const SESSIONS = ['2026-11-16', '2026-11-23', '2026-11-30'];

/** A 小组 of three sessions: the server answers for the session asked (default: the second). */
function groupRoster(input: ActionInput<'checkin', 'roster'>): Roster {
  const index = input.session ?? 2;
  return {
    activityId: 'Act0000001',
    session: {
      index,
      count: 3,
      startAt: `${SESSIONS[index - 1]}T14:00:00+08:00`,
      endAt: `${SESSIONS[index - 1]}T16:00:00+08:00`,
    },
    counts: { booked: 2, waitlisted: 0, signedIn: index === 1 ? 2 : 1, signedOut: 0, noShow: index === 1 ? 0 : 1 },
    entries: [rosterEntry({ personId: 'p1', name: '李桂芳', sessionsAttended: 2 })],
  };
}

describe('the roster of a 小组', () => {
  beforeEach(() => openWithParams({ id: 'Act0000001' }));
  afterEach(() => jest.restoreAllMocks());

  it('shows the session on now and steps to another, asking the server for that session', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: { roster: (input) => groupRoster(input) },
    });
    render(<RosterPage />);
    expect(await screen.findByText('第2节（共3节）')).toBeTruthy();
    expect(screen.getByText('导出第2节签到表')).toBeTruthy();

    fireEvent.click(screen.getByText('‹ 上一节'));
    expect(await screen.findByText('第1节（共3节）')).toBeTruthy();
    await waitFor(() => expect(api.callsTo('checkin', 'roster').at(-1)?.input).toMatchObject({ session: 1 }));
    expect(screen.getByText('‹ 上一节').getAttribute('aria-disabled')).toBe('true');
  });

  it('shows no session switch for a single activity', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: {
        roster: () => ({
          activityId: 'Act0000001',
          counts: { booked: 0, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 0 },
          entries: [],
        }),
      },
    });
    render(<RosterPage />);
    expect(await screen.findByText('导出签到表')).toBeTruthy();
    expect(screen.queryByLabelText('选择节次')).toBeNull();
  });
});
