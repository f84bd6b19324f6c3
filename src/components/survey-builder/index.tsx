import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import {
  MAX_SURVEY_OPTIONS,
  MAX_SURVEY_QUESTIONS,
  RATING_SCALES,
  SURVEY_QUESTION_TYPE_LABELS,
  SURVEY_QUESTION_TYPES,
  type SurveyQuestion,
} from '@linli/types/entities/survey';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import { ErrorBanner } from '@/components/state-views';
import {
  addOption,
  addQuestion,
  markOverall,
  moveQuestion,
  removeOption,
  removeQuestion,
  updateOption,
  updateQuestion,
  type BuilderState,
} from './builder-state';
import './index.scss';

export interface SurveyBuilderProps {
  state: BuilderState;
  onChange: (next: BuilderState) => void;
  /** Problems by path (from validate() or the function's field errors, `draft.` dropped). */
  problems: Readonly<Record<string, string>>;
}

const SCALE_CHOICES = [
  {
    value: 'satisfaction' as const,
    label: `满意度（${RATING_SCALES.satisfaction[4]}…${RATING_SCALES.satisfaction[0]}）`,
  },
  { value: 'agreement' as const, label: `认同度（${RATING_SCALES.agreement[4]}…${RATING_SCALES.agreement[0]}）` },
];

/**
 * The form builder: title and introduction, then the questions in order — each with its text,
 * its options or scale, 必答/选填, and for a rating 设为总体满意度题 — moved up and down, removed,
 * and added by type. Exactly one rating is the overall question the satisfaction rate reads.
 */
export default function SurveyBuilder({ state, onChange, problems }: SurveyBuilderProps) {
  const problemAt = (path: string) => problems[path];
  return (
    <View className="ll-survey-builder">
      <Field label="标题" error={problemAt('title')}>
        <Input
          name="survey-title"
          placeholder="例如：活动参加者意见表"
          value={state.title}
          maxLength={40}
          onChange={(title) => onChange({ ...state, title })}
        />
      </Field>
      <Field label="开头的说明" optional error={problemAt('intro')}>
        <TextArea
          className="ll-survey-builder__textarea"
          placeholder="例如：感谢您参加本次活动！请按您的真实感受填写。"
          value={state.intro}
          maxLength={200}
          rows={3}
          onChange={(intro) => onChange({ ...state, intro })}
        />
      </Field>

      {problemAt('overallQuestionId') && <ErrorBanner message={problemAt('overallQuestionId')!} />}
      {problemAt('questions') && <ErrorBanner message={problemAt('questions')!} />}

      {state.questions.map((question, i) => (
        <QuestionEditor
          key={question.id}
          question={question}
          index={i}
          count={state.questions.length}
          overall={question.id === state.overallQuestionId}
          problems={Object.fromEntries(
            Object.entries(problems)
              .filter(([path]) => path.startsWith(`questions.${i}.`))
              .map(([path, message]) => [path.slice(`questions.${i}.`.length), message]),
          )}
          state={state}
          onChange={onChange}
        />
      ))}

      {state.questions.length < MAX_SURVEY_QUESTIONS && (
        <View className="ll-survey-builder__add">
          <Text className="ll-survey-builder__add-title">添加题目</Text>
          <View className="ll-survey-builder__add-buttons">
            {SURVEY_QUESTION_TYPES.map((type) => (
              <Button key={type} fill="outline" type="primary" onClick={() => onChange(addQuestion(state, type))}>
                ＋ {SURVEY_QUESTION_TYPE_LABELS[type]}
              </Button>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}

interface QuestionEditorProps {
  question: SurveyQuestion;
  index: number;
  count: number;
  overall: boolean;
  /** Problems of this question, by path within it (`title`, `options.1.label`). */
  problems: Record<string, string>;
  state: BuilderState;
  onChange: (next: BuilderState) => void;
}

function QuestionEditor({ question, index, count, overall, problems, state, onChange }: QuestionEditorProps) {
  const update = (patch: Partial<SurveyQuestion>) => onChange(updateQuestion(state, question.id, patch));
  return (
    <View
      className={`ll-survey-builder__question${overall ? ' ll-survey-builder__question--overall' : ''}`}
      aria-label={`第${index + 1}题`}
    >
      <View className="ll-survey-builder__question-head">
        <Text className="ll-survey-builder__question-number">
          第{index + 1}题 · {SURVEY_QUESTION_TYPE_LABELS[question.type]}
        </Text>
        {overall && <Text className="ll-survey-builder__overall-badge">总体满意度（计入满意率）</Text>}
      </View>
      <Field label="题目" error={problems.title}>
        <Input
          name={`question-${question.id}`}
          placeholder="例如：您对本次活动的内容满意吗？"
          value={question.title}
          maxLength={60}
          onChange={(title) => update({ title })}
        />
      </Field>

      {question.type === 'rating' && !overall && (
        <ChoiceChips
          label="评分的说法"
          options={SCALE_CHOICES}
          value={question.scale}
          onChange={(scale) => update({ scale })}
        />
      )}

      {(question.type === 'single' || question.type === 'multiple') && (
        <View className="ll-survey-builder__options">
          {question.options.map((option, j) => (
            <View key={option.id} className="ll-survey-builder__option">
              <View className="ll-survey-builder__option-input">
                <Field label={`选项${j + 1}`} error={problems[`options.${j}.label`]}>
                  <Input
                    name={`option-${question.id}-${option.id}`}
                    placeholder="选项内容"
                    value={option.label}
                    maxLength={30}
                    onChange={(label) => onChange(updateOption(state, question.id, option.id, label))}
                  />
                </Field>
              </View>
              {question.options.length > 2 && (
                <View
                  className="ll-survey-builder__link ll-survey-builder__link--danger"
                  role="button"
                  onClick={() => onChange(removeOption(state, question.id, option.id))}
                >
                  删除
                </View>
              )}
            </View>
          ))}
          {problems.options && <ErrorBanner message={problems.options} />}
          {question.options.length < MAX_SURVEY_OPTIONS && (
            <View
              className="ll-survey-builder__link"
              role="button"
              onClick={() => onChange(addOption(state, question.id))}
            >
              ＋ 添加选项
            </View>
          )}
        </View>
      )}

      <View className="ll-survey-builder__tools">
        {!overall && (
          <View
            className="ll-survey-builder__link"
            role="switch"
            aria-checked={question.required}
            onClick={() => update({ required: !question.required })}
          >
            {question.required ? '必答（点此改为选填）' : '选填（点此改为必答）'}
          </View>
        )}
        {question.type === 'rating' && !overall && (
          <View
            className="ll-survey-builder__link"
            role="button"
            onClick={() => onChange(markOverall(state, question.id))}
          >
            设为总体满意度题
          </View>
        )}
        {index > 0 && (
          <View
            className="ll-survey-builder__link"
            role="button"
            aria-label={`第${index + 1}题上移`}
            onClick={() => onChange(moveQuestion(state, question.id, -1))}
          >
            上移
          </View>
        )}
        {index < count - 1 && (
          <View
            className="ll-survey-builder__link"
            role="button"
            aria-label={`第${index + 1}题下移`}
            onClick={() => onChange(moveQuestion(state, question.id, 1))}
          >
            下移
          </View>
        )}
        <View
          className="ll-survey-builder__link ll-survey-builder__link--danger"
          role="button"
          aria-label={`删除第${index + 1}题`}
          onClick={() => onChange(removeQuestion(state, question.id))}
        >
          删除
        </View>
      </View>
    </View>
  );
}
