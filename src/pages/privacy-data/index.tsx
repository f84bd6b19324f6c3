import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { PRIVACY_REQUEST_WORKING_DAYS } from '@linli/types/privacy';
import EntryList from '@/components/entry-list';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PrivacyRequestCard from '@/components/privacy-request-card';
import { ErrorBanner, sessionFallback } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { isH5 } from '@/services/platform';
import { needsConsent } from '@/services/privacy';
import { ROUTES, openPage } from '@/services/routes';
import { saveFile } from '@/services/save-file';
import './index.scss';

/**
 * 我的 → 隐私与数据 (docs/privacy.md): the notice, downloading everything held about me, asking
 * for deletion, and what became of my requests — the last also after the deletion, when there is
 * no profile any more.
 */
export default function PrivacyDataPage() {
  const session = useSession();
  const requests = useAsync(() => call('account', 'myDataRequests', {}), []);
  const [reason, setReason] = useState('');
  const exporting = useAction(async (_requestId: string) => {
    // A link to the file, not the data: a long history can pass the 1 MB a function may answer.
    const file = await call('account', 'exportMyData', {});
    await saveFile(file);
    return file;
  });
  const requesting = useAction((text: string, requestId: string) =>
    call('account', 'requestDeletion', text ? { reason: text } : {}, { requestId }),
  );

  const fallback = sessionFallback(session);
  if (fallback) return <PageShell>{fallback}</PageShell>;
  const { profile } = session;
  const items = requests.data?.items ?? [];
  const pending = items.find((r) => r.status === 'pending');

  const exportData = async () => {
    if (await exporting.run()) toastSuccess(isH5() ? '已下载' : '已生成');
  };

  const requestDeletion = async () => {
    const { confirm } = await Taro.showModal({
      title: '申请删除我的信息',
      content: `站长会在${PRIVACY_REQUEST_WORKING_DAYS}个工作日内处理。删除后，您的资料、联系方式、照片和填写的内容都会删除，不能恢复；按规定保留的统计记录会去掉您的姓名。`,
      confirmText: '申请删除',
      cancelText: '再想想',
    });
    if (!confirm) return;
    if (!(await requesting.run(reason.trim()))) return;
    setReason('');
    requests.reload();
    toastSuccess('已提交申请');
  };

  return (
    <PageShell className="privacy-data-page">
      <PageHeader title="隐私与数据" subtitle="查看隐私保护指引，导出或申请删除社工站保存的您的信息。" />
      <EntryList
        items={[
          {
            key: 'notice',
            title: '隐私保护指引',
            description: needsConsent(profile) ? '已更新，请阅读并同意' : '我们收集什么、为什么、谁能看到、保存多久',
            onClick: () => openPage(ROUTES.privacy),
          },
        ]}
      />

      {profile && (
        <View className="privacy-data-page__section">
          <Text className="privacy-data-page__title">导出我的数据</Text>
          <Text className="privacy-data-page__text">
            我们保存的关于您的全部信息：资料、报名和签到、志愿服务、心愿、意见反馈等，生成一个 JSON 文件。
          </Text>
          {exporting.error && <ErrorBanner message={exporting.error.message} />}
          <Button
            type="primary"
            fill="outline"
            block
            loading={exporting.pending}
            disabled={exporting.pending}
            onClick={() => void exportData()}
          >
            导出我的数据
          </Button>
        </View>
      )}

      {profile && !pending && (
        <View className="privacy-data-page__section">
          <Text className="privacy-data-page__title">申请删除</Text>
          <Text className="privacy-data-page__text">
            {`申请后，站长会在${PRIVACY_REQUEST_WORKING_DAYS}个工作日内处理。按法律和服务合同必须保留的记录（活动签到、志愿服务时长、意见处理记录）会去掉您的姓名和联系方式后保留，只用于统计。`}
          </Text>
          <TextArea
            className="privacy-data-page__reason"
            placeholder="原因（可不填）"
            value={reason}
            maxLength={200}
            rows={2}
            onChange={setReason}
          />
          {requesting.error && <ErrorBanner message={requesting.fieldErrors.reason ?? requesting.error.message} />}
          <Button
            type="danger"
            fill="outline"
            block
            loading={requesting.pending}
            disabled={requesting.pending}
            onClick={() => void requestDeletion()}
          >
            申请删除我的信息
          </Button>
        </View>
      )}

      {items.length > 0 && (
        <View className="privacy-data-page__section">
          <Text className="privacy-data-page__title">我的申请</Text>
          {items.map((request) => (
            <PrivacyRequestCard key={request.id} request={request} />
          ))}
        </View>
      )}
      {!profile && items.length === 0 && (
        <Text className="privacy-data-page__text">您还没有完善资料，社工站没有保存您的个人信息。</Text>
      )}
    </PageShell>
  );
}
