import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionOutput } from '@linli/types/api';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import SurveyQuestions from '@/components/survey-questions';
import {
  errorsByQuestion,
  toAnswers,
  toDraft,
  unanswered,
  type AnswerDraft,
} from '@/components/survey-questions/answers';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, replacePage } from '@/services/routes';
import './index.scss';

type MyForm = ActionOutput<'surveys', 'myForm'>;

/** Why the form cannot be filled in now, in words for the person holding the phone. */
const NOT_OPEN: Record<Exclude<MyForm['state'], 'open' | 'answered'>, string> = {
  none: '这个活动没有意见表。',
  not_attendee: '只有参加了本次活动（已签到）的居民才能填写意见表。',
  not_yet: '签退后或活动结束后就可以填写了。',
  closed: '这份意见表已停止收集，谢谢您的关心。',
};

/**
 * 活动意见表 (`?id=<activityId>`): the form of an activity I attended — large choices, one per
 * row — sent once; afterwards, what I answered. Nobody else's answers are ever shown here.
 */
export default function SurveyPage() {
  const activityId = useRouter().params.id ?? '';
  const mine = useAsync(() => call('surveys', 'myForm', { activityId }), [activityId]);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const submit = useAction((answers: ReturnType<typeof toAnswers>, requestId: string) =>
    call('surveys', 'submit', { activityId, answers }, { requestId }),
  );

  if (!mine.data) {
    return (
      <PageShell>{mine.error ? <ErrorState error={mine.error} onRetry={mine.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const form = mine.data;
  const header = <PageHeader title={form.survey?.title ?? '活动意见表'} subtitle={form.activityTitle} />;

  if (form.state === 'answered' && form.survey && form.response) {
    return (
      <PageShell className="survey-page">
        {header}
        <NoticeCard title="谢谢您的意见！" description={`已于 ${formatMoment(form.response.submittedAt)} 提交。`} />
        <Text className="survey-page__heading">您填写的内容</Text>
        <SurveyQuestions
          questions={form.survey.questions}
          overallQuestionId={form.survey.overallQuestionId}
          value={toDraft(form.response.answers)}
          readOnly
        />
      </PageShell>
    );
  }
  if (form.state !== 'open' || !form.survey) {
    const when = form.state === 'not_yet' && form.opensAt ? `（${formatMoment(form.opensAt)}起）` : '';
    return (
      <PageShell className="survey-page">
        {header}
        <NoticeCard
          title="现在还不能填写"
          description={`${form.state === 'open' || form.state === 'answered' ? NOT_OPEN.none : NOT_OPEN[form.state]}${when}`}
          actionText="查看活动"
          onAction={() => replacePage(ROUTES.activity, { id: activityId })}
        />
      </PageShell>
    );
  }

  const { survey } = form;
  const send = async () => {
    const problems = unanswered(survey.questions, survey.overallQuestionId, draft);
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await submit.run(toAnswers(survey.questions, draft));
    if (!result) return;
    toastSuccess(result.outcome === 'submitted' ? '提交成功' : '您已经提交过了');
    mine.setData({ ...form, state: 'answered', response: result.response });
  };
  const errors = { ...errorsByQuestion(submit.fieldErrors), ...missing };
  const missingCount = Object.keys(missing).length;
  return (
    <PageShell className="survey-page">
      {header}
      {survey.intro && <Text className="survey-page__intro">{survey.intro}</Text>}
      <SurveyQuestions
        questions={survey.questions}
        overallQuestionId={survey.overallQuestionId}
        value={draft}
        errors={errors}
        onChange={(next) => {
          setDraft(next);
          // A question answered no longer needs its message.
          setMissing(
            Object.fromEntries(
              Object.entries(missing).filter(
                ([id]) => !toAnswers(survey.questions, next).some((a) => a.questionId === id),
              ),
            ),
          );
        }}
      />
      <View className="survey-page__submit">
        {missingCount > 0 && <ErrorBanner message={`还有${missingCount}道必答题没有回答，请看上面标红的题目`} />}
        {submit.error && Object.keys(submit.fieldErrors).length === 0 && <ErrorBanner message={submit.error.message} />}
        <Button
          type="primary"
          size="large"
          block
          loading={submit.pending}
          disabled={submit.pending}
          onClick={() => void send()}
        >
          提交意见表
        </Button>
      </View>
    </PageShell>
  );
}
