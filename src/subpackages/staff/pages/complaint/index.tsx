import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { ComplaintView } from '@linli/types/entities/complaint';
import ComplaintDetail from '@/components/complaint-detail';
import ComplaintHistory from '@/components/complaint-history';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PickerField from '@/components/picker-field';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/**
 * 反馈处理 (`?id=`): the complaint in full for its handling staff — the sender (unless anonymous
 * to the 站长), the text, the deadline in red once passed, every step so far. The handler (or the
 * 站长) replies; once replied it can be ended; the 站长 reassigns and sees who opened it.
 */
export default function ComplaintPage() {
  return (
    <StaffGate need="staff">
      <Complaint />
    </StaffGate>
  );
}

function Complaint() {
  const id = useRouter().params.id ?? '';
  const complaint = useAsync(() => call('feedback', 'get', { complaintId: id }), [id]);
  if (!complaint.data) {
    if (complaint.error) return <ErrorState error={complaint.error} onRetry={complaint.reload} />;
    return <LoadingState />;
  }
  return <Handling view={complaint.data} onChange={complaint.setData} />;
}

function Handling({ view, onChange }: { view: ComplaintView; onChange: (next: ComplaintView) => void }) {
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string>();
  const send = useAction((text: string, requestId: string) =>
    call('feedback', 'reply', { complaintId: view.id, reply: text }, { requestId }),
  );
  const close = useAction((requestId: string) => call('feedback', 'close', { complaintId: view.id }, { requestId }));

  const sendReply = async () => {
    if (reply.trim().length < 2) {
      setReplyError('请填写答复内容');
      return;
    }
    setReplyError(undefined);
    const next = await send.run(reply.trim());
    if (!next) return;
    onChange(next);
    setReply('');
    toastSuccess('已答复');
  };
  const closeIt = async () => {
    const next = await close.run();
    if (!next) return;
    onChange(next);
    toastSuccess('已结束');
  };

  return (
    <PageShell className="complaint-page">
      <ComplaintDetail complaint={view} audience="staff" />
      {view.can.reply && (
        <View className="complaint-page__reply">
          <Field label="答复" hint="提交人会在「我的反馈」里看到" error={replyError ?? send.fieldErrors.reply}>
            <TextArea
              className="complaint-page__reply-text"
              placeholder="处理结果和说明"
              value={reply}
              maxLength={500}
              rows={4}
              onChange={(value) => {
                setReply(value);
                setReplyError(undefined);
              }}
            />
          </Field>
          {send.error && !send.fieldErrors.reply && <ErrorBanner message={send.error.message} />}
          <Button type="primary" block loading={send.pending} disabled={send.pending} onClick={() => void sendReply()}>
            提交答复
          </Button>
        </View>
      )}
      {view.can.close && (
        <View className="complaint-page__close">
          {close.error && <ErrorBanner message={close.error.message} />}
          <Button fill="outline" block loading={close.pending} disabled={close.pending} onClick={() => void closeIt()}>
            结束（已处理完毕）
          </Button>
        </View>
      )}
      {view.can.reassign && <Reassign view={view} onChange={onChange} />}
      <ComplaintHistory events={view.history} />
      {view.reads && (
        <View className="complaint-page__reads" data-testid="complaint-reads">
          <Text className="complaint-page__heading">查阅记录</Text>
          {view.reads.map((read, index) => (
            <Text key={`${read.at}-${index}`} className="complaint-page__read">
              {formatMoment(read.at)} · {read.by}
            </Text>
          ))}
        </View>
      )}
    </PageShell>
  );
}

/** 改派 (站长): another staff member of the station; the function refuses the one it is about. */
function Reassign({ view, onChange }: { view: ComplaintView; onChange: (next: ComplaintView) => void }) {
  const options = useAsync(() => call('feedback', 'options', {}), []);
  const [index, setIndex] = useState(-1);
  const reassign = useAction((handlerId: string, requestId: string) =>
    call('feedback', 'reassign', { complaintId: view.id, handlerId }, { requestId }),
  );
  const staff = (options.data?.staff ?? []).filter((s) => s.id !== view.handlerId);
  const chosen = index >= 0 ? staff[index] : undefined;

  const confirm = async () => {
    if (!chosen) return;
    const next = await reassign.run(chosen.id);
    if (!next) return;
    onChange(next);
    setIndex(-1);
    toastSuccess(`已改派给${chosen.name}`);
  };

  return (
    <View className="complaint-page__reassign">
      <Field label="改派" optional error={reassign.fieldErrors.handlerId ?? reassign.error?.message}>
        <PickerField
          label="改派给"
          mode="selector"
          range={staff.map((s) => s.name)}
          value={Math.max(index, 0)}
          display={chosen?.name ?? ''}
          placeholder="选择另一位工作人员"
          onChange={setIndex}
        />
      </Field>
      {chosen && (
        <Button
          fill="outline"
          block
          loading={reassign.pending}
          disabled={reassign.pending}
          onClick={() => void confirm()}
        >
          改派给{chosen.name}
        </Button>
      )}
    </View>
  );
}
