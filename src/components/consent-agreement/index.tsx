import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Checkbox from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import { isH5 } from '@/services/platform';
import './index.scss';

export interface ConsentAgreementProps {
  /** Under 14: their guardian agrees with them. */
  minor: boolean;
  pending: boolean;
  error?: string;
  onAgree: (guardianConsent: boolean) => void;
}

/**
 * 同意 under a changed privacy notice. On WeChat the button is also the platform's
 * `agreePrivacyAuthorization`: agreeing to our notice tells WeChat too, so its own privacy
 * pop-up does not ask again when a photo is picked (docs/privacy.md "WeChat privacy interfaces").
 */
export default function ConsentAgreement({ minor, pending, error, onAgree }: ConsentAgreementProps) {
  const [guardian, setGuardian] = useState(false);
  const [localError, setLocalError] = useState<string>();

  const agree = () => {
    if (minor && !guardian) {
      setLocalError('未满14周岁，需监护人阅读并同意');
      return;
    }
    setLocalError(undefined);
    onAgree(guardian);
  };

  const shown = localError ?? error;
  return (
    <View className="ll-consent-agreement" role="region" aria-label="同意隐私保护指引">
      <Text className="ll-consent-agreement__title">隐私保护指引已更新</Text>
      <Text className="ll-consent-agreement__text">
        请阅读上面的指引。同意后，您才能继续报名、签到、提交心愿和反馈等需要提供个人信息的操作；不同意也可以浏览和查看您的记录，或申请删除。
      </Text>
      {minor && (
        <Checkbox
          checked={guardian}
          label="我是监护人，已阅读并同意"
          onChange={(checked) => {
            setGuardian(checked);
            setLocalError(undefined);
          }}
        />
      )}
      {shown && (
        <View className="ll-consent-agreement__error" role="alert">
          {shown}
        </View>
      )}
      <Button
        type="primary"
        size="large"
        block
        loading={pending}
        disabled={pending}
        openType={isH5() ? undefined : 'agreePrivacyAuthorization'}
        onClick={agree}
      >
        同意
      </Button>
    </View>
  );
}
