import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { MyActivity } from '@linli/types/actions/activity';
import BookingButton from '@/components/booking-button';
import BookingPanel from '@/components/booking-panel';
import PartyEditor from '@/components/party-editor';
import { fakeApi, refuse } from '../support/fake-api';
import { showModal } from '../support/taro';
import { NOW, activity, booking, detail } from './fixtures';

function renderButton(entry: MyActivity, now: Date = NOW, partySize = 1) {
  const onBook = jest.fn();
  const onCancel = jest.fn();
  render(
    <BookingButton
      detail={entry}
      now={now}
      partySize={partySize}
      pending={false}
      onBook={onBook}
      onCancel={onCancel}
    />,
  );
  return { onBook, onCancel };
}

/** The panel as the detail page uses it: it shows whatever the server answered last. */
function Harness({ initial, onStale = () => undefined }: { initial: MyActivity; onStale?: () => void }) {
  const [entry, setEntry] = useState(initial);
  return <BookingPanel detail={entry} now={NOW} onChange={setEntry} onStale={onStale} />;
}

/** A promise the test resolves when it wants the "network" to answer. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('booking button, in every state', () => {
  it('offers 报名 while seats are left, and books on tap', () => {
    const { onBook } = renderButton(detail());
    fireEvent.click(screen.getByText('报名'));
    expect(onBook).toHaveBeenCalledTimes(1);
  });

  it('says how many seats the party takes', () => {
    renderButton(detail(), NOW, 3);
    expect(screen.getByText('报名（共3人）')).toBeTruthy();
  });

  it('offers the waitlist when full', () => {
    const { onBook } = renderButton(detail({ activity: activity({ seatsLeft: 0, waitlisted: 4 }) }));
    fireEvent.click(screen.getByText('满员：加入候补'));
    expect(onBook).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('报名')).toBeNull();
  });

  it('shows a confirmed booking with its party and offers to cancel', () => {
    const { onCancel } = renderButton(
      detail({ booking: booking({ partySize: 3, members: [{ name: '李明' }, { name: '李小红' }] }) }),
    );
    expect(screen.getByText('已报名')).toBeTruthy();
    expect(screen.getByText('共3人：李明、李小红和您')).toBeTruthy();
    fireEvent.click(screen.getByText('取消报名'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('shows the place on the waitlist and offers to leave it', () => {
    const { onCancel } = renderButton(detail({ booking: booking({ status: 'waitlisted', waitlistPosition: 2 }) }));
    expect(screen.getByText('候补第2位')).toBeTruthy();
    fireEvent.click(screen.getByText('取消候补'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('keeps a booking shown after booking closed (it still stands)', () => {
    renderButton(detail({ booking: booking() }), new Date('2026-11-23T14:30:00+08:00'));
    expect(screen.getByText('已报名')).toBeTruthy();
    expect(screen.getByText('取消报名')).toBeTruthy();
  });

  it('is closed once booking has closed, and a tap does nothing', () => {
    const { onBook } = renderButton(detail(), new Date('2026-11-23T14:00:00+08:00'));
    fireEvent.click(screen.getByText('报名已截止'));
    expect(onBook).not.toHaveBeenCalled();
  });

  it('tells a resident who is not invited that the activity is by invitation, and offers no 报名', () => {
    const { onBook } = renderButton(detail({ activity: activity({ audience: 'invited' }), invited: false }));
    expect(screen.getByText(/仅限社工邀请的居民参加/)).toBeTruthy();
    fireEvent.click(screen.getByText('仅限受邀居民'));
    expect(onBook).not.toHaveBeenCalled();
    renderButton(detail({ activity: activity({ audience: 'invited' }), invited: true }));
    expect(screen.getByText('报名')).toBeTruthy();
  });

  it('says when booking opens before it does', () => {
    const { onBook } = renderButton(detail({ activity: activity({ bookingOpensAt: '2026-11-21T09:00:00+08:00' }) }));
    expect(screen.getByText('11月21日 周六 09:00 开始报名')).toBeTruthy();
    fireEvent.click(screen.getByText('报名未开始'));
    expect(onBook).not.toHaveBeenCalled();
  });

  it('shows a cancelled activity with the reason, even to those who booked', () => {
    const { onBook, onCancel } = renderButton(
      detail({ activity: activity({ status: 'cancelled', cancelReason: '暴雨预警' }), booking: booking() }),
    );
    fireEvent.click(screen.getByText('活动已取消'));
    expect(screen.getByText('取消原因：暴雨预警')).toBeTruthy();
    expect(screen.queryByText('取消报名')).toBeNull();
    expect(onBook).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('says the activity is over', () => {
    renderButton(detail(), new Date('2026-11-23T16:00:00+08:00'));
    expect(screen.getByText('活动已结束')).toBeTruthy();
  });
});

describe('booking panel', () => {
  it('books once for a double tap, and shows what the server answered', async () => {
    const answer = deferred<MyActivity>();
    const api = fakeApi({ activity: { book: () => answer.promise } });
    render(<Harness initial={detail()} />);

    const button = screen.getByText('报名');
    fireEvent.click(button);
    fireEvent.click(button);
    await act(async () => answer.resolve(detail({ booking: booking() })));

    expect(api.callsTo('activity', 'book')).toHaveLength(1);
    expect(api.callsTo('activity', 'book')[0]!.input).toEqual({ activityId: 'Act0000001', members: [] });
    expect(await screen.findByText('已报名')).toBeTruthy();
  });

  it('retries a failed booking with the same request id, so the server books it once', async () => {
    let attempts = 0;
    const api = fakeApi({
      activity: {
        book: () => {
          attempts += 1;
          if (attempts === 1) throw new Error('connection dropped');
          return detail({ booking: booking({ status: 'waitlisted', waitlistPosition: 1 }) });
        },
      },
    });
    render(<Harness initial={detail({ activity: activity({ seatsLeft: 0 }) })} />);

    fireEvent.click(screen.getByText('满员：加入候补'));
    expect(await screen.findByText('网络不稳定，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('满员：加入候补'));

    expect(await screen.findByText('候补第1位')).toBeTruthy();
    const [first, second] = api.callsTo('activity', 'book');
    expect(first!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('books the family members entered, with a seat total', async () => {
    const api = fakeApi({
      activity: {
        book: ({ members }) =>
          detail({ booking: booking({ partySize: (members?.length ?? 0) + 1, members: members ?? [] }) }),
      },
    });
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('＋ 添加同行家人'));
    fireEvent.input(screen.getByPlaceholderText('家人1的姓名'), { target: { value: '李明' } });
    fireEvent.click(screen.getByText('＋ 添加同行家人'));
    fireEvent.input(screen.getByPlaceholderText('家人2的姓名'), { target: { value: ' 李小红 ' } });
    expect(screen.getByTestId('party-total').textContent).toBe('共3人（含本人）');
    fireEvent.click(screen.getByText('报名（共3人）'));

    expect(await screen.findByText('共3人：李明、李小红和您')).toBeTruthy();
    expect(api.callsTo('activity', 'book')[0]!.input).toEqual({
      activityId: 'Act0000001',
      members: [{ name: '李明' }, { name: '李小红' }],
    });
  });

  it('asks for a blank family name instead of sending it', () => {
    const api = fakeApi({ activity: {} });
    render(<Harness initial={detail()} />);
    fireEvent.click(screen.getByText('＋ 添加同行家人'));
    fireEvent.click(screen.getByText('报名（共2人）'));
    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('cancels after the person confirms', async () => {
    const api = fakeApi({
      activity: { cancelBooking: () => detail({ booking: booking({ status: 'cancelled' }) }) },
    });
    render(<Harness initial={detail({ booking: booking() })} />);

    fireEvent.click(screen.getByText('取消报名'));
    expect(await screen.findByText('报名')).toBeTruthy();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(api.callsTo('activity', 'cancelBooking')[0]!.input).toEqual({ activityId: 'Act0000001' });
  });

  it('keeps the booking when the person thinks again', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const api = fakeApi({ activity: {} });
    render(<Harness initial={detail({ booking: booking() })} />);
    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(api.calls).toHaveLength(0);
    expect(screen.getByText('已报名')).toBeTruthy();
  });

  it('shows the server refusal and reloads the detail when the screen was out of date', async () => {
    fakeApi({ activity: { book: () => refuse({ code: 'BOOKING_CLOSED', message: '报名已截止' }) } });
    const onStale = jest.fn();
    render(<Harness initial={detail()} onStale={onStale} />);
    fireEvent.click(screen.getByText('报名'));

    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('报名已截止')).toBeTruthy();
    await waitFor(() => expect(onStale).toHaveBeenCalledTimes(1));
  });
});

describe('party editor', () => {
  function Editor() {
    const [members, setMembers] = useState<string[]>([]);
    return <PartyEditor members={members} onChange={setMembers} />;
  }

  it('takes at most five family members and counts the seats', () => {
    render(<Editor />);
    expect(screen.getByTestId('party-total').textContent).toBe('共1人（含本人）');
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByText('＋ 添加同行家人'));

    expect(screen.getByTestId('party-total').textContent).toBe('共6人（含本人）');
    expect(screen.getAllByPlaceholderText(/家人\d的姓名/)).toHaveLength(5);
    expect(screen.queryByText('＋ 添加同行家人')).toBeNull();
    expect(screen.getByText('最多可带5位家人；人更多时请联系社工。')).toBeTruthy();
  });

  it('removes a member and frees the place for another', () => {
    render(<Editor />);
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByText('＋ 添加同行家人'));
    fireEvent.input(screen.getByPlaceholderText('家人2的姓名'), { target: { value: '李小红' } });
    fireEvent.click(screen.getAllByText('删除')[0]!);

    expect(screen.getByTestId('party-total').textContent).toBe('共5人（含本人）');
    expect(screen.getByDisplayValue('李小红')).toBeTruthy();
    expect(screen.getByText('＋ 添加同行家人')).toBeTruthy();
  });
});
