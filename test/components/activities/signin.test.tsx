import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ErrorCode } from '@linli/types/errors';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import SignInResult, { type SignInView } from '@/components/signin-result';
import CheckinPage from '@/pages/checkin/index';
import { fakeApi, refuse } from '../support/fake-api';
import MyCodePage from '@/pages/my-code/index';
import { reLaunch } from '../support/taro';
import { openWithParams, signInResult } from './fixtures';

function renderResult(view: SignInView) {
  const handlers = { onHome: jest.fn(), onRetry: jest.fn(), onCompleteProfile: jest.fn() };
  render(<SignInResult view={view} {...handlers} />);
  return handlers;
}

const failed = (code: ErrorCode, message = DEFAULT_MESSAGES[code]): SignInView => ({
  kind: 'failed',
  error: { code, message },
});

describe('sign-in result screen', () => {
  it('shows a sign-in with the time, the activity and the party', () => {
    renderResult({ kind: 'done', result: signInResult({ headcount: 3 }) });
    expect(screen.getByText('签到成功 14:02')).toBeTruthy();
    expect(screen.getByText('长者智能手机课堂')).toBeTruthy();
    expect(screen.getByText('王秀英 等 共3人')).toBeTruthy();
  });

  it('shows a single person without a party count', () => {
    renderResult({ kind: 'done', result: signInResult() });
    expect(screen.getByText('王秀英')).toBeTruthy();
    expect(screen.queryByText(/共\d人/)).toBeNull();
  });

  it.each([
    ['already_signed_in', '您已签到（14:02）'],
    ['signed_out', '签退成功 14:02'],
    ['already_signed_out', '您已签退（14:02）'],
  ] as const)('shows %s', (outcome, title) => {
    renderResult({ kind: 'done', result: signInResult({ outcome }) });
    expect(screen.getByText(title)).toBeTruthy();
  });

  it('tells the person to scan the newest code when theirs rotated away', () => {
    renderResult(failed('TOKEN_EXPIRED'));
    expect(screen.getByText('二维码已更新')).toBeTruthy();
    expect(screen.getByText('请扫描屏幕上最新的二维码')).toBeTruthy();
  });

  it.each([
    ['SIGN_IN_NOT_OPEN', '活动还未开始签到'],
    ['SIGN_IN_CLOSED', '签到已结束'],
    ['NOT_SIGNED_IN', '还没有签到'],
    ['ACTIVITY_CANCELLED', '活动已取消'],
    ['TOKEN_WRONG_ACTIVITY', '不是这个活动的二维码'],
    ['TOKEN_MALFORMED', '无法识别这个二维码'],
    ['NOT_INVITED', '仅限受邀居民参加'],
  ] as const)('explains %s with the server’s message', (code, title) => {
    renderResult(failed(code));
    expect(screen.getByText(title)).toBeTruthy();
    expect(screen.getByText(DEFAULT_MESSAGES[code])).toBeTruthy();
  });

  it('asks for a profile first, with the way to it', () => {
    const { onCompleteProfile } = renderResult(failed('PROFILE_REQUIRED'));
    fireEvent.click(screen.getByText('完善资料'));
    expect(onCompleteProfile).toHaveBeenCalled();
  });

  it('offers a retry only where another try may help', () => {
    const { onRetry } = renderResult(failed('INTERNAL', '网络不稳定，请稍后重试'));
    expect(screen.getByText('签到没有成功')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalled();
  });

  it('always leads back to 首页', () => {
    const { onHome } = renderResult(failed('TOKEN_EXPIRED'));
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('回到首页'));
    expect(onHome).toHaveBeenCalled();
  });
});

describe('scan page (pages/checkin/index)', () => {
  const openWithScene = (scene: string | undefined) => openWithParams(scene === undefined ? {} : { scene });

  afterEach(() => jest.restoreAllMocks());

  it('signs in once with the token from the URL-encoded scene', async () => {
    openWithScene(encodeURIComponent('iAct0000001ufd2kXy3_-Zq8Lw0a'));
    const api = fakeApi({ checkin: { scan: () => signInResult({ headcount: 2 }) } });
    render(<CheckinPage />);

    expect(await screen.findByText('签到成功 14:02')).toBeTruthy();
    expect(screen.getByText('王秀英 等 共2人')).toBeTruthy();
    expect(api.callsTo('checkin', 'scan')).toHaveLength(1);
    expect(api.callsTo('checkin', 'scan')[0]!.input).toEqual({ token: 'iAct0000001ufd2kXy3_-Zq8Lw0a' });
    fireEvent.click(screen.getByText('回到首页'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('shows an expired code as rotated', async () => {
    openWithScene('iAct0000001ufd2kXy3_-Zq8Lw0a');
    fakeApi({ checkin: { scan: () => refuse({ code: 'TOKEN_EXPIRED', message: DEFAULT_MESSAGES.TOKEN_EXPIRED }) } });
    render(<CheckinPage />);
    expect(await screen.findByText('请扫描屏幕上最新的二维码')).toBeTruthy();
  });

  it('calls nothing without a code', async () => {
    openWithScene(undefined);
    const api = fakeApi({});
    render(<CheckinPage />);
    expect(screen.getByText('没有读到签到码')).toBeTruthy();
    await act(() => Promise.resolve()); // the page's (empty) load settles
    expect(screen.getByText('没有读到签到码')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});

describe('我的签到码', () => {
  it('shows my code large, with my name and what to do with it', async () => {
    fakeApi({ checkin: { myCode: () => ({ code: 'LCab12CD34ef', imageBase64: 'PNGDATA', name: '王秀英' }) } });
    render(<MyCodePage />);

    expect(await screen.findByText('请向工作人员出示此码')).toBeTruthy();
    expect(screen.getByText('王秀英')).toBeTruthy();
    expect(screen.getByText('LCab12CD34ef')).toBeTruthy();
    const image = screen.getByLabelText('我的签到码');
    expect(image.getAttribute('src') ?? image.querySelector('img')?.getAttribute('src')).toBe(
      'data:image/png;base64,PNGDATA',
    );
  });
});
