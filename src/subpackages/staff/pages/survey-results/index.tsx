import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SURVEY_QUESTION_TYPE_LABELS } from '@linli/types/entities/survey';
import DistributionBars from '@/components/distribution-bars';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import SatisfactionMeter from '@/components/satisfaction-meter';
import StaffGate from '@/components/staff-gate';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatMoment, formatTimeRange } from '@/services/activity-time';
import { call } from '@/services/api';
import './index.scss';

/**
 * 意见表结果 (`?id=<activityId>`): the satisfaction rate against the contract's 80%, each
 * question's answers as bars with the average of ratings, and the written comments — without
 * names, for the station's staff only.
 */
export default function SurveyResultsPage() {
  return (
    <StaffGate need="staff">
      <SurveyResults />
    </StaffGate>
  );
}

function SurveyResults() {
  const activityId = useRouter().params.id ?? '';
  const results = useAsync(() => call('surveys', 'results', { activityId }), [activityId]);
  usePageRefresh(results.reload);

  if (!results.data) {
    return (
      <PageShell>
        {results.error ? <ErrorState error={results.error} onRetry={results.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { survey, activity, satisfaction, questions, comments, attendees, paper, moreComments } = results.data;
  const titleOf = (questionId: string) => survey.questions.find((q) => q.id === questionId)?.title ?? '';
  return (
    <PageShell className="survey-results-page">
      <PageHeader title={activity.title} subtitle={formatTimeRange(activity.startAt, activity.endAt)} />
      <View className="survey-results-page__card">
        <SatisfactionMeter satisfaction={satisfaction} label="满意率" />
        <Text className="survey-results-page__meta">
          收回 {satisfaction.respondents} 份（本人填写 {satisfaction.respondents - paper} 份，纸质录入 {paper} 份）/
          参加 {attendees} 人 · {survey.title} 第{survey.formVersion}版
        </Text>
      </View>

      {questions.map((question, i) => (
        <View key={question.questionId} className="survey-results-page__card">
          <Text className="survey-results-page__question">
            {i + 1}. {question.title}
          </Text>
          <Text className="survey-results-page__meta">
            {SURVEY_QUESTION_TYPE_LABELS[question.type]}
            {question.overall ? ' · 总体满意度（计入满意率）' : ''} · {question.answered}人回答
            {question.average ? ` · 平均 ${question.average} 分` : ''}
          </Text>
          {question.distribution.length > 0 && <DistributionBars result={question} />}
        </View>
      ))}

      <View className="survey-results-page__card">
        <Text className="survey-results-page__question">文字意见（{comments.length}）</Text>
        <Text className="survey-results-page__meta">不显示填写人姓名{moreComments ? '；只显示最近100份' : ''}</Text>
        {comments.length === 0 && <Text className="survey-results-page__empty">还没有文字意见</Text>}
        {comments.map((comment, i) => (
          <View key={`${comment.submittedAt}-${i}`} className="survey-results-page__comment">
            <Text className="survey-results-page__comment-text">{comment.text}</Text>
            <Text className="survey-results-page__comment-meta">
              {titleOf(comment.questionId)} · {formatMoment(comment.submittedAt)}
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
