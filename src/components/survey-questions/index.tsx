import { Text, View } from '@tarojs/components';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { MAX_SURVEY_TEXT, RATING_MAX, ratingLabel, type SurveyQuestion } from '@linli/types/entities/survey';
import type { AnswerDraft } from './answers';
import './index.scss';

export interface SurveyQuestionsProps {
  questions: readonly SurveyQuestion[];
  overallQuestionId: string;
  value: AnswerDraft;
  onChange?: (next: AnswerDraft) => void;
  /** Messages per question id. */
  errors?: Readonly<Record<string, string>>;
  /** Shows the answers without letting them change (what I answered). */
  readOnly?: boolean;
  /** Staff typing a paper form: nothing is marked as required. */
  paper?: boolean;
}

/** 5 down to 1, as a paper form lists them: the most satisfied first. */
const RATINGS = Array.from({ length: RATING_MAX }, (_, i) => RATING_MAX - i);

/**
 * A form's questions to answer, one card each, every choice a full-width row to tap (large for
 * older hands; 长辈模式 makes it larger still). Ratings read as words (非常满意 … 非常不满意),
 * never as bare numbers.
 */
export default function SurveyQuestions({
  questions,
  overallQuestionId,
  value,
  onChange,
  errors = {},
  readOnly = false,
  paper = false,
}: SurveyQuestionsProps) {
  const set = (questionId: string, next: AnswerDraft[string]) => {
    if (!readOnly) onChange?.({ ...value, [questionId]: next });
  };
  return (
    <View className="ll-survey-questions">
      {questions.map((question, i) => {
        const answer = value[question.id] ?? {};
        const required = !paper && (question.required || question.id === overallQuestionId);
        const error = errors[question.id];
        return (
          <View
            key={question.id}
            className={`ll-survey-questions__card${error ? ' ll-survey-questions__card--invalid' : ''}`}
            aria-label={`第${i + 1}题`}
          >
            <Text className="ll-survey-questions__title">
              {i + 1}. {question.title}
              {required ? <Text className="ll-survey-questions__required">（必答）</Text> : null}
              {question.type === 'multiple' ? <Text className="ll-survey-questions__hint">（可多选）</Text> : null}
            </Text>
            {question.type === 'rating' && (
              <Options
                label={question.title}
                kind="radio"
                readOnly={readOnly}
                options={RATINGS.map((v) => ({ key: String(v), label: ratingLabel(question.scale, v) }))}
                picked={answer.rating ? [String(answer.rating)] : []}
                onPick={(key) => set(question.id, { rating: Number(key) })}
              />
            )}
            {question.type === 'single' && (
              <Options
                label={question.title}
                kind="radio"
                readOnly={readOnly}
                options={question.options.map((o) => ({ key: o.id, label: o.label }))}
                picked={answer.choices ?? []}
                onPick={(key) => set(question.id, { choices: [key] })}
              />
            )}
            {question.type === 'multiple' && (
              <Options
                label={question.title}
                kind="checkbox"
                readOnly={readOnly}
                options={question.options.map((o) => ({ key: o.id, label: o.label }))}
                picked={answer.choices ?? []}
                onPick={(key) => {
                  const chosen = answer.choices ?? [];
                  const next = chosen.includes(key) ? chosen.filter((c) => c !== key) : [...chosen, key];
                  set(question.id, { choices: next });
                }}
              />
            )}
            {question.type === 'text' &&
              (readOnly ? (
                <Text className="ll-survey-questions__text">{answer.text || '（未填写）'}</Text>
              ) : (
                <TextArea
                  className="ll-survey-questions__textarea"
                  placeholder="请写下您的意见或建议（选填）"
                  value={answer.text ?? ''}
                  maxLength={MAX_SURVEY_TEXT}
                  rows={4}
                  onChange={(text) => set(question.id, { text })}
                />
              ))}
            {error && (
              <View className="ll-survey-questions__error" role="alert">
                {error}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}

interface OptionsProps {
  label: string;
  kind: 'radio' | 'checkbox';
  options: readonly { key: string; label: string }[];
  picked: readonly string[];
  readOnly: boolean;
  onPick: (key: string) => void;
}

function Options({ label, kind, options, picked, readOnly, onPick }: OptionsProps) {
  return (
    <View className="ll-survey-questions__options" role={kind === 'radio' ? 'radiogroup' : 'group'} aria-label={label}>
      {options.map((option) => {
        const on = picked.includes(option.key);
        return (
          <View
            key={option.key}
            role={kind}
            aria-checked={on}
            aria-disabled={readOnly}
            className={`ll-survey-questions__option${on ? ' ll-survey-questions__option--on' : ''}`}
            onClick={() => !readOnly && onPick(option.key)}
          >
            <View className={`ll-survey-questions__mark ll-survey-questions__mark--${kind}`} aria-hidden>
              {on ? '✓' : ''}
            </View>
            <Text className="ll-survey-questions__label">{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
