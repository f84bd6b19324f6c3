import { fireEvent, render, screen } from '@testing-library/react';
import ActivityForm from '@/components/activity-form';
import type { ActivityDraftInput } from '@/components/activity-form/form-state';
import ActivityFacts from '@/components/activity-facts';
import AttendanceCard from '@/components/attendance-card';
import { station } from '../support/fixtures';
import { NOW, activity } from './fixtures';

/** A 小组 of two weekly sessions, Mondays 14:00–16:00. */
const group = activity({
  title: '长者互助小组',
  kind: 'group_session',
  startAt: '2026-11-23T14:00:00+08:00',
  endAt: '2026-11-30T16:00:00+08:00',
  sessions: [
    { index: 1, startAt: '2026-11-23T14:00:00+08:00', endAt: '2026-11-23T16:00:00+08:00' },
    { index: 2, startAt: '2026-11-30T14:00:00+08:00', endAt: '2026-11-30T16:00:00+08:00' },
  ],
});

describe('a 小组 in the activity form', () => {
  it('edits the later sessions and sends every session, the series ending with the last', () => {
    const onSubmit = jest.fn<void, [ActivityDraftInput]>();
    render(
      <ActivityForm
        station={station}
        initial={group}
        submitText="保存修改"
        submitting={false}
        serverErrors={{}}
        onSubmit={onSubmit}
        now={NOW}
      />,
    );
    expect(screen.getByText('第1节日期与开始时间')).toBeTruthy();
    expect(screen.getByLabelText('第2节日期').textContent).toContain('2026-11-30');

    fireEvent.click(screen.getByText('＋ 添加一节（默认一周后同一时间）'));
    expect(screen.getByLabelText('第3节日期').textContent).toContain('2026-12-07');
    fireEvent.click(screen.getByText('保存修改'));

    const draft = onSubmit.mock.calls[0]![0];
    expect(draft.sessions).toEqual([
      { startAt: '2026-11-23T14:00:00+08:00', endAt: '2026-11-23T16:00:00+08:00' },
      { startAt: '2026-11-30T14:00:00+08:00', endAt: '2026-11-30T16:00:00+08:00' },
      { startAt: '2026-12-07T14:00:00+08:00', endAt: '2026-12-07T16:00:00+08:00' },
    ]);
    expect(draft.startAt).toBe('2026-11-23T14:00:00+08:00');
    expect(draft.endAt).toBe('2026-12-07T16:00:00+08:00');
  });

  it('a single activity sends no sessions and shows no session rows', () => {
    const onSubmit = jest.fn<void, [ActivityDraftInput]>();
    render(
      <ActivityForm
        station={station}
        initial={activity()}
        submitText="保存修改"
        submitting={false}
        serverErrors={{}}
        onSubmit={onSubmit}
        now={NOW}
      />,
    );
    expect(screen.queryByText('之后各节')).toBeNull();
    fireEvent.click(screen.getByText('保存修改'));
    expect(onSubmit.mock.calls[0]![0].sessions).toEqual([]);
  });
});

describe('a 小组 as residents see it', () => {
  it('lists every session on the activity page', () => {
    render(<ActivityFacts activity={group} communityName="湖滨社区" />);
    expect(screen.getByText('小组共2节，报名一次，每节分别签到')).toBeTruthy();
    expect(screen.getByText(/第2节 11月30日 周一 14:00–16:00/)).toBeTruthy();
  });

  it('shows which session I signed in to and how many I attended', () => {
    render(
      <AttendanceCard
        attendance={{
          activityId: group.id,
          headcount: 1,
          signedInAt: '2026-11-30T13:58:00+08:00',
          method: 'scan',
          annulled: false,
          session: 2,
        }}
        sessionsAttended={2}
      />,
    );
    expect(screen.getByText('第2节 已签到 13:58')).toBeTruthy();
    expect(screen.getByText(/已参加2节/)).toBeTruthy();
  });
});
