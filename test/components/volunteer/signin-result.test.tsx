import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import SignInResult, { signInSummary, type SignInView } from '@/components/signin-result';
import CheckinPage from '@/pages/checkin/index';
import { fakeApi } from '../support/fake-api';
import { navigateTo } from '../support/taro';
import { openWithParams, signInResult } from '../activities/fixtures';

afterEach(() => jest.restoreAllMocks());

/** A volunteer's shift scan at 太极晨练, as checkin.scan answers it. */
const shiftScan = (overrides: Parameters<typeof signInResult>[0] = {}) =>
  signInResult({ activityTitle: '太极晨练', personName: '刘建国', asVolunteer: true, ...overrides });

function renderResult(view: SignInView) {
  const handlers = { onHome: jest.fn(), onVolunteerHours: jest.fn() };
  render(<SignInResult view={view} {...handlers} />);
  return handlers;
}

describe('sign-in result for a volunteer’s shift', () => {
  it('reads as a volunteer sign-in, with what to do at the end', () => {
    renderResult({ kind: 'done', result: shiftScan() });
    expect(screen.getByText('志愿服务签到成功 14:02')).toBeTruthy();
    expect(screen.getByText('刘建国 · 志愿者')).toBeTruthy();
    expect(screen.getByText('服务结束离开前，请扫志愿者签退码签退，服务时长按签到、签退的时间计算。')).toBeTruthy();
  });

  it('gives the hours of a sign-out, pending a social worker’s review', () => {
    const { onVolunteerHours } = renderResult({
      kind: 'done',
      result: shiftScan({ outcome: 'signed_out', at: '2026-11-23T15:32:00+08:00', hours: '1.50', flag: null }),
    });
    expect(screen.getByText('志愿服务签退成功 15:32')).toBeTruthy();
    expect(screen.getByText('本次服务时长 1.50 小时（待社工审核）')).toBeTruthy();
    fireEvent.click(screen.getByText('查看我的服务时长'));
    expect(onVolunteerHours).toHaveBeenCalled();
  });

  it('explains a flagged sign-out: a social worker checks the time first', () => {
    renderResult({
      kind: 'done',
      result: shiftScan({ outcome: 'signed_out', hours: null, flag: 'OUTSIDE_WINDOW' }),
    });
    expect(screen.getByText('志愿服务签退成功 14:02')).toBeTruthy();
    expect(
      screen.getByText('签退已记录。这次的签到签退时间需要社工核实（不在活动时间内），核实后计入服务时长。'),
    ).toBeTruthy();
    expect(screen.queryByText(/本次服务时长/)).toBeNull();
  });

  it('shows a repeated sign-out with the hours recorded the first time', () => {
    renderResult({ kind: 'done', result: shiftScan({ outcome: 'already_signed_out', hours: '1.50' }) });
    expect(screen.getByText('您已签退（14:02）')).toBeTruthy();
    expect(screen.getByText('这次记录的服务时长 1.50 小时')).toBeTruthy();
  });

  it('leaves a resident’s sign-in as it was', () => {
    renderResult({ kind: 'done', result: signInResult({ outcome: 'signed_out' }) });
    expect(screen.getByText('签退成功 14:02')).toBeTruthy();
    expect(screen.queryByText('查看我的服务时长')).toBeNull();
    expect(screen.queryByText(/服务时长/)).toBeNull();
  });

  it('tells someone who is not a volunteer of this station', () => {
    renderResult({ kind: 'failed', error: { code: 'NOT_VOLUNTEER', message: DEFAULT_MESSAGES.NOT_VOLUNTEER } });
    expect(screen.getByText('还不是本站志愿者')).toBeTruthy();
    expect(screen.getByText(DEFAULT_MESSAGES.NOT_VOLUNTEER)).toBeTruthy();
  });

  it('sums a volunteer scan up for staff with the hours', () => {
    expect(signInSummary(shiftScan())).toBe('刘建国（志愿者）签到成功 14:02');
    expect(signInSummary(shiftScan({ outcome: 'signed_out', hours: '1.50' }))).toBe(
      '刘建国（志愿者）签退成功 14:02 · 1.50小时',
    );
    expect(signInSummary(shiftScan({ outcome: 'signed_out', hours: null, flag: 'MISSING_SIGN_OUT' }))).toBe(
      '刘建国（志愿者）签退成功 14:02 · 时长待核实',
    );
    expect(signInSummary(signInResult({ headcount: 2 }))).toBe('王秀英 签到成功 14:02 · 共2人');
  });
});

describe('scan page after a volunteer sign-out', () => {
  it('leads to 我的服务时长', async () => {
    openWithParams({ scene: 'vAct0000001ufd2kXy3_-Zq8Lw0a' });
    fakeApi({ checkin: { scan: () => shiftScan({ outcome: 'signed_out', hours: '2.00' }) } });
    render(<CheckinPage />);
    expect(await screen.findByText('本次服务时长 2.00 小时（待社工审核）')).toBeTruthy();
    fireEvent.click(screen.getByText('查看我的服务时长'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/hours/index' });
  });
});
