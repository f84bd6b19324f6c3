import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { VisitMember, VisitTeam as Team } from '@linli/types/entities/visit-team';
import VisitTeam from '@/components/visit-team';
import { elderMode } from '@/services/elder-mode';
import ManageActivitiesPage from '@/subpackages/staff/pages/activities/index';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { activity, detail, freezeDateAtNow, openWithParams } from './fixtures';

/**
 * 探访人员 (docs/home-visits.md): the team of a home visit with genders, the staffing check in the
 * server's words, adding and taking off members, recording a gender; on the roster page of a home
 * visit only; and the flag on 活动管理's list.
 */
const member = (overrides: Partial<VisitMember>): VisitMember => ({
  personId: 'o_li',
  name: '李社工',
  role: 'staff',
  roleLabel: '社工',
  gender: null,
  genderLabel: '性别未登记',
  source: 'recorded',
  sourceLabel: '社工登记',
  removable: true,
  ...overrides,
});
const li = member({});
const wang = member({ personId: 'o_wang', name: '王社工' });
const zhao = member({
  personId: 'o_zhao',
  name: '赵志愿',
  role: 'volunteer',
  roleLabel: '志愿者',
  gender: 'male',
  genderLabel: '男',
  source: 'signed_in',
  sourceLabel: '志愿者签到',
  removable: false,
});

function team(members: VisitMember[], text: string, meets = false): Team {
  const onTeam = new Set(members.map((m) => m.personId));
  return {
    activity: {
      id: 'Act0000001',
      title: '长者居家探访：梁婆婆',
      kind: 'home_visit',
      serviceArea: 'elderly',
      startAt: '2026-11-19T15:00:00+08:00',
      endAt: '2026-11-19T16:00:00+08:00',
      status: 'published',
    },
    visitsElder: true,
    rule: '长者居家探访：至少3名社工，且至少1名男性社工或志愿者',
    members,
    check: { meets, staff: 0, volunteers: 0, men: 0, unknownGender: 0, requiredStaff: 3, text },
    candidates: {
      staff: [
        { personId: 'o_wang', name: '王社工' },
        { personId: 'o_chen', name: '陈站长' },
      ].filter((c) => !onTeam.has(c.personId)),
      volunteers: [{ personId: 'o_qian', name: '钱志愿' }].filter((c) => !onTeam.has(c.personId)),
    },
  };
}

const rows = () => screen.queryAllByTestId('visit-member').map((row) => row.textContent);
const check = () => screen.getByTestId('visit-check').textContent;

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  elderMode.forget();
});

describe('探访人员', () => {
  it('shows the team with genders and the check in words; adds, records a gender, takes off', async () => {
    const api = fakeApi({
      visits: {
        team: () => team([li, zhao], '社工1人、志愿者1人，含男性1人（1人未登记性别）；探访长者需社工3人 — 未达标'),
        addMember: () =>
          team([li, wang, zhao], '社工2人、志愿者1人，含男性1人（2人未登记性别）；探访长者需社工3人 — 未达标'),
        setGender: () =>
          team(
            [li, { ...wang, gender: 'female', genderLabel: '女' }, zhao],
            '社工2人、志愿者1人，含男性1人（1人未登记性别）；探访长者需社工3人 — 未达标',
          ),
        removeMember: () =>
          team([li, zhao], '社工1人、志愿者1人，含男性1人（1人未登记性别）；探访长者需社工3人 — 未达标'),
      },
    });
    render(<VisitTeam activityId="Act0000001" />);

    expect(await screen.findByText('要求：长者居家探访：至少3名社工，且至少1名男性社工或志愿者')).toBeTruthy();
    expect(check()).toBe('社工1人、志愿者1人，含男性1人（1人未登记性别）；探访长者需社工3人 — 未达标');
    expect(rows()).toEqual(['李社工社工 · 性别未登记 · 社工登记移出男女', '赵志愿志愿者 · 男 · 志愿者签到男女']);
    // A volunteer's own sign-in keeps him on: no 移出.
    const zhaoRow = screen.getAllByTestId('visit-member')[1]!;
    expect(within(zhaoRow).queryByText('移出')).toBeNull();
    expect(within(zhaoRow).getByRole('radio', { name: '男' }).getAttribute('aria-checked')).toBe('true');

    const wangCandidate = screen.getByText('王社工').closest('[data-testid="visit-candidate"]') as HTMLElement;
    fireEvent.click(within(wangCandidate).getByText('添加'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [add] = api.callsTo('visits', 'addMember');
    expect(add!.input).toEqual({ activityId: 'Act0000001', personId: 'o_wang', role: 'staff' });
    expect(add!.requestId).toBeTruthy();
    expect(screen.getAllByTestId('visit-candidate').map((r) => r.textContent)).toEqual(['陈站长添加', '钱志愿添加']);

    const wangRow = screen.getAllByTestId('visit-member')[1]!;
    fireEvent.click(within(wangRow).getByRole('radio', { name: '女' }));
    await waitFor(() => expect(rows()[1]).toBe('王社工社工 · 女 · 社工登记移出男女'));
    expect(api.callsTo('visits', 'setGender')[0]!.input).toEqual({
      activityId: 'Act0000001',
      personId: 'o_wang',
      gender: 'female',
    });

    fireEvent.click(within(screen.getAllByTestId('visit-member')[1]!).getByText('移出'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(api.callsTo('visits', 'removeMember')[0]!.input).toEqual({ activityId: 'Act0000001', personId: 'o_wang' });
  });

  it('says when the team meets the rule, and shows a refusal without changing the list', async () => {
    fakeApi({
      visits: {
        team: () => team([li, wang, zhao], '社工3人、志愿者1人，含男性1人 — 达标', true),
        addMember: () => refuse({ code: 'INVALID_INPUT', message: '只能登记本站的社工或站长' }),
      },
    });
    render(<VisitTeam activityId="Act0000001" />);

    expect(await screen.findByText('社工3人、志愿者1人，含男性1人 — 达标')).toBeTruthy();
    expect(screen.getByTestId('visit-check').className).toContain('ll-visit-team__check--met');
    fireEvent.click(within(screen.getAllByTestId('visit-candidate')[0]!).getByText('添加'));
    expect((await screen.findByRole('alert')).textContent).toBe('只能登记本站的社工或站长');
    expect(rows()).toHaveLength(3);
  });
});

describe('where 探访人员 shows', () => {
  const homeVisit = activity({ kind: 'home_visit', title: '长者居家探访：梁婆婆' });
  function backEnd(kind: 'home_visit' | 'lecture') {
    return fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail({ activity: kind === 'home_visit' ? homeVisit : activity() }) },
      checkin: {
        roster: () => ({
          activityId: 'Act0000001',
          counts: { booked: 1, waitlisted: 0, signedIn: 1, signedOut: 0, noShow: 0 },
          entries: [],
        }),
      },
      visits: {
        team: () =>
          team([li], '社工1人，含男性0人（1人未登记性别）；探访长者需社工3人，需至少1名男性社工或志愿者 — 未达标'),
      },
    });
  }
  beforeEach(() => openWithParams({ id: 'Act0000001' }));

  it("is a section of a home visit's roster page, in 长辈模式 too", async () => {
    const api = backEnd('home_visit');
    elderMode.set(true);
    const { container } = render(<RosterPage />);
    expect(await screen.findByText('探访人员')).toBeTruthy();
    expect(await screen.findByTestId('visit-check')).toBeTruthy();
    const shell = container.querySelector('.ll-page-shell') as HTMLElement;
    expect(shell.classList.contains('ll-elder')).toBe(true);
    expect(shell.contains(screen.getByTestId('visit-check'))).toBe(true);
    expect(api.callsTo('visits', 'team')[0]!.input).toEqual({ activityId: 'Act0000001' });
  });

  it('is not on the roster of any other activity', async () => {
    const api = backEnd('lecture');
    render(<RosterPage />);
    expect(await screen.findByText('签到名单')).toBeTruthy();
    await screen.findByText('长者智能手机课堂');
    expect(screen.queryByText('探访人员')).toBeNull();
    expect(api.callsTo('visits', 'team')).toEqual([]);
  });

  it('flags a home visit that falls short on 活动管理, and leaves other activities alone', async () => {
    freezeDateAtNow();
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { manage: () => ({ items: [homeVisit, activity({ id: 'Act0000002' })] }) },
      visits: {
        checks: () => ({
          items: [
            {
              activityId: 'Act0000001',
              meets: false,
              text: '社工1人，含男性0人；探访长者需社工3人，需至少1名男性社工或志愿者 — 未达标',
            },
          ],
        }),
      },
    });
    render(<ManageActivitiesPage />);

    const flag = await screen.findByTestId('visit-flag');
    expect(flag.textContent).toBe(
      '探访人员：社工1人，含男性0人；探访长者需社工3人，需至少1名男性社工或志愿者 — 未达标',
    );
    expect(flag.className).toContain('manage-activities-page__visit--short');
    expect(screen.getAllByTestId('visit-flag')).toHaveLength(1);
    expect(api.callsTo('visits', 'checks')[0]!.input).toEqual({ activityIds: ['Act0000001'] });
    expect(screen.getByText('名单与探访人员')).toBeTruthy();
  });
});
