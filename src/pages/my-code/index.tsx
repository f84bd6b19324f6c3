import { Image, Text, View } from '@tarojs/components';
import PageShell from '@/components/page-shell';
import SaveCardButton from '@/components/save-card-button';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { communityName } from '@/services/session';
import './index.scss';

/**
 * 我的签到码: my own long-lived code, for those who cannot scan: a social worker scans it at the
 * door and signs me (and my family on the booking) in. The code is also printed below, for staff
 * without a camera to type in. 保存为图片 saves it as the same card staff print (services/card-drawing).
 */
export default function MyCodePage() {
  const { profile, station } = useSession();
  const code = useAsync(() => call('checkin', 'myCode', {}), []);
  if (!code.data) {
    return (
      <PageShell>{code.error ? <ErrorState error={code.error} onRetry={code.reload} /> : <LoadingState />}</PageShell>
    );
  }
  return (
    <PageShell className="my-code-page">
      <View className="my-code-page__card">
        <Text className="my-code-page__name">{code.data.name}</Text>
        <Image
          className="my-code-page__image"
          src={`data:image/png;base64,${code.data.imageBase64}`}
          mode="widthFix"
          aria-label="我的签到码"
        />
        <Text className="my-code-page__ask">请向工作人员出示此码</Text>
        <Text className="my-code-page__code" selectable>
          {code.data.code}
        </Text>
      </View>
      <View className="my-code-page__save">
        <SaveCardButton
          face={{
            name: code.data.name,
            communityName: communityName(station, profile?.communityId) || null,
            code: code.data.code,
            stationName: station?.name,
          }}
          qrBase64={code.data.imageBase64}
          text="保存为图片"
        />
      </View>
      <Text className="my-code-page__hint">
        到了活动现场，把这个页面给工作人员看，就能签到，不用自己扫码。可以保存为图片，也可以请社工打印成卡片。
      </Text>
    </PageShell>
  );
}
