import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { SURVEY_ATTACHMENT_STATUS_LABELS } from '@linli/types/entities/survey';
import ChoiceChips from '@/components/choice-chips';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import StatusBadge from '@/components/status-badge';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { formatMoment, formatWhen } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastMessage, toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/**
 * 活动意见表 (`?id=<activityId>`), from 活动管理: which form the activity asks (the version it was
 * given) and how many have answered; attach one, or replace or remove it while nobody has
 * answered; stop or resume collecting; the way to its results and to paper entry.
 */
export default function ActivitySurveyPage() {
  return (
    <StaffGate need="staff">
      <ActivitySurvey />
    </StaffGate>
  );
}

function ActivitySurvey() {
  const activityId = useRouter().params.id ?? '';
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  const current = useAsync(() => call('surveys', 'activitySurvey', { activityId }), [activityId]);
  const forms = useAsync(() => call('surveys', 'forms', { status: 'active' }), []);
  usePageRefresh(() => {
    current.reload();
    forms.reload();
  });
  const [picking, setPicking] = useState(false);
  const [formId, setFormId] = useState('');
  const attach = useAction((id: string, requestId: string) =>
    call('surveys', 'attach', { formId: id, activityIds: [activityId] }, { requestId }),
  );
  const change = useAction((step: 'close' | 'reopen' | 'detach', requestId: string) =>
    call('surveys', step, { activityId }, { requestId }),
  );

  if (!current.data) {
    return (
      <PageShell>
        {current.error ? <ErrorState error={current.error} onRetry={current.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { survey, attendees, changeable } = current.data;
  const answered = attendees.filter((a) => a.response?.status === 'submitted').length;
  const activity = detail.data?.activity;

  const doAttach = async () => {
    if (!formId) return;
    const result = await attach.run(formId);
    const outcome = result?.results[0];
    if (!outcome) return;
    if (outcome.outcome === 'refused') {
      toastMessage(outcome.message ?? '未能关联');
      return;
    }
    toastSuccess(outcome.outcome === 'unchanged' ? '已是这份意见表' : '已关联');
    setPicking(false);
    current.reload();
  };
  const doChange = async (step: 'close' | 'reopen' | 'detach') => {
    const result = await change.run(step);
    if (!result) return;
    toastSuccess({ close: '已停止收集', reopen: '已重新开放', detach: '已移除' }[step]);
    current.reload();
  };

  const picker = (
    <View className="activity-survey-page__picker">
      <Text className="activity-survey-page__heading">选择意见表</Text>
      {forms.data?.items.length === 0 && (
        <EmptyState title="还没有可用的意见表" description="先新建一份（可以从模板开始）。" />
      )}
      {forms.data && forms.data.items.length > 0 && (
        <ChoiceChips
          label="意见表"
          options={forms.data.items.map((f) => ({ value: f.id, label: `${f.title}（第${f.version}版）` }))}
          value={formId}
          onChange={setFormId}
        />
      )}
      {attach.error && <ErrorBanner message={attach.error.message} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!formId || attach.pending}
        loading={attach.pending}
        onClick={() => void doAttach()}
      >
        {survey ? '更换为这份意见表' : '关联到本活动'}
      </Button>
      <Button fill="outline" block onClick={() => openPage(ROUTES.surveyForm, { template: 'activity' })}>
        新建意见表
      </Button>
    </View>
  );

  return (
    <PageShell className="activity-survey-page">
      <PageHeader title="活动意见表" subtitle={activity ? `${activity.title} · ${formatWhen(activity)}` : undefined} />
      {!survey && (
        <>
          <Text className="activity-survey-page__intro">
            关联后，参加者签退或活动结束后可以在活动页面填写，并收到填写提醒。小组关联的是整个小组：每位组员在最后一节时填一次。
          </Text>
          {picker}
        </>
      )}
      {survey && (
        <>
          <View className="activity-survey-page__card">
            <View className="activity-survey-page__head">
              <Text className="activity-survey-page__title">{survey.title}</Text>
              <StatusBadge
                text={SURVEY_ATTACHMENT_STATUS_LABELS[survey.status]}
                tone={survey.status === 'open' ? 'accent' : 'muted'}
              />
            </View>
            <Text className="activity-survey-page__meta">
              第{survey.formVersion}版 · {survey.questions.length}道题 · {survey.attachedByName} 关联于{' '}
              {formatMoment(survey.attachedAt)}
            </Text>
            <Text className="activity-survey-page__count">
              已填写 {answered} 人 / 参加 {attendees.length} 人
            </Text>
          </View>
          {change.error && <ErrorBanner message={change.error.message} />}
          <View className="activity-survey-page__actions">
            <Button
              type="primary"
              size="large"
              block
              onClick={() => openPage(ROUTES.surveyResults, { id: activityId })}
            >
              查看结果
            </Button>
            <Button
              type="primary"
              fill="outline"
              block
              onClick={() => openPage(ROUTES.surveyPaper, { id: activityId })}
            >
              录入纸质意见表
            </Button>
            {survey.status === 'open' ? (
              <Button fill="outline" block disabled={change.pending} onClick={() => void doChange('close')}>
                停止收集
              </Button>
            ) : (
              <Button fill="outline" block disabled={change.pending} onClick={() => void doChange('reopen')}>
                重新开放
              </Button>
            )}
            {changeable && !picking && (
              <Button fill="outline" block onClick={() => setPicking(true)}>
                更换意见表
              </Button>
            )}
            {changeable && (
              <Button fill="outline" block disabled={change.pending} onClick={() => void doChange('detach')}>
                移除意见表
              </Button>
            )}
          </View>
          {!changeable && (
            <NoticeCard
              title="已有人填写"
              description="为了结果可比，已有人填写的活动不能更换或移除意见表；可以停止收集。"
            />
          )}
          {changeable && picking && picker}
        </>
      )}
    </PageShell>
  );
}
