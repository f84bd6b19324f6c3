import { act, fireEvent, render, screen, within } from '@testing-library/react';
import DoorPage from '@/subpackages/staff/pages/door/index';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import SignInScreenPage from '@/subpackages/staff/pages/signin/index';
import { detail, openWithParams, signInResult } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';

/** Lets the fake back end answer (its promises settle in microtasks). */
const settle = () => act(async () => undefined);

function codeAnswer({ mode }: { mode: string }) {
  return {
    token: `${mode}-token`,
    imageBase64: 'PNG',
    link: '',
    expiresAt: '2026-11-23T14:01:00+08:00',
    rotatesInSeconds: 30,
  };
}

const emptyRoster = () => ({
  activityId: 'Act0000001',
  counts: { booked: 0, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 0 },
  entries: [],
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('现场签到: the volunteer codes', () => {
  beforeEach(() => jest.useFakeTimers());

  it('switches between 居民签到 / 居民签退 / 志愿者签到 / 志愿者签退, the volunteer code marked for volunteers only', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: { code: codeAnswer, roster: emptyRoster, helpers: () => ({ items: [], candidates: [] }) },
    });
    render(<SignInScreenPage />);
    await settle();
    await settle();

    const chips = within(screen.getByRole('radiogroup', { name: '二维码用途' })).getAllByRole('radio');
    expect(chips.map((chip) => chip.textContent)).toEqual(['居民签到', '居民签退', '志愿者签到', '志愿者签退']);
    expect(screen.getByLabelText('签到二维码')).toBeTruthy();
    expect(screen.queryByText('志愿者专用 · 居民请勿扫描')).toBeNull();

    fireEvent.click(screen.getByText('志愿者签到'));
    await settle();
    expect(screen.getByLabelText('志愿者签到二维码').getAttribute('data-token')).toBe('volunteer_in-token');
    expect(screen.getByText('志愿者专用 · 居民请勿扫描')).toBeTruthy();
    expect(screen.getByText('志愿者扫码签到')).toBeTruthy();
    expect(document.querySelector('.ll-rotating-qr--volunteer')).not.toBeNull();

    fireEvent.click(screen.getByText('志愿者签退'));
    await settle();
    expect(screen.getByLabelText('志愿者签退二维码')).toBeTruthy();

    fireEvent.click(screen.getByText('居民签退'));
    await settle();
    expect(screen.getByLabelText('签退二维码')).toBeTruthy();
    expect(screen.queryByText('志愿者专用 · 居民请勿扫描')).toBeNull();
    expect(api.callsTo('checkin', 'code').map((c) => (c.input as { mode: string }).mode)).toEqual([
      'in',
      'volunteer_in',
      'volunteer_out',
      'out',
    ]);
  });

  it('opens on the volunteer code when asked to (?mode=volunteer_in), and ignores an unknown mode', async () => {
    openWithParams({ id: 'Act0000001', mode: 'volunteer_in' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: { code: codeAnswer, roster: emptyRoster, helpers: () => ({ items: [], candidates: [] }) },
    });
    const page = render(<SignInScreenPage />);
    await settle();
    await settle();
    expect(screen.getByLabelText('志愿者签到二维码')).toBeTruthy();
    expect(api.callsTo('checkin', 'code')[0]!.input).toEqual({ activityId: 'Act0000001', mode: 'volunteer_in' });
    page.unmount();

    openWithParams({ id: 'Act0000001', mode: 'everyone_in' });
    render(<SignInScreenPage />);
    await settle();
    await settle();
    expect(screen.getByLabelText('签到二维码')).toBeTruthy();
  });
});

describe('扫个人签到码: a volunteer’s code for their shift', () => {
  beforeEach(() => openWithParams({ id: 'Act0000001' }));

  type StaffScanFake = NonNullable<NonNullable<Parameters<typeof fakeApi>[0]['checkin']>['staffScan']>;
  function rosterBackEnd(staffScan: StaffScanFake) {
    return fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: { roster: emptyRoster, staffScan },
    });
  }

  it('offers 志愿者签到 and 志愿者签退 on the roster and sends the volunteer mode', async () => {
    const api = rosterBackEnd(() => signInResult({ personName: '赵志愿', asVolunteer: true }));
    render(<RosterPage />);

    const chips = within(await screen.findByRole('radiogroup', { name: '扫码用途' })).getAllByRole('radio');
    expect(chips.map((chip) => chip.textContent)).toEqual(['签到', '签退', '志愿者签到', '志愿者签退']);
    fireEvent.click(chips[2]!);
    expect(screen.getByText(/扫志愿者的「我的签到码」/)).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('输入签到码，例如 LC…'), { target: { value: 'LCvol0000001' } });
    fireEvent.click(screen.getByText('志愿者签到', { selector: '.nut-button *' }));

    // The roster's summary line (components/signin-result) names the person and the outcome.
    expect(await screen.findByText(/^赵志愿.*签到成功 14:02/)).toBeTruthy();
    expect(api.callsTo('checkin', 'staffScan')[0]!.input).toEqual({
      activityId: 'Act0000001',
      code: 'LCvol0000001',
      mode: 'volunteer_in',
    });
  });

  it('after a volunteer’s sign-out, says the hours made and that they await review — or what needs checking', async () => {
    let answer = signInResult({
      outcome: 'signed_out',
      personName: '赵志愿',
      asVolunteer: true,
      hours: '2.25',
      flag: null,
    });
    rosterBackEnd(() => answer);
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('志愿者签退'));
    fireEvent.input(screen.getByPlaceholderText('输入签到码，例如 LC…'), { target: { value: 'LCvol0000001' } });
    fireEvent.click(screen.getByText('志愿者签退', { selector: '.nut-button *' }));
    expect(await screen.findByText('志愿时长 2.25 小时，待社工审核')).toBeTruthy();

    answer = signInResult({
      outcome: 'signed_out',
      personName: '赵志愿',
      asVolunteer: true,
      hours: null,
      flag: 'OUTSIDE_WINDOW',
    });
    fireEvent.input(screen.getByPlaceholderText('输入签到码，例如 LC…'), { target: { value: 'LCvol0000001' } });
    fireEvent.click(screen.getByText('志愿者签退', { selector: '.nut-button *' }));
    expect(await screen.findByText('时长需核实（不在活动时间内），请在「时长审核」中更正')).toBeTruthy();
  });

  it('shows the function’s refusal of someone who is not a volunteer here', async () => {
    rosterBackEnd(() => refuse({ code: 'NOT_VOLUNTEER', message: '只有本站审核通过的志愿者可以用志愿者签到码' }));
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('志愿者签到'));
    fireEvent.input(screen.getByPlaceholderText('输入签到码，例如 LC…'), { target: { value: 'LCres0000001' } });
    fireEvent.click(screen.getByText('志愿者签到', { selector: '.nut-button *' }));
    expect((await screen.findByRole('alert')).textContent).toBe('只有本站审核通过的志愿者可以用志愿者签到码');
  });

  it('is not offered to door helpers, who scan residents only', async () => {
    fakeApi({
      checkin: {
        myHelperActivities: () => ({
          items: [{ activityId: 'Act0000001', title: '太极晨练', startAt: '2026-11-23T08:00:00+08:00' }],
        }),
      },
    });
    render(<DoorPage />);
    const chips = within(await screen.findByRole('radiogroup', { name: '扫码用途' })).getAllByRole('radio');
    expect(chips.map((chip) => chip.textContent)).toEqual(['签到', '签退']);
  });
});
