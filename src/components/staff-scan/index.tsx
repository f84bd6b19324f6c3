import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { SignInResult } from '@linli/types/actions/checkin';
import ChoiceChips from '@/components/choice-chips';
import InputAction from '@/components/input-action';
import type { SignInMode } from '@/components/rotating-qr';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { isH5 } from '@/services/platform';
import './index.scss';

export interface StaffScanProps {
  activityId: string;
  onSignedIn: (result: SignInResult) => void;
}

const MODE_CHOICES = [
  { value: 'in', label: '签到' },
  { value: 'out', label: '签退' },
] as const;

/**
 * 扫码签到 by staff: scan a resident's personal code (我的签到码 on their phone, or a printed
 * card). On WeChat the camera reads it; on H5 — and whenever the camera is not at hand — the
 * code printed under the QR can be typed in.
 */
export default function StaffScan({ activityId, onSignedIn }: StaffScanProps) {
  const [mode, setMode] = useState<SignInMode>('in');
  const [typed, setTyped] = useState('');
  const scan = useAction((code: string, scanMode: SignInMode, requestId: string) =>
    call('checkin', 'staffScan', { activityId, code, mode: scanMode }, { requestId }),
  );

  const submit = async (code: string) => {
    const trimmed = code.trim();
    if (!trimmed) return;
    const result = await scan.run(trimmed, mode);
    if (!result) return;
    setTyped('');
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
      <ChoiceChips label="扫码用途" options={MODE_CHOICES} value={mode} onChange={setMode} />
      {!isH5() && (
        <Button
          type="primary"
          size="large"
          block
          loading={scan.pending}
          disabled={scan.pending}
          onClick={() => void openCamera()}
        >
          {mode === 'in' ? '扫居民签到码签到' : '扫居民签到码签退'}
        </Button>
      )}
      <InputAction
        name="personal-code"
        placeholder="输入签到码，例如 LC…"
        value={typed}
        maxLength={64}
        onChange={setTyped}
        buttonText={mode === 'in' ? '签到' : '签退'}
        pending={scan.pending}
        onSubmit={() => void submit(typed)}
        error={scan.error?.message}
      />
    </View>
  );
}
