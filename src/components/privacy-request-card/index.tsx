import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { PRIVACY_REQUEST_STATUS_LABELS, type PrivacyRequest } from '@linli/types/entities/privacy';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

export interface PrivacyRequestCardProps {
  request: PrivacyRequest & { overdue?: boolean };
  /** Who asked (the 站长's queue); omitted for the person's own list. */
  who?: ReactNode;
  /** Buttons under it (the 站长's actions). */
  children?: ReactNode;
}

/** A deletion request: its status, when it was made and is due, and what came of it. */
export default function PrivacyRequestCard({ request, who, children }: PrivacyRequestCardProps) {
  const tone = request.overdue ? 'overdue' : request.status;
  return (
    <View className="ll-privacy-request" role="group" aria-label="删除申请">
      <View className="ll-privacy-request__head">
        <Text className="ll-privacy-request__kind">删除个人信息</Text>
        <Text className={`ll-privacy-request__status ll-privacy-request__status--${tone}`}>
          {request.overdue ? '已逾期' : PRIVACY_REQUEST_STATUS_LABELS[request.status]}
        </Text>
      </View>
      {who}
      <Text className="ll-privacy-request__line">申请时间：{formatMoment(request.requestedAt)}</Text>
      {request.status === 'pending' && (
        <Text className="ll-privacy-request__line">处理期限：{formatMoment(request.dueAt)} 前</Text>
      )}
      {request.reason && <Text className="ll-privacy-request__line">原因：{request.reason}</Text>}
      {request.handledAt && (
        <Text className="ll-privacy-request__line">处理时间：{formatMoment(request.handledAt)}</Text>
      )}
      {request.note && <Text className="ll-privacy-request__line">说明：{request.note}</Text>}
      {request.outcome && (
        <Text className="ll-privacy-request__line">
          {`已删除 ${request.outcome.deleted} 条记录、${request.outcome.files} 张照片；${request.outcome.anonymised} 条依规保留的记录已去除姓名和联系方式`}
        </Text>
      )}
      {children}
    </View>
  );
}
