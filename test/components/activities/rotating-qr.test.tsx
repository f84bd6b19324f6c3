import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import RotatingQr, { RETRY_MS, type SignInMode } from '@/components/rotating-qr';
import { fakeApi } from '../support/fake-api';

/** A code answer like the function's: token `t<n>` for the n-th call, rotating in `seconds`. */
function codeAnswers(seconds: number[]) {
  let served = 0;
  return fakeApi({
    checkin: {
      code: ({ mode }) => {
        served += 1;
        return {
          token: `${mode}-t${served}`,
          imageBase64: `PNG${served}`,
          link: `http://127.0.0.1:8930/#/pages/checkin/index?scene=${mode}-t${served}`,
          expiresAt: '2026-11-23T14:01:00+08:00',
          rotatesInSeconds: seconds[served - 1] ?? 30,
        };
      },
    },
  });
}

function Screen() {
  const [mode, setMode] = useState<SignInMode>('in');
  return <RotatingQr activityId="Act0000001" mode={mode} onModeChange={setMode} />;
}

const shownToken = () => screen.getByLabelText(/二维码$/).getAttribute('data-token');
/** Lets the fake back end answer (its promises settle in microtasks). */
const settle = () => act(async () => undefined);

describe('rotating sign-in code', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows the code as a PNG data URI with a countdown', async () => {
    codeAnswers([12]);
    render(<Screen />);
    await settle();

    const image = screen.getByLabelText('签到二维码');
    expect(image.getAttribute('src') ?? image.querySelector('img')?.getAttribute('src')).toBe(
      'data:image/png;base64,PNG1',
    );
    expect(screen.getByText('12秒后更新二维码')).toBeTruthy();
    await act(async () => jest.advanceTimersByTime(5000));
    expect(screen.getByText('7秒后更新二维码')).toBeTruthy();
  });

  it('fetches a new code when the countdown ends, not before', async () => {
    const api = codeAnswers([12, 30]);
    render(<Screen />);
    await settle();
    expect(shownToken()).toBe('in-t1');

    await act(async () => jest.advanceTimersByTime(11_000));
    expect(api.callsTo('checkin', 'code')).toHaveLength(1);

    await act(async () => jest.advanceTimersByTime(1000));
    await settle();
    expect(api.callsTo('checkin', 'code')).toHaveLength(2);
    expect(shownToken()).toBe('in-t2');
    expect(screen.getByText('30秒后更新二维码')).toBeTruthy();

    await act(async () => jest.advanceTimersByTime(30_000));
    await settle();
    expect(api.callsTo('checkin', 'code')).toHaveLength(3);
  });

  it('switches to the sign-out code at once', async () => {
    const api = codeAnswers([30, 30]);
    render(<Screen />);
    await settle();
    fireEvent.click(screen.getByText('居民签退'));
    await settle();

    expect(api.callsTo('checkin', 'code').map((c) => c.input)).toEqual([
      { activityId: 'Act0000001', mode: 'in' },
      { activityId: 'Act0000001', mode: 'out' },
    ]);
    expect(screen.getByLabelText('签退二维码')).toBeTruthy();
    expect(screen.getByText('请用微信扫码签退')).toBeTruthy();
  });

  it('tries again shortly after a failed refresh', async () => {
    let calls = 0;
    fakeApi({
      checkin: {
        code: () => {
          calls += 1;
          if (calls === 1) throw new Error('offline');
          return {
            token: 'ok',
            imageBase64: 'PNG',
            link: '',
            expiresAt: '2026-11-23T14:01:00+08:00',
            rotatesInSeconds: 30,
          };
        },
      },
    });
    render(<Screen />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('网络不稳定，请稍后重试');

    await act(async () => jest.advanceTimersByTime(RETRY_MS));
    await settle();
    expect(calls).toBe(2);
    expect(shownToken()).toBe('ok');
  });
});
