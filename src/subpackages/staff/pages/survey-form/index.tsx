import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { SurveyFormDraftInput } from '@linli/types/entities/survey';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import SurveyBuilder from '@/components/survey-builder';
import { emptyBuilder, fromDraft, validate, type BuilderState } from '@/components/survey-builder/builder-state';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, goBack } from '@/services/routes';
import './index.scss';

/**
 * 编辑意见表: `?id=` edits a form (saved as its next version; activities keep the version they
 * were given), `?template=activity|group` starts a new one from a template, neither starts blank.
 */
export default function SurveyFormPage() {
  return (
    <StaffGate need="staff">
      <SurveyFormEditor />
    </StaffGate>
  );
}

function SurveyFormEditor() {
  const { id, template } = useRouter().params;
  const source = useAsync(async () => {
    if (id) return { form: await call('surveys', 'form', { formId: id }), draft: null };
    if (!template) return { form: null, draft: null };
    const { items } = await call('surveys', 'templates', {});
    return { form: null, draft: items.find((t) => t.id === template)?.draft ?? null };
  }, [id, template]);
  const [state, setState] = useState<BuilderState | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useAction((draft: SurveyFormDraftInput, requestId: string) =>
    source.data?.form
      ? call(
          'surveys',
          'updateForm',
          { formId: source.data.form.id, version: source.data.form.version, draft },
          { requestId },
        )
      : call('surveys', 'createForm', { draft, ...(template ? { templateId: template } : {}) }, { requestId }),
  );

  useEffect(() => {
    if (!source.data || state) return;
    const { form, draft } = source.data;
    setState(form ? fromDraft(form) : draft ? fromDraft(draft) : emptyBuilder());
  }, [source.data, state]);

  if (!state) {
    return (
      <PageShell>
        {source.error ? <ErrorState error={source.error} onRetry={source.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const editing = source.data?.form ?? null;

  const submit = async () => {
    const checked = validate(state);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    const saved = await save.run(checked.draft);
    if (!saved) return;
    toastSuccess(editing ? `已保存为第${saved.version}版` : '已新建');
    goBack(ROUTES.staffSurveys);
  };

  // The function's field errors say `draft.questions.2.title`: the builder's paths lack `draft.`.
  const serverProblems = Object.fromEntries(
    Object.entries(save.fieldErrors).map(([path, message]) => [path.replace(/^draft\./, ''), message]),
  );
  const shown = { ...serverProblems, ...problems };
  const count = Object.keys(shown).length;
  return (
    <PageShell className="survey-form-page">
      <PageHeader
        title={editing ? '编辑意见表' : '新建意见表'}
        subtitle={editing ? `现在是第${editing.version}版；保存后为第${editing.version + 1}版` : undefined}
      />
      <Text className="survey-form-page__intro">
        四种题型：1–5分评分、单选、多选、文字意见。须有一道“总体满意度”评分题，满意率按它计算（选“满意”或“非常满意”算满意）。已关联活动的意见表，修改后那些活动仍用关联时的版本。
      </Text>
      <SurveyBuilder
        state={state}
        onChange={(next) => {
          setState(next);
          if (count > 0) setProblems(validate(next).ok ? {} : problems);
        }}
        problems={shown}
      />
      <View className="survey-form-page__submit">
        {count > 0 && <ErrorBanner message={`请检查标红的${count}处`} />}
        {save.error && Object.keys(save.fieldErrors).length === 0 && <ErrorBanner message={save.error.message} />}
        <Button
          type="primary"
          size="large"
          block
          loading={save.pending}
          disabled={save.pending}
          onClick={() => void submit()}
        >
          {editing ? '保存为新版本' : '保存意见表'}
        </Button>
      </View>
    </PageShell>
  );
}
