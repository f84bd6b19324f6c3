import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import CodeCard from '@/components/code-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ResidentSearch from '@/components/resident-search';
import SaveCardButton from '@/components/save-card-button';
import StaffGate from '@/components/staff-gate';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import type { CardFace } from '@/services/card-drawing';
import { isH5 } from '@/services/platform';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/**
 * 签到卡 (`?personId=`): a resident's personal code printed on a card, for those without a phone
 * (or who would rather not use it): staff scan the card at the door like 我的签到码. Without a
 * `personId` (from 工作台) the page first finds the resident.
 */
export default function CodeCardPage() {
  return (
    <StaffGate need="staff">
      <CodeCardScreen />
    </StaffGate>
  );
}

function CodeCardScreen() {
  const personId = useRouter().params.personId;
  return personId ? <PersonCard personId={personId} /> : <FindResident />;
}

function FindResident() {
  return (
    <PageShell className="code-card-page">
      <PageHeader title="签到卡" subtitle="为没有手机的居民打印签到卡：先找到这位居民。" />
      <ResidentSearch
        actionText="签到卡"
        onPick={(person) => openPage(ROUTES.codeCard, { personId: person.personId })}
      />
    </PageShell>
  );
}

function PersonCard({ personId }: { personId: string }) {
  const { station } = useSession();
  const card = useAsync(() => call('checkin', 'personCard', { personId }), [personId]);
  const [confirmingReissue, setConfirmingReissue] = useState(false);
  const reissue = useAction((requestId: string) => call('checkin', 'reissueCard', { personId }, { requestId }));
  const confirmReissue = async () => {
    const fresh = await reissue.run();
    if (!fresh) return;
    card.setData(fresh);
    setConfirmingReissue(false);
    toastSuccess('已换新卡，旧卡作废');
  };

  if (!card.data) {
    return (
      <PageShell>{card.error ? <ErrorState error={card.error} onRetry={card.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const { name, communityName, code, imageBase64 } = card.data;
  const face: CardFace = { name, communityName, code, stationName: station?.name };
  return (
    <PageShell className="code-card-page">
      <PageHeader title={`${name}的签到卡`} subtitle="居民到场时出示此卡，工作人员在「签到名单」里扫码即可签到。" />
      <CodeCard face={face} qrBase64={imageBase64} />
      <View className="code-card-page__actions">
        {isH5() && (
          // The print stylesheet (components/code-card) leaves only the card on the sheet.
          <Button type="primary" size="large" block onClick={() => window.print()}>
            打印
          </Button>
        )}
        <SaveCardButton face={face} qrBase64={imageBase64} text="保存图片" />
      </View>
      <Text className="code-card-page__hint">
        {isH5()
          ? '打印出来是实际大小（85.6×54 毫米，与银行卡一样），沿边框剪下，过塑后交给居民。卡片长期有效，请提醒居民妥善保管。'
          : '保存到相册后，可以发到电脑上打印，或直接给居民看。卡片长期有效，请提醒居民妥善保管。'}
      </Text>
      {confirmingReissue ? (
        <View className="code-card-page__reissue" role="alertdialog">
          <Text>重新制卡后，旧卡和居民手机上原来的签到码都会立即作废，需要用新卡签到。</Text>
          {reissue.error && <Text className="code-card-page__error">{reissue.error.message}</Text>}
          <Button type="danger" block loading={reissue.pending} onClick={() => void confirmReissue()}>
            确定重新制卡
          </Button>
          <Button fill="outline" block onClick={() => setConfirmingReissue(false)}>
            不用了
          </Button>
        </View>
      ) : (
        <View className="code-card-page__lost" role="button" onClick={() => setConfirmingReissue(true)}>
          卡片丢了？重新制卡
        </View>
      )}
    </PageShell>
  );
}
