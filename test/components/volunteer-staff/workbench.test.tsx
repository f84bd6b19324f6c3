import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { elderMode } from '@/services/elder-mode';
import HoursAddPage from '@/subpackages/staff/pages/hours-add/index';
import HoursInboxPage from '@/subpackages/staff/pages/hours-inbox/index';
import ShiftRosterPage from '@/subpackages/staff/pages/shift-roster/index';
import TeamPage from '@/subpackages/staff/pages/team/index';
import TeamsPage from '@/subpackages/staff/pages/teams/index';
import VolunteerPage from '@/subpackages/staff/pages/volunteer/index';
import VolunteersPage from '@/subpackages/staff/pages/volunteers/index';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { detail as activityDetail, openWithParams } from '../activities/fixtures';
import { fakeApi } from '../support/fake-api';
import { resident, socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { applicant, detail, hourEntry, summary, team } from './fixtures';

afterEach(() => {
  elderMode.forget();
  jest.restoreAllMocks();
});

function backEnd(me = socialWorker) {
  return fakeApi({
    account: { me: () => me },
    activity: { get: () => activityDetail() },
    volunteer: {
      registrations: () => ({ items: [applicant(), summary()] }),
      detail: () => detail(),
      teams: () => ({ items: [team()] }),
      teamMembers: () => ({
        team: team(),
        members: [
          {
            volunteerId: 'o_zhao',
            realName: '赵志愿',
            core: false,
            leader: true,
            joinedAt: '2026-10-01T09:00:00+08:00',
          },
        ],
      }),
      shiftRoster: () => ({
        activityId: 'Act0000001',
        roles: [{ role: '长者陪护', count: 6, taken: 1 }],
        volunteers: [],
      }),
    },
    hours: { pending: () => ({ items: [hourEntry()] }) },
  });
}

describe('工作台: the volunteer tiles', () => {
  it('leads a social worker to 时长审核, 志愿者, 志愿服务队 and 录入时长', async () => {
    backEnd();
    render(<WorkbenchPage />);
    const routes: [string, string][] = [
      ['时长审核', '/subpackages/staff/pages/hours-inbox/index'],
      ['志愿者', '/subpackages/staff/pages/volunteers/index'],
      ['志愿服务队', '/subpackages/staff/pages/teams/index'],
      ['录入时长', '/subpackages/staff/pages/hours-add/index'],
    ];
    await screen.findByText('时长审核');
    for (const [title, url] of routes) {
      fireEvent.click(screen.getByText(title));
      expect(navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });
});

/** Each page, the query it is opened with, and what it shows once loaded. */
const PAGES: [string, () => ReactElement, Record<string, string>, () => Promise<unknown>][] = [
  ['志愿者', () => <VolunteersPage />, {}, () => screen.findByText('孙悦')],
  ['志愿者资料', () => <VolunteerPage />, { id: 'o_sun' }, () => screen.findByText('13900000031')],
  ['志愿服务队', () => <TeamsPage />, {}, () => screen.findByText('长者关爱队')],
  ['队员名单', () => <TeamPage />, { id: 'team_care' }, () => screen.findByText('赵志愿')],
  ['志愿者岗位', () => <ShiftRosterPage />, { id: 'Act0000001' }, () => screen.findByText('长者陪护')],
  ['时长审核', () => <HoursInboxPage />, {}, () => screen.findByText('入户探访 · 社工录入')],
  ['录入时长', () => <HoursAddPage />, {}, () => screen.findByText('赵志愿')],
];

describe('the volunteer staff pages', () => {
  it.each(PAGES)('%s follows 长辈模式', async (_title, page, params, loaded) => {
    openWithParams(params);
    backEnd();
    elderMode.set(true);
    const { container } = render(page());
    await loaded();
    expect((container.querySelector('.ll-page-shell') as HTMLElement).className).toContain('ll-elder');
  });

  it.each(PAGES)('%s is closed to residents', async (_title, page, params) => {
    openWithParams(params);
    const api = backEnd(resident);
    render(page());
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
    expect(api.calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['account.me']);
  });
});
