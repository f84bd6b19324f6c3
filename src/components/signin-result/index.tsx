import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { SignInResult as SignInAnswer } from '@linli/types/actions/checkin';
import type { ErrorCode } from '@linli/types/errors';
import type { ApiError } from '@/services/api';
import { formatClock } from '@/services/activity-time';
import './index.scss';

export type SignInView =
  | { kind: 'done'; result: SignInAnswer }
  | { kind: 'failed'; error: Pick<ApiError, 'code' | 'message'> }
  /** The page was opened without a code (not from a QR). */
  | { kind: 'no_token' };

export interface SignInResultProps {
  view: SignInView;
  /** Shown as 完善资料 when the server asks for a profile first. */
  onCompleteProfile?: () => void;
  /** Shown as 重试 for failures that another try may fix (the network). */
  onRetry?: () => void;
  onHome: () => void;
}

type Tone = 'success' | 'info' | 'warning' | 'error';

interface Headline {
  tone: Tone;
  title: string;
  text?: string;
}

const OUTCOME_TITLES: Record<SignInAnswer['outcome'], (time: string) => Headline> = {
  signed_in: (time) => ({ tone: 'success', title: `签到成功 ${time}` }),
  already_signed_in: (time) => ({ tone: 'info', title: `您已签到（${time}）` }),
  signed_out: (time) => ({ tone: 'success', title: `签退成功 ${time}` }),
  already_signed_out: (time) => ({ tone: 'info', title: `您已签退（${time}）` }),
};

const STAFF_OUTCOMES: Record<SignInAnswer['outcome'], (time: string) => string> = {
  signed_in: (time) => `签到成功 ${time}`,
  already_signed_in: (time) => `已签到（${time}）`,
  signed_out: (time) => `签退成功 ${time}`,
  already_signed_out: (time) => `已签退（${time}）`,
};

/** One line for staff after signing someone in: `张秀兰 签到成功 14:02 · 共3人`. */
export function signInSummary(result: SignInAnswer): string {
  const party = result.headcount > 1 ? ` · 共${result.headcount}人` : '';
  return `${result.personName} ${STAFF_OUTCOMES[result.outcome](formatClock(result.at))}${party}`;
}

/**
 * Short titles for the refusals a resident meets at the door; the server's message explains.
 * A code that rotated away gets the instruction itself: the person did nothing wrong.
 */
const ERROR_TITLES: Partial<Record<ErrorCode, Headline>> = {
  TOKEN_EXPIRED: { tone: 'warning', title: '二维码已更新', text: '请扫描屏幕上最新的二维码' },
  TOKEN_FUTURE: { tone: 'warning', title: '二维码已更新', text: '请扫描屏幕上最新的二维码' },
  SIGN_IN_NOT_OPEN: { tone: 'warning', title: '活动还未开始签到' },
  SIGN_IN_CLOSED: { tone: 'warning', title: '签到已结束' },
  NOT_SIGNED_IN: { tone: 'warning', title: '还没有签到' },
  ACTIVITY_CANCELLED: { tone: 'error', title: '活动已取消' },
  NOT_INVITED: { tone: 'error', title: '仅限受邀居民参加' },
  TOKEN_MALFORMED: { tone: 'error', title: '无法识别这个二维码' },
  TOKEN_INVALID: { tone: 'error', title: '无法识别这个二维码' },
  TOKEN_WRONG_ACTIVITY: { tone: 'error', title: '不是这个活动的二维码' },
  PROFILE_REQUIRED: { tone: 'warning', title: '请先完善资料', text: '填写姓名和所在社区后，再扫一次现场的二维码。' },
  NOT_FOUND: { tone: 'error', title: '未找到该活动' },
};

/** Failures another try may fix: the network, or a busy server. */
const RETRYABLE: readonly ErrorCode[] = ['INTERNAL', 'PLATFORM_LIMIT', 'CONFLICT'];

function headline(view: SignInView): Headline {
  if (view.kind === 'no_token') {
    return { tone: 'error', title: '没有读到签到码', text: '请用微信扫描活动现场屏幕上的二维码。' };
  }
  if (view.kind === 'done') return OUTCOME_TITLES[view.result.outcome](formatClock(view.result.at));
  const known = ERROR_TITLES[view.error.code];
  return {
    tone: known?.tone ?? 'error',
    title: known?.title ?? '签到没有成功',
    text: known?.text ?? view.error.message,
  };
}

/** The big answer after scanning the code at the door: 签到成功 14:02, 您已签到, 二维码已更新 … */
export default function SignInResult({ view, onCompleteProfile, onRetry, onHome }: SignInResultProps) {
  const { tone, title, text } = headline(view);
  const result = view.kind === 'done' ? view.result : null;
  const code = view.kind === 'failed' ? view.error.code : null;
  return (
    <View className={`ll-signin-result ll-signin-result--${tone}`} role="status">
      <View className="ll-signin-result__mark">
        <Text>{tone === 'success' || tone === 'info' ? '✓' : '!'}</Text>
      </View>
      <Text className="ll-signin-result__title">{title}</Text>
      {result && <Text className="ll-signin-result__activity">{result.activityTitle}</Text>}
      {result && (
        <Text className="ll-signin-result__who">
          {result.headcount > 1 ? `${result.personName} 等 共${result.headcount}人` : result.personName}
        </Text>
      )}
      {text && <Text className="ll-signin-result__text">{text}</Text>}
      <View className="ll-signin-result__actions">
        {code === 'PROFILE_REQUIRED' && onCompleteProfile && (
          <Button type="primary" size="large" block onClick={onCompleteProfile}>
            完善资料
          </Button>
        )}
        {code && RETRYABLE.includes(code) && onRetry && (
          <Button type="primary" size="large" block onClick={onRetry}>
            重试
          </Button>
        )}
        <Button type="primary" fill="outline" size="large" block onClick={onHome}>
          回到首页
        </Button>
      </View>
    </View>
  );
}
