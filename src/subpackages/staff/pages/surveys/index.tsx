import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ACTIVITY_KIND_LABELS } from '@linli/types/entities/activity-kinds';
import { SURVEY_FORM_STATUS_LABELS, type SurveyForm } from '@linli/types/entities/survey';
import ChoiceChips from '@/components/choice-chips';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import SatisfactionMeter from '@/components/satisfaction-meter';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import StatusBadge from '@/components/status-badge';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { formatDay } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import { PERIOD_CHOICES, periodDates, type PeriodKey } from './periods';
import './index.scss';

/**
 * 意见表与满意度: the station's satisfaction over a period — in total against the contract's
 * 80%, per kind, per 片区, per activity — and its forms: start one from a template or blank,
 * edit, stop using. Forms are attached from each activity (活动管理 → 意见表).
 */
export default function SurveysPage() {
  return (
    <StaffGate need="staff">
      <Surveys />
    </StaffGate>
  );
}

function Surveys() {
  const { station } = useSession();
  const [period, setPeriod] = useState<PeriodKey>('quarter');
  const dates = periodDates(period);
  const rollUp = useAsync(() => call('surveys', 'rollUp', dates), [dates.fromDate, dates.toDate]);
  const forms = useAsync(() => call('surveys', 'forms', {}), []);
  usePageRefresh(() => {
    rollUp.reload();
    forms.reload();
  });
  const setStatus = useAction((form: SurveyForm, requestId: string) =>
    call('surveys', form.status === 'active' ? 'archiveForm' : 'restoreForm', { formId: form.id }, { requestId }),
  );

  const toggle = async (form: SurveyForm) => {
    const saved = await setStatus.run(form);
    if (!saved || !forms.data) return;
    forms.setData({ items: forms.data.items.map((f) => (f.id === saved.id ? saved : f)) });
    toastSuccess(saved.status === 'active' ? '已启用' : '已停用');
  };

  return (
    <PageShell className="surveys-page">
      <PageHeader title="意见表与满意度" subtitle={station?.name} />

      <View className="surveys-page__section">
        <Text className="surveys-page__heading">满意率</Text>
        <ChoiceChips label="统计期间" options={PERIOD_CHOICES} value={period} onChange={setPeriod} />
        <Text className="surveys-page__hint">
          {dates.fromDate} 至 {dates.toDate}，按活动结束日期计入；满意率 = 总体满意度选“满意”或“非常满意”的人数 ÷
          回答该题的人数。
        </Text>
        {rollUp.error && <ErrorState error={rollUp.error} onRetry={rollUp.reload} />}
        {!rollUp.data && !rollUp.error && <LoadingState />}
        {rollUp.data && (
          <>
            <View className="surveys-page__card">
              <SatisfactionMeter satisfaction={rollUp.data.station} label="全站" />
            </View>
            {rollUp.data.byKind.length > 0 && (
              <View className="surveys-page__card">
                <Text className="surveys-page__subheading">按活动类型</Text>
                {rollUp.data.byKind.map((row) => (
                  <SatisfactionMeter key={row.kind} satisfaction={row} label={row.label} compact />
                ))}
              </View>
            )}
            {rollUp.data.byArea.length > 0 && (
              <View className="surveys-page__card">
                <Text className="surveys-page__subheading">按片区</Text>
                {rollUp.data.byArea.map((row) => (
                  <SatisfactionMeter key={row.areaId} satisfaction={row} label={row.label} compact />
                ))}
              </View>
            )}
            {rollUp.data.activities.length > 0 && (
              <View className="surveys-page__card">
                <Text className="surveys-page__subheading">各活动</Text>
                {rollUp.data.activities.map((row) => (
                  <View
                    key={row.activityId}
                    className="surveys-page__activity"
                    role="button"
                    onClick={() => openPage(ROUTES.surveyResults, { id: row.activityId })}
                  >
                    <View className="surveys-page__activity-text">
                      <Text className="surveys-page__activity-title">{row.title}</Text>
                      <Text className="surveys-page__meta">
                        {ACTIVITY_KIND_LABELS[row.kind]} · {formatDay(row.endAt)} · {row.respondents}份
                      </Text>
                    </View>
                    <StatusBadge
                      text={row.rate ?? '暂无'}
                      tone={row.meetsTarget === false ? 'danger' : row.meetsTarget ? 'accent' : 'muted'}
                    />
                  </View>
                ))}
              </View>
            )}
            {rollUp.data.station.respondents === 0 && (
              <EmptyState
                title="这段时间还没有收到意见表"
                description="在「活动管理」里为活动关联意见表，参加者签退或活动结束后就能填写。"
              />
            )}
          </>
        )}
      </View>

      <View className="surveys-page__section">
        <Text className="surveys-page__heading">意见表</Text>
        <View className="surveys-page__new">
          <Button type="primary" block onClick={() => openPage(ROUTES.surveyForm, { template: 'activity' })}>
            从《活动参加者意见表》新建
          </Button>
          <Button
            type="primary"
            fill="outline"
            block
            onClick={() => openPage(ROUTES.surveyForm, { template: 'group' })}
          >
            从《小组参加者意见表》新建
          </Button>
          <Button fill="outline" block onClick={() => openPage(ROUTES.surveyForm)}>
            空白新建
          </Button>
        </View>
        {setStatus.error && <ErrorBanner message={setStatus.error.message} />}
        {forms.error && <ErrorState error={forms.error} onRetry={forms.reload} />}
        {forms.data?.items.length === 0 && (
          <EmptyState title="还没有意见表" description="从模板新建最快，可以再按需要修改。" />
        )}
        {forms.data?.items.map((form) => (
          <View key={form.id} className="surveys-page__form">
            <View className="surveys-page__form-head">
              <Text className="surveys-page__form-title">{form.title}</Text>
              <StatusBadge
                text={SURVEY_FORM_STATUS_LABELS[form.status]}
                tone={form.status === 'active' ? 'accent' : 'muted'}
              />
            </View>
            <Text className="surveys-page__meta">
              第{form.version}版 · {form.questions.length}道题 · {form.updatedByName} 修改于 {formatDay(form.updatedAt)}
            </Text>
            <View className="surveys-page__form-actions">
              {form.status === 'active' && (
                <Button type="primary" fill="outline" onClick={() => openPage(ROUTES.surveyForm, { id: form.id })}>
                  编辑
                </Button>
              )}
              <Button fill="outline" disabled={setStatus.pending} onClick={() => void toggle(form)}>
                {form.status === 'active' ? '停用' : '重新启用'}
              </Button>
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
