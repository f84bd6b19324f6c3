import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { SurveyAttendee } from '@linli/types/actions/surveys';
import { SURVEY_CHANNEL_LABELS } from '@linli/types/entities/survey';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ReasonDialog from '@/components/reason-dialog';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import StatusBadge from '@/components/status-badge';
import SurveyQuestions from '@/components/survey-questions';
import { errorsByQuestion, toAnswers, type AnswerDraft } from '@/components/survey-questions/answers';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/**
 * 录入纸质意见表 (`?id=<activityId>`): the attendees (walk-ins registered at the door too) with
 * whether each has answered; pick one, copy their paper form in — questions left blank on paper
 * stay blank — and save. Marked 纸质录入 with who typed it. A form typed for the wrong person is
 * voided with a reason. Someone not on the list must first be entered on the paper sign-in list.
 */
export default function SurveyPaperPage() {
  return (
    <StaffGate need="staff">
      <SurveyPaper />
    </StaffGate>
  );
}

function SurveyPaper() {
  const activityId = useRouter().params.id ?? '';
  const current = useAsync(() => call('surveys', 'activitySurvey', { activityId }), [activityId]);
  const [person, setPerson] = useState<SurveyAttendee | null>(null);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [note, setNote] = useState('');
  const [voiding, setVoiding] = useState<SurveyAttendee | null>(null);
  const enter = useAction((personId: string, answers: ReturnType<typeof toAnswers>, text: string, requestId: string) =>
    call('surveys', 'enterPaper', { activityId, personId, answers, note: text }, { requestId }),
  );
  const voidIt = useAction((personId: string, reason: string, requestId: string) =>
    call('surveys', 'voidResponse', { activityId, personId, reason }, { requestId }),
  );

  if (!current.data) {
    return (
      <PageShell>
        {current.error ? <ErrorState error={current.error} onRetry={current.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { survey, attendees } = current.data;
  if (!survey) {
    return (
      <PageShell className="survey-paper-page">
        <PageHeader title="录入纸质意见表" />
        <EmptyState title="这个活动还没有意见表" description="请先在「活动管理 → 意见表」关联一份。" />
      </PageShell>
    );
  }

  const start = (attendee: SurveyAttendee) => {
    setPerson(attendee);
    setDraft({});
    setNote('');
    enter.reset();
  };
  const save = async () => {
    if (!person) return;
    const result = await enter.run(person.personId, toAnswers(survey.questions, draft), note.trim());
    if (!result) return;
    toastSuccess(result.outcome === 'submitted' ? `已录入${person.name}的意见表` : `${person.name}已经填写过了`);
    setPerson(null);
    current.reload();
  };
  const confirmVoid = async (reason: string) => {
    if (!voiding) return;
    const result = await voidIt.run(voiding.personId, reason);
    if (!result) return;
    toastSuccess('已作废');
    setVoiding(null);
    current.reload();
  };

  if (person) {
    const hasFieldErrors = Object.keys(enter.fieldErrors).length > 0;
    return (
      <PageShell className="survey-paper-page">
        <PageHeader
          title={`${person.name}的意见表`}
          subtitle={`${survey.title} 第${survey.formVersion}版 · 纸质录入`}
        />
        <Text className="survey-paper-page__intro">按纸上所填录入；纸上空着的题目留空即可。</Text>
        <SurveyQuestions
          questions={survey.questions}
          overallQuestionId={survey.overallQuestionId}
          value={draft}
          onChange={setDraft}
          errors={errorsByQuestion(enter.fieldErrors)}
          paper
        />
        <View className="survey-paper-page__submit">
          <Field label="备注" optional>
            <Input name="paper-note" placeholder="例如：活动现场收回" value={note} maxLength={100} onChange={setNote} />
          </Field>
          {enter.error && !hasFieldErrors && <ErrorBanner message={enter.error.message} />}
          {hasFieldErrors && <ErrorBanner message={enter.error?.message ?? '请检查标红的题目'} />}
          <Button
            type="primary"
            size="large"
            block
            loading={enter.pending}
            disabled={enter.pending}
            onClick={() => void save()}
          >
            保存
          </Button>
          <Button fill="outline" block onClick={() => setPerson(null)}>
            返回名单
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className="survey-paper-page">
      <PageHeader title="录入纸质意见表" subtitle={`${survey.title} 第${survey.formVersion}版`} />
      <Text className="survey-paper-page__intro">
        名单是本次活动已签到的人（含现场登记的居民）。不在名单上的人，请先在签到名单中补录纸质签到。
      </Text>
      {attendees.length === 0 && <EmptyState title="还没有人签到" />}
      {attendees.map((attendee) => {
        const response = attendee.response;
        const counted = response?.status === 'submitted';
        return (
          <View key={attendee.personId} className="survey-paper-page__row">
            <View className="survey-paper-page__person">
              <Text className="survey-paper-page__name">
                {attendee.name}
                {attendee.walkIn ? '（现场登记）' : ''}
              </Text>
              {counted ? (
                <StatusBadge
                  text={`已填写 · ${SURVEY_CHANNEL_LABELS[response.channel]}${response.enteredByName ? `（${response.enteredByName}）` : ''}`}
                  tone="accent"
                />
              ) : (
                <StatusBadge text={response?.status === 'voided' ? '已作废，未填写' : '未填写'} tone="muted" />
              )}
            </View>
            {counted ? (
              <View className="survey-paper-page__link" role="button" onClick={() => setVoiding(attendee)}>
                作废
              </View>
            ) : (
              <Button type="primary" fill="outline" disabled={survey.status !== 'open'} onClick={() => start(attendee)}>
                录入
              </Button>
            )}
          </View>
        );
      })}
      {survey.status !== 'open' && <ErrorBanner message="意见表已停止收集，重新开放后才能录入。" />}
      {voiding && (
        <ReasonDialog
          title={`作废${voiding.name}的意见表`}
          description="作废后记录仍保留（注明作废人和原因），不计入结果；之后可以重新填写或录入。"
          placeholder="作废原因，例如：录错了人"
          confirmText="确定作废"
          emptyMessage="请填写作废原因"
          pending={voidIt.pending}
          error={voidIt.fieldErrors.reason ?? voidIt.error?.message}
          onConfirm={(reason) => void confirmVoid(reason)}
          onClose={() => {
            setVoiding(null);
            voidIt.reset();
          }}
        />
      )}
    </PageShell>
  );
}
