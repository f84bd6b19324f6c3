import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyActivity } from '@linli/types/actions/activity';
import { householdMemberSchema } from '@linli/types/entities/activity';
import type { ErrorCode } from '@linli/types/errors';
import BookingButton from '@/components/booking-button';
import { bookingButtonState, joinsWaitlist } from '@/components/booking-button/booking-state';
import PartyEditor from '@/components/party-editor';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { askToSubscribe } from '@/services/subscriptions';
import './index.scss';

export interface BookingPanelProps {
  detail: MyActivity;
  now: Date;
  /** The server's answer after booking or cancelling: the page shows it from then on. */
  onChange: (next: MyActivity) => void;
  /** The server said the screen was out of date (closed meanwhile, cancelled …): load it again. */
  onStale: () => void;
}

/** Answers that mean "what you saw is no longer so": the detail is loaded again. */
const STALE: readonly ErrorCode[] = ['BOOKING_CLOSED', 'BOOKING_NOT_OPEN', 'ACTIVITY_CANCELLED', 'NOT_CANCELLABLE'];

/**
 * Booking on the detail page: family members to bring, then the booking button. Each intent
 * (book these people, cancel) carries one request id, so a double tap or a retry after a
 * dropped connection books once.
 */
export default function BookingPanel({ detail, now, onChange, onStale }: BookingPanelProps) {
  const activityId = detail.activity.id;
  const [members, setMembers] = useState<string[]>([]);
  const [memberErrors, setMemberErrors] = useState<Record<number, string>>({});
  const book = useAction((names: string[], requestId: string) =>
    call('activity', 'book', { activityId, members: names.map((name) => ({ name })) }, { requestId }),
  );
  const cancel = useAction((requestId: string) => call('activity', 'cancelBooking', { activityId }, { requestId }));
  const state = bookingButtonState(detail, now);

  const answer = (next: MyActivity | undefined, message: string) => {
    if (!next) return;
    onChange(next);
    toastSuccess(message);
  };

  const submitBooking = async () => {
    const errors: Record<number, string> = {};
    const names = members.map((name, index) => {
      const parsed = householdMemberSchema.safeParse({ name });
      if (!parsed.success) errors[index] = parsed.error.issues[0]?.message ?? '请填写姓名';
      return parsed.success ? parsed.data.name : name;
    });
    setMemberErrors(errors);
    if (Object.keys(errors).length > 0) return;
    // Still inside the tap (nothing awaited yet), as WeChat requires for its dialog; whatever
    // the answer, the booking goes ahead. Joining the waitlist asks for the promotion notice.
    await askToSubscribe(joinsWaitlist(detail, names.length + 1) ? 'waitlist' : 'book');
    const next = await book.run(names);
    if (next) setMembers([]);
    answer(next, next?.booking?.status === 'waitlisted' ? '已加入候补' : '报名成功');
  };

  const confirmCancel = async () => {
    const waitlisted = detail.booking?.status === 'waitlisted';
    const { confirm } = await Taro.showModal({
      title: waitlisted ? '取消候补' : '取消报名',
      content: waitlisted ? '确定不再候补这个活动吗？' : '确定取消报名吗？名额会让给候补的居民。',
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    answer(await cancel.run(), waitlisted ? '已取消候补' : '已取消报名');
  };

  const error = book.error ?? cancel.error;
  // Field errors for `members.<i>.name` belong to that row.
  const serverMemberErrors: Record<number, string> = {};
  for (const [path, message] of Object.entries(book.fieldErrors)) {
    const match = /^members\.(\d+)/.exec(path);
    if (match) serverMemberErrors[Number(match[1])] = message;
  }
  useEffect(() => {
    if (error && STALE.includes(error.code)) onStale();
    // Once per answer: `onStale` is a fresh closure on every render of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  const pending = book.pending || cancel.pending;
  const canBook = state.kind === 'open' || state.kind === 'full';
  return (
    <View className="ll-booking-panel">
      {error && <ErrorBanner message={error.message} />}
      {canBook && (
        <PartyEditor
          members={members}
          onChange={(next) => {
            setMembers(next);
            setMemberErrors({});
          }}
          errors={{ ...serverMemberErrors, ...memberErrors }}
          disabled={pending}
        />
      )}
      <BookingButton
        detail={detail}
        now={now}
        partySize={members.length + 1}
        pending={pending}
        onBook={() => void submitBooking()}
        onCancel={() => void confirmCancel()}
      />
    </View>
  );
}
