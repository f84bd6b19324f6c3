import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionOutput } from '@linli/types/api';
import type { RosterEntry } from '@linli/types/actions/checkin';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import TaroDouble from '../support/taro';
import { detail, openWithParams, rosterEntry, signInResult } from './fixtures';

type Roster = ActionOutput<'checkin', 'roster'>;

const annulledEntry = rosterEntry({
  personId: 'p_zhao',
  name: '赵建国',
  signedInAt: '2026-11-23T13:50:00+08:00',
  method: 'proxy',
  recordedBy: '李社工',
  annulled: { by: '陈站长', at: '2026-11-23T14:10:00+08:00', reason: '代签点错了人' },
});
const signedInEntry = rosterEntry({
  personId: 'p_li',
  name: '李桂芳',
  partySize: 3,
  signedInAt: '2026-11-23T13:55:00+08:00',
  method: 'scan',
  recordedBy: '本人',
});

function roster(entries: RosterEntry[] = [signedInEntry, annulledEntry, rosterEntry()]): Roster {
  return {
    activityId: 'Act0000001',
    counts: { booked: 8, waitlisted: 2, signedIn: 3, signedOut: 1, noShow: 5 },
    entries,
  };
}

function backEnd(extra: Parameters<typeof fakeApi>[0]['checkin'] = {}) {
  let current = roster();
  const api = fakeApi({
    account: { me: () => socialWorker },
    activity: { get: () => detail() },
    checkin: {
      roster: () => current,
      ...extra,
    },
  });
  return { api, setRoster: (next: Roster) => (current = next) };
}

const count = (key: string) => screen.getByTestId(`count-${key}`).textContent;
const entryOf = (name: string) => screen.getByText(name).closest('[data-testid="roster-entry"]') as HTMLElement;

describe('roster', () => {
  beforeEach(() => openWithParams({ id: 'Act0000001' }));
  afterEach(() => jest.restoreAllMocks());

  it('shows the counts in people and every entry with its times and method', async () => {
    backEnd();
    render(<RosterPage />);

    expect(await screen.findByText('长者智能手机课堂')).toBeTruthy();
    expect(count('booked')).toBe('8已报名');
    expect(count('waitlisted')).toBe('2候补');
    expect(count('signedIn')).toBe('3已签到');
    expect(count('signedOut')).toBe('1已签退');
    expect(count('noShow')).toBe('5未到');
    const li = entryOf('李桂芳');
    expect(within(li).getByText('共3人')).toBeTruthy();
    expect(within(li).getByText('签到 13:55 · 扫码 · 记录人 本人')).toBeTruthy();
    expect(within(entryOf('王秀英')).getByText('未签到')).toBeTruthy();
  });

  it('keeps an annulled sign-in on the list, struck through, with who and why', async () => {
    backEnd();
    render(<RosterPage />);

    await screen.findByText('赵建国');
    const zhao = entryOf('赵建国');
    expect(zhao.className).toContain('ll-roster-list__entry--annulled');
    expect(within(zhao).getByText('已撤销：代签点错了人（陈站长，11月23日 周一 14:10）')).toBeTruthy();
    expect(within(zhao).queryByText('撤销签到')).toBeNull();
    expect(within(entryOf('李桂芳')).getByText('撤销签到')).toBeTruthy();
  });

  it('signs in a resident found by search (代签) with checkin.proxySignIn', async () => {
    const { api, setRoster } = backEnd({
      searchPeople: () => ({ items: [rosterEntry({ personId: 'p_zhang', name: '张秀兰', phoneTail: '1234' })] }),
      proxySignIn: () => signInResult({ personName: '张秀兰', headcount: 2 }),
    });
    render(<RosterPage />);

    fireEvent.input(await screen.findByPlaceholderText('姓名或手机尾号'), { target: { value: '张' } });
    fireEvent.click(screen.getByText('查找'));
    const row = (await screen.findByText('张秀兰')).closest('[data-testid="person-result"]') as HTMLElement;
    expect(within(row).getByText('湖滨社区 · 尾号1234 · 已报名')).toBeTruthy();
    setRoster({ ...roster(), counts: { ...roster().counts, signedIn: 5 } });
    fireEvent.click(within(row).getByText('代签'));

    expect(await screen.findByText('张秀兰 签到成功 14:02 · 共2人')).toBeTruthy();
    expect(api.callsTo('checkin', 'searchPeople')[0]!.input).toEqual({ activityId: 'Act0000001', query: '张' });
    const [proxy] = api.callsTo('checkin', 'proxySignIn');
    expect(proxy!.input).toEqual({ activityId: 'Act0000001', personId: 'p_zhang' });
    expect(proxy!.requestId).toMatch(/^r[a-z0-9]+$/);
    await waitFor(() => expect(count('signedIn')).toBe('5已签到'));
    expect(within(row).getByText('已签到 14:02')).toBeTruthy();
  });

  it('registers a walk-in and signs them in', async () => {
    const { api } = backEnd({ proxySignIn: () => signInResult({ personName: '孙大爷' }) });
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('登记新居民'));
    fireEvent.click(screen.getByText('登记并签到'));
    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请选择所在社区')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('居民姓名'), { target: { value: '孙大爷' } });
    fireEvent.click(screen.getByText('公园社区'));
    fireEvent.click(screen.getByText('登记并签到'));

    expect(await screen.findByText('孙大爷 签到成功 14:02')).toBeTruthy();
    expect(api.callsTo('checkin', 'proxySignIn')[0]!.input).toEqual({
      activityId: 'Act0000001',
      walkIn: { name: '孙大爷', communityId: 'c_park' },
    });
  });

  it('annuls a sign-in only with a reason, and shows the annulled entry', async () => {
    const { api, setRoster } = backEnd({
      annul: ({ personId, reason }) => {
        const annulled = {
          ...signedInEntry,
          personId,
          annulled: { by: '李社工', at: '2026-11-23T14:20:00+08:00', reason },
        };
        setRoster(roster([annulled, annulledEntry, rosterEntry()]));
        return annulled;
      },
    });
    render(<RosterPage />);

    await screen.findByText('李桂芳');
    fireEvent.click(within(entryOf('李桂芳')).getByText('撤销签到'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('撤销李桂芳的签到')).toBeTruthy();
    fireEvent.click(within(dialog).getByText('确定撤销'));
    expect(within(dialog).getByRole('alert').textContent).toBe('请填写撤销原因');
    fireEvent.input(within(dialog).getByPlaceholderText('撤销原因，例如：误点代签'), { target: { value: '重复登记' } });
    fireEvent.click(within(dialog).getByText('确定撤销'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const li = entryOf('李桂芳');
    expect(li.className).toContain('ll-roster-list__entry--annulled');
    expect(within(li).getByText('已撤销：重复登记（李社工，11月23日 周一 14:20）')).toBeTruthy();
    expect(api.callsTo('checkin', 'annul')[0]!.input).toEqual({
      activityId: 'Act0000001',
      personId: 'p_li',
      reason: '重复登记',
    });
  });

  it('signs in by a personal code typed in on H5', async () => {
    const { api } = backEnd({ staffScan: () => signInResult({ personName: '王秀英', outcome: 'already_signed_in' }) });
    render(<RosterPage />);

    fireEvent.input(await screen.findByPlaceholderText('输入签到码，例如 LC…'), {
      target: { value: ' LCab12CD34ef ' },
    });
    fireEvent.click(screen.getByText('签到', { selector: '.nut-button *' }));

    expect(await screen.findByText('王秀英 已签到（14:02）')).toBeTruthy();
    expect(api.callsTo('checkin', 'staffScan')[0]!.input).toEqual({
      activityId: 'Act0000001',
      code: 'LCab12CD34ef',
      mode: 'in',
    });
  });

  it('scans a personal code with the camera on WeChat, in sign-out mode', async () => {
    process.env.TARO_ENV = 'weapp';
    const scanCode = jest.fn(() => Promise.resolve({ result: 'LCab12CD34ef' }));
    Object.assign(TaroDouble, { scanCode });
    const { api } = backEnd({ staffScan: () => signInResult({ outcome: 'signed_out' }) });
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('签退'));
    fireEvent.click(screen.getByText('扫居民签到码签退'));

    expect(await screen.findByText('王秀英 签退成功 14:02')).toBeTruthy();
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(api.callsTo('checkin', 'staffScan')[0]!.input).toMatchObject({ mode: 'out' });
    Object.assign(TaroDouble, { scanCode: undefined });
  });
});
