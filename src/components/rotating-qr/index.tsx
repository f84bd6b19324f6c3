import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ActionOutput } from '@linli/types/api';
import type { signInModeSchema } from '@linli/types/actions/checkin';
import ChoiceChips from '@/components/choice-chips';
import { asApiError } from '@/hooks/use-async';
import { usePageVisible, useInterval } from '@/hooks/use-interval';
import { call, type ApiError } from '@/services/api';
import './index.scss';

export type SignInMode = z.infer<typeof signInModeSchema>;
type Code = ActionOutput<'checkin', 'code'>;

export interface RotatingQrProps {
  activityId: string;
  mode: SignInMode;
  onModeChange: (mode: SignInMode) => void;
}

/** After a failed refresh, try again this soon (the old code still works for up to a minute). */
export const RETRY_MS = 5000;

const MODE_CHOICES = [
  { value: 'in', label: '居民签到' },
  { value: 'out', label: '居民签退' },
  { value: 'volunteer_in', label: '志愿者签到' },
  { value: 'volunteer_out', label: '志愿者签退' },
] as const;

/** The QR's name for screen readers and the line under it, per mode. */
const MODE_TEXT: Record<SignInMode, { image: string; caption: string }> = {
  in: { image: '签到二维码', caption: '请用微信扫码签到' },
  out: { image: '签退二维码', caption: '请用微信扫码签退' },
  volunteer_in: { image: '志愿者签到二维码', caption: '志愿者扫码签到' },
  volunteer_out: { image: '志愿者签退二维码', caption: '志愿者扫码签退' },
};

export const isVolunteerMode = (mode: SignInMode): boolean => mode === 'volunteer_in' || mode === 'volunteer_out';

/** A mode named in a page's query (`?mode=volunteer_in`), or the resident sign-in. */
export function signInModeOf(value: string | undefined): SignInMode {
  return MODE_CHOICES.find((choice) => choice.value === value)?.value ?? 'in';
}

/**
 * The code on the social worker's screen. A token is good for its own 30-second window and the
 * next, so the screen asks for a new one when `rotatesInSeconds` runs out (the function says how
 * long is left; the phone's own clock may be wrong). Nothing is asked while the page is hidden;
 * coming back, the first tick finds the code overdue and fetches at once.
 * What must change together: cloudfunctions/_shared/domain/signin-token.ts (window length).
 */
export default function RotatingQr({ activityId, mode, onModeChange }: RotatingQrProps) {
  const [code, setCode] = useState<Code | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [deadline, setDeadline] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const visible = usePageVisible();
  const fetching = useRef(false);
  const ticket = useRef(0);

  const fetchCode = useCallback(() => {
    if (fetching.current) return;
    fetching.current = true;
    const mine = ++ticket.current;
    call('checkin', 'code', { activityId, mode }).then(
      (answer) => {
        if (mine !== ticket.current) return;
        fetching.current = false;
        const time = Date.now();
        setCode(answer);
        setError(null);
        setNow(time);
        setDeadline(time + Math.max(1, answer.rotatesInSeconds) * 1000);
      },
      (cause: unknown) => {
        if (mine !== ticket.current) return;
        const time = Date.now();
        fetching.current = false;
        setError(asApiError(cause));
        setNow(time);
        setDeadline(time + RETRY_MS);
      },
    );
  }, [activityId, mode]);

  // A new activity or mode: forget the old code (and any answer still on its way) and fetch.
  useEffect(() => {
    ticket.current += 1;
    fetching.current = false;
    setCode(null);
    fetchCode();
    return () => {
      ticket.current += 1;
    };
  }, [fetchCode]);

  useInterval(
    () => {
      const time = Date.now();
      setNow(time);
      if (time >= deadline) fetchCode();
    },
    visible ? 1000 : null,
  );

  const secondsLeft = Math.max(0, Math.ceil((deadline - now) / 1000));
  // The volunteer code looks different and says so: a resident who scans it is refused
  // (NOT_VOLUNTEER) and has not signed in.
  const volunteer = isVolunteerMode(mode);
  return (
    <View className={`ll-rotating-qr${volunteer ? ' ll-rotating-qr--volunteer' : ''}`}>
      <ChoiceChips label="二维码用途" options={MODE_CHOICES} value={mode} onChange={onModeChange} />
      {volunteer && (
        <View className="ll-rotating-qr__volunteer" role="note">
          志愿者专用 · 居民请勿扫描
        </View>
      )}
      <View className="ll-rotating-qr__frame">
        {code ? (
          <Image
            className="ll-rotating-qr__image"
            src={`data:image/png;base64,${code.imageBase64}`}
            mode="widthFix"
            aria-label={MODE_TEXT[mode].image}
            data-token={code.token}
          />
        ) : (
          <Text className="ll-rotating-qr__placeholder">{error ? '二维码获取失败' : '正在生成二维码…'}</Text>
        )}
      </View>
      <Text className="ll-rotating-qr__caption">{MODE_TEXT[mode].caption}</Text>
      {volunteer && (
        <Text className="ll-rotating-qr__volunteer-hint">
          志愿者到岗扫「志愿者签到」，离开时扫「志愿者签退」；两次扫码的时间生成服务时长，由社工审核。
        </Text>
      )}
      {error ? (
        <View className="ll-rotating-qr__error" role="alert">
          {error.message}，{secondsLeft}秒后重试
        </View>
      ) : (
        code && <Text className="ll-rotating-qr__countdown">{secondsLeft}秒后更新二维码</Text>
      )}
    </View>
  );
}
