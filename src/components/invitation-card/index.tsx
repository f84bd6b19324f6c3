import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ROLE_LABELS } from '@linli/types/entities/common';
import type { Invitation } from '@linli/types/entities/user';
import { formatDateTime } from '@/services/format';
import './index.scss';

export type InvitationStatus = 'unused' | 'used' | 'expired';

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.usedBy || invitation.usedAt) return 'used';
  return new Date(invitation.expiresAt).getTime() <= now.getTime() ? 'expired' : 'unused';
}

const STATUS_LABELS: Record<InvitationStatus, string> = { unused: '未使用', used: '已使用', expired: '已过期' };

/** A just-created invitation: the code in large type to read out or copy, and when it expires. */
export function InvitationHighlight({ invitation, onCopy }: { invitation: Invitation; onCopy: () => void }) {
  return (
    <View className="ll-invitation-card ll-invitation-card--highlight">
      <Text className="ll-invitation-card__caption">邀请{ROLE_LABELS[invitation.role]}的邀请码</Text>
      <Text className="ll-invitation-card__code" selectable>
        {invitation.code}
      </Text>
      <Text className="ll-invitation-card__meta">有效期至 {formatDateTime(invitation.expiresAt)}，只能使用一次</Text>
      <Button type="primary" block onClick={onCopy}>
        复制邀请码
      </Button>
    </View>
  );
}

/** One row of the invitation list. */
export function InvitationRow({ invitation, now }: { invitation: Invitation; now: Date }) {
  const status = invitationStatus(invitation, now);
  return (
    <View className="ll-invitation-card">
      <View className="ll-invitation-card__row">
        <Text className="ll-invitation-card__code-small">{invitation.code}</Text>
        <Text className={`ll-invitation-card__status ll-invitation-card__status--${status}`}>
          {STATUS_LABELS[status]}
        </Text>
      </View>
      <Text className="ll-invitation-card__meta">
        {ROLE_LABELS[invitation.role]} ·{' '}
        {status === 'used' && invitation.usedAt
          ? `${formatDateTime(invitation.usedAt)} 已使用`
          : `有效期至 ${formatDateTime(invitation.expiresAt)}`}
      </Text>
    </View>
  );
}
