import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ActionOutput } from '@linli/types/api';
import ManageActivitiesPage from '@/subpackages/staff/pages/activities/index';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import ShiftRosterPage from '@/subpackages/staff/pages/shift-roster/index';
import { activity, detail as activityDetail, openWithParams } from '../activities/fixtures';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { hourEntry } from './fixtures';

type ShiftRoster = ActionOutput<'volunteer', 'shiftRoster'>;

const shiftRoster: ShiftRoster = {
  activityId: 'Act0000001',
  roles: [
    { role: '签到引导', count: 2, taken: 2 },
    { role: '长者陪护', count: 6, taken: 1 },
  ],
  volunteers: [
    {
      volunteerId: 'o_zhao',
      realName: '赵志愿',
      role: '长者陪护',
      signedInAt: '2026-11-23T13:50:00+08:00',
      signedOutAt: '2026-11-23T16:05:00+08:00',
      entryId: 'scan_1',
      entryStatus: 'pending',
      hours: '2.25',
      flag: null,
    },
    {
      volunteerId: 'o_qian',
      realName: '钱多多',
      role: '签到引导',
      signedInAt: '2026-11-23T13:40:00+08:00',
      signedOutAt: null,
      entryId: 'scan_2',
      entryStatus: 'pending',
      hours: null,
      flag: 'MISSING_SIGN_OUT',
    },
    {
      volunteerId: 'o_li',
      realName: '李小红',
      role: '签到引导',
      signedInAt: null,
      signedOutAt: null,
      entryId: null,
      entryStatus: null,
      hours: null,
      flag: null,
    },
    {
      volunteerId: 'o_wu',
      realName: '吴大伟',
      role: null,
      signedInAt: '2026-11-23T14:00:00+08:00',
      signedOutAt: '2026-11-23T15:00:00+08:00',
      entryId: 'scan_4',
      entryStatus: 'approved',
      hours: '1.00',
      flag: null,
    },
  ],
};

const rowOf = (name: string) => screen.getByText(name).closest('[data-testid="shift-volunteer"]') as HTMLElement;

afterEach(() => jest.restoreAllMocks());

describe('志愿者岗位 (shift roster)', () => {
  beforeEach(() => openWithParams({ id: 'Act0000001' }));

  function backEnd() {
    return fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => activityDetail() },
      volunteer: { shiftRoster: () => shiftRoster },
      hours: {
        history: () => ({
          versions: [
            hourEntry({
              id: 'scan_2',
              source: 'scan',
              flag: 'MISSING_SIGN_OUT',
              hours: '0.00',
              minutes: 0,
              endAt: null,
              history: [{ action: 'created', version: 1, by: '钱多多', at: '2026-11-23T18:00:00+08:00' }],
            }),
          ],
        }),
      },
    });
  }

  it('shows each role’s places taken and every volunteer’s scans, hours and review state', async () => {
    const api = backEnd();
    render(<ShiftRosterPage />);

    expect(await screen.findByText('赵志愿')).toBeTruthy();
    const roles = screen.getAllByTestId('shift-role');
    expect(roles.map((role) => role.textContent)).toEqual(['签到引导2/2', '长者陪护1/6']);
    expect(roles[0]!.className).toContain('shift-roster-page__role--full');
    expect(screen.getByText('共 4 位志愿者 · 已签到 3 · 已签退 2 · 2 条时长待审核')).toBeTruthy();

    const zhao = rowOf('赵志愿');
    expect(within(zhao).getByText('长者陪护')).toBeTruthy();
    expect(within(zhao).getByText('签到 13:50 · 签退 16:05')).toBeTruthy();
    expect(within(zhao).getByText('2.25 小时')).toBeTruthy();
    expect(within(zhao).getByText('待审核')).toBeTruthy();

    const qian = rowOf('钱多多');
    expect(within(qian).getByText('签到 13:40 · 未签退')).toBeTruthy();
    expect(within(qian).getByText('需核实：缺少签退')).toBeTruthy();
    expect(within(qian).getByText(/系统不估算时长/)).toBeTruthy();

    expect(within(rowOf('李小红')).getByText('未签到')).toBeTruthy();
    expect(within(rowOf('吴大伟')).getByText('未报名岗位')).toBeTruthy();
    expect(within(rowOf('吴大伟')).getByText('已通过')).toBeTruthy();
    expect(api.callsTo('volunteer', 'shiftRoster')[0]!.input).toEqual({ activityId: 'Act0000001' });
  });

  it('opens an entry’s history in place', async () => {
    const api = backEnd();
    render(<ShiftRosterPage />);
    await screen.findByText('钱多多');
    fireEvent.click(within(rowOf('钱多多')).getByText('查看记录'));
    expect(await within(rowOf('钱多多')).findByText('钱多多 扫码签到签退，生成记录')).toBeTruthy();
    expect(api.callsTo('hours', 'history')[0]!.input).toEqual({ entryId: 'scan_2' });
  });

  it('leads to the volunteer code and to this activity’s hours', async () => {
    backEnd();
    render(<ShiftRosterPage />);
    fireEvent.click(await screen.findByText('出示志愿者签到码'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/staff/pages/signin/index?id=Act0000001&mode=volunteer_in',
    });
    fireEvent.click(screen.getByText('审核本场时长'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/staff/pages/hours-inbox/index?activityId=Act0000001',
    });
  });

  it('is reached from the roster (志愿者岗位与时长) and from 活动管理 for activities with volunteer roles', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      activity: {
        get: () => activityDetail(),
        manage: () => ({
          items: [
            activity({ id: 'ActRoles01', title: '重阳敬老文艺汇演', volunteerRoles: [{ role: '长者陪护', count: 6 }] }),
            activity({ id: 'ActPlain01', title: '防诈骗宣讲' }),
          ],
        }),
      },
      checkin: {
        roster: () => ({
          activityId: 'Act0000001',
          counts: { booked: 0, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 0 },
          entries: [],
        }),
      },
    });
    const roster = render(<RosterPage />);
    fireEvent.click(await screen.findByText('志愿者岗位与时长'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/shift-roster/index?id=Act0000001' });
    roster.unmount();

    render(<ManageActivitiesPage />);
    const card = (title: string) => screen.getByText(title).closest('.ll-activity-card') as HTMLElement;
    await screen.findByText('重阳敬老文艺汇演');
    fireEvent.click(within(card('重阳敬老文艺汇演')).getByText('志愿者'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/shift-roster/index?id=ActRoles01' });
    expect(within(card('防诈骗宣讲')).queryByText('志愿者')).toBeNull();
  });
});
