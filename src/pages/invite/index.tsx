import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Profile } from '@linli/types/entities/user';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import RedeemForm from '@/components/redeem-form';
import RoleTags from '@/components/role-tags';
import { LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { isStaff } from '@/services/session';
import './index.scss';

/** 兑换邀请码: a station director's code makes me a 社工 or 站长 of that station. */
export default function InvitePage() {
  const session = useSession();
  const [redeemed, setRedeemed] = useState<Profile | null>(null);
  const redeem = useAction((code: string, requestId: string) =>
    call('account', 'redeemInvitation', { code }, { requestId }),
  );

  const submit = async (code: string) => {
    const profile = await redeem.run(code);
    if (!profile) return;
    setRedeemed(profile);
    void session.refresh();
  };

  if (session.loading) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }

  if (redeemed) {
    return (
      <PageShell className="invite-page">
        <View className="invite-page__success">
          <Text className="invite-page__success-title">兑换成功</Text>
          <Text className="invite-page__success-text">{redeemed.name}，您现在的身份是：</Text>
          <RoleTags roles={redeemed.roles} />
          {isStaff(redeemed.roles) && (
            <Button type="primary" size="large" block onClick={() => openPage(ROUTES.workbench)}>
              进入工作台
            </Button>
          )}
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className="invite-page">
      <PageHeader title="兑换邀请码" subtitle="社工站站长会把邀请码发给新加入的工作人员。" />
      {!session.registered ? (
        <NoticeCard
          title="请先完善资料"
          description="兑换邀请码前，需要先填写姓名和所在社区。"
          actionText="完善资料"
          onAction={() => openPage(ROUTES.profile)}
        />
      ) : (
        <RedeemForm
          submitting={redeem.pending}
          error={redeem.fieldErrors.code ?? redeem.error?.message}
          onSubmit={(code) => void submit(code)}
        />
      )}
    </PageShell>
  );
}
