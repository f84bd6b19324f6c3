import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { SignInResult as SignInAnswer } from '@linli/types/actions/checkin';
import type { ErrorCode } from '@linli/types/errors';
import { HOUR_FLAG_LABELS } from '@linli/types/entities/hours';
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
  /** After a volunteer's shift scan: shown as 查看我的服务时长. */
  onVolunteerHours?: () => void;
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

/** A volunteer's shift scan (the volunteer codes): the time is what their hours are made of. */
const VOLUNTEER_TITLES: Record<SignInAnswer['outcome'], (time: string) => Headline> = {
  signed_in: (time) => ({
    tone: 'success',
    title: `志愿服务签到成功 ${time}`,
    text: '服务结束离开前，请扫志愿者签退码签退，服务时长按签到、签退的时间计算。',
  }),
  already_signed_in: (time) => ({
    tone: 'info',
    title: `您已签到（${time}）`,
    text: '服务结束离开前，请扫志愿者签退码签退。',
  }),
  signed_out: (time) => ({ tone: 'success', title: `志愿服务签退成功 ${time}` }),
  already_signed_out: (time) => ({ tone: 'info', title: `您已签退（${time}）` }),
};

function flagLabel(flag: string): string {
  return (HOUR_FLAG_LABELS as Record<string, string>)[flag] ?? '时间异常';
}

/**
 * What a volunteer's sign-out recorded: the hours (pending a social worker's approval), or — when
 * the two scans do not add up — that a social worker will check the time first. Null otherwise.
 */
export function volunteerHoursLine(result: SignInAnswer): { text: string; flagged: boolean } | null {
  if (!result.asVolunteer) return null;
  if (result.outcome !== 'signed_out' && result.outcome !== 'already_signed_out') return null;
  if (result.flag) {
    return {
      flagged: true,
      text: `签退已记录。这次的签到签退时间需要社工核实（${flagLabel(result.flag)}），核实后计入服务时长。`,
    };
  }
  if (!result.hours) return null;
  return result.outcome === 'signed_out'
    ? { flagged: false, text: `本次服务时长 ${result.hours} 小时（待社工审核）` }
    : { flagged: false, text: `这次记录的服务时长 ${result.hours} 小时` };
}

const STAFF_OUTCOMES: Record<SignInAnswer['outcome'], (time: string) => string> = {
  signed_in: (time) => `签到成功 ${time}`,
  already_signed_in: (time) => `已签到（${time}）`,
  signed_out: (time) => `签退成功 ${time}`,
  already_signed_out: (time) => `已签退（${time}）`,
};

/**
 * One line for staff after signing someone in: `张秀兰 签到成功 14:02 · 共3人`; a volunteer's shift
 * scan says so, with the hours of a sign-out: `赵志愿（志愿者）签退成功 15:32 · 1.50小时`.
 */
export function signInSummary(result: SignInAnswer): string {
  const outcome = STAFF_OUTCOMES[result.outcome](formatClock(result.at));
  if (result.asVolunteer) {
    const out = result.outcome === 'signed_out' || result.outcome === 'already_signed_out';
    const hours = !out ? '' : result.flag ? ' · 时长待核实' : result.hours ? ` · ${result.hours}小时` : '';
    return `${result.personName}（志愿者）${outcome}${hours}`;
  }
  const party = result.headcount > 1 ? ` · 共${result.headcount}人` : '';
  return `${result.personName} ${outcome}${party}`;
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
  NOT_VOLUNTEER: { tone: 'error', title: '还不是本站志愿者' },
};

/** Failures another try may fix: the network, or a busy server. */
const RETRYABLE: readonly ErrorCode[] = ['INTERNAL', 'PLATFORM_LIMIT', 'CONFLICT'];

function headline(view: SignInView): Headline {
  if (view.kind === 'no_token') {
    return { tone: 'error', title: '没有读到签到码', text: '请用微信扫描活动现场屏幕上的二维码。' };
  }
  if (view.kind === 'done') {
    const titles = view.result.asVolunteer ? VOLUNTEER_TITLES : OUTCOME_TITLES;
    return titles[view.result.outcome](formatClock(view.result.at));
  }
  const known = ERROR_TITLES[view.error.code];
  return {
    tone: known?.tone ?? 'error',
    title: known?.title ?? '签到没有成功',
    text: known?.text ?? view.error.message,
  };
}

/** The big answer after scanning the code at the door: 签到成功 14:02, 您已签到, 二维码已更新 … */
export default function SignInResult({
  view,
  onCompleteProfile,
  onRetry,
  onHome,
  onVolunteerHours,
}: SignInResultProps) {
  const { tone, title, text } = headline(view);
  const result = view.kind === 'done' ? view.result : null;
  const code = view.kind === 'failed' ? view.error.code : null;
  const hours = result ? volunteerHoursLine(result) : null;
  return (
    <View className={`ll-signin-result ll-signin-result--${tone}`} role="status">
      <View className="ll-signin-result__mark">
        <Text>{tone === 'success' || tone === 'info' ? '✓' : '!'}</Text>
      </View>
      <Text className="ll-signin-result__title">{title}</Text>
      {result && <Text className="ll-signin-result__activity">{result.activityTitle}</Text>}
      {result && (
        <Text className="ll-signin-result__who">
          {result.asVolunteer
            ? `${result.personName} · 志愿者`
            : result.headcount > 1
              ? `${result.personName} 等 共${result.headcount}人`
              : result.personName}
        </Text>
      )}
      {hours && (
        <Text className={`ll-signin-result__hours${hours.flagged ? ' ll-signin-result__hours--flagged' : ''}`}>
          {hours.text}
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
        {result?.asVolunteer && onVolunteerHours && (
          <Button type="primary" size="large" block onClick={onVolunteerHours}>
            查看我的服务时长
          </Button>
        )}
        <Button type="primary" fill="outline" size="large" block onClick={onHome}>
          回到首页
        </Button>
      </View>
    </View>
  );
}
