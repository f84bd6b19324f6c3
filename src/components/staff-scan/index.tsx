import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { SignInResult } from '@linli/types/actions/checkin';
import { HOUR_FLAG_LABELS } from '@linli/types/entities/hours';
import ChoiceChips from '@/components/choice-chips';
import InputAction from '@/components/input-action';
import { isVolunteerMode, type SignInMode } from '@/components/rotating-qr';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { isH5 } from '@/services/platform';
import './index.scss';

export interface StaffScanProps {
  activityId: string;
  onSignedIn: (result: SignInResult) => void;
  /**
   * Also offer 志愿者签到 / 志愿者签退: a volunteer's personal code, for their shift. Staff only —
   * door helpers scan residents (the function refuses them the volunteer modes).
   */
  volunteerModes?: boolean;
}

const RESIDENT_CHOICES = [
  { value: 'in', label: '签到' },
  { value: 'out', label: '签退' },
] as const;
const ALL_CHOICES = [
  ...RESIDENT_CHOICES,
  { value: 'volunteer_in', label: '志愿者签到' },
  { value: 'volunteer_out', label: '志愿者签退' },
] as const;

/** The camera button and the typed-code button, per mode. */
const BUTTON_TEXT: Record<SignInMode, { camera: string; submit: string }> = {
  in: { camera: '扫居民签到码签到', submit: '签到' },
  out: { camera: '扫居民签到码签退', submit: '签退' },
  volunteer_in: { camera: '扫志愿者签到码签到', submit: '志愿者签到' },
  volunteer_out: { camera: '扫志愿者签到码签退', submit: '志愿者签退' },
};

/** After a volunteer's sign-out: the hours it made, pending review, or what needs checking. */
export function volunteerScanNote(result: SignInResult): string | null {
  if (!result.asVolunteer) return null;
  if (result.flag) {
    const label = HOUR_FLAG_LABELS[result.flag as keyof typeof HOUR_FLAG_LABELS] ?? result.flag;
    return `时长需核实（${label}），请在「时长审核」中更正`;
  }
  if (result.hours) return `志愿时长 ${result.hours} 小时，待社工审核`;
  return null;
}

/**
 * 扫码签到 by staff: scan a resident's personal code (我的签到码 on their phone, or a printed
 * card) — or, with `volunteerModes`, a volunteer's, to sign them in or out of their shift. On WeChat the camera reads it; on H5 — and whenever the camera is not at hand — the
 * code printed under the QR can be typed in.
 */
export default function StaffScan({ activityId, onSignedIn, volunteerModes = false }: StaffScanProps) {
  const [mode, setMode] = useState<SignInMode>('in');
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const scan = useAction((code: string, scanMode: SignInMode, requestId: string) =>
    call('checkin', 'staffScan', { activityId, code, mode: scanMode }, { requestId }),
  );

  const submit = async (code: string) => {
    const trimmed = code.trim();
    if (!trimmed) return;
    setNote(null);
    const result = await scan.run(trimmed, mode);
    if (!result) return;
    setTyped('');
    setNote(volunteerScanNote(result));
    onSignedIn(result);
  };

  const openCamera = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submit(result);
    } catch {
      // The person closed the camera: nothing to do.
    }
  };

  return (
    <View className="ll-staff-scan">
      <ChoiceChips
        label="扫码用途"
        options={volunteerModes ? ALL_CHOICES : RESIDENT_CHOICES}
        value={mode}
        onChange={(next) => {
          setMode(next);
          setNote(null);
        }}
      />
      {isVolunteerMode(mode) && (
        <View className="ll-staff-scan__hint">
          扫志愿者的「我的签到码」，为其本场岗位签到或签退；签退后按两次扫码的时间生成服务时长，待社工审核。
        </View>
      )}
      {!isH5() && (
        <Button
          type="primary"
          size="large"
          block
          loading={scan.pending}
          disabled={scan.pending}
          onClick={() => void openCamera()}
        >
          {BUTTON_TEXT[mode].camera}
        </Button>
      )}
      <InputAction
        name="personal-code"
        placeholder="输入签到码，例如 LC…"
        value={typed}
        maxLength={64}
        onChange={setTyped}
        buttonText={BUTTON_TEXT[mode].submit}
        pending={scan.pending}
        onSubmit={() => void submit(typed)}
        error={scan.error?.message}
      />
      {note && (
        <View className="ll-staff-scan__note" role="status">
          {note}
        </View>
      )}
    </View>
  );
}
