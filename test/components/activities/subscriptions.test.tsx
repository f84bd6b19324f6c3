import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { MyActivity } from '@linli/types/actions/activity';
import {
  SUBSCRIPTION_PROMPTS,
  SUBSCRIPTION_TEMPLATE_KEYS,
  promptTemplates,
  type SubscriptionPrompt,
} from '@linli/types/subscriptions';
import BookingPanel from '@/components/booking-panel';
import { askToSubscribe, templateIdsFor } from '@/services/subscriptions';
import { fakeApi } from '../support/fake-api';
import TaroDouble from '../support/taro';
import { NOW, activity, booking, detail } from './fixtures';

/**
 * The subscription prompt at booking: on WeChat, a tap on 报名 asks the resident to accept the
 * templates of the messages the booking brings first (inside the tap, as WeChat requires) — the
 * change notice, the day-before reminder and the satisfaction form; joining the waitlist asks for
 * the promotion notice instead of the form (types/subscriptions.ts). Whatever they answer, the
 * booking goes ahead. Nothing is asked on H5 or when the build configures no template.
 */
const REMINDER = 'tmpl-reminder-0001';
const FEEDBACK = 'tmpl-feedback-0002';
const CHANGED = 'tmpl-changed-0003';
const PROMOTED = 'tmpl-promoted-0004';
const ACTIVITY_TEMPLATES = [
  'TARO_APP_TEMPLATE_ACTIVITY_REMINDER',
  'TARO_APP_TEMPLATE_FEEDBACK_INVITATION',
  'TARO_APP_TEMPLATE_ACTIVITY_CHANGED',
  'TARO_APP_TEMPLATE_BOOKING_PROMOTED',
] as const;

/** What happened, in order: the prompt and the booking call. */
let events: string[] = [];
const requestSubscribeMessage = jest.fn((_options: { tmplIds: string[] }) => {
  events.push('prompt');
  return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', [REMINDER]: 'accept' });
});
// The Taro double has no subscription API; the code under test reads it from the same object.
Object.assign(TaroDouble, { requestSubscribeMessage });

const savedEnv = { ...process.env };
function configure(
  platform: 'weapp' | 'h5',
  ids: { reminder?: string; feedback?: string; changed?: string; promoted?: string } = {},
) {
  process.env.TARO_ENV = platform;
  process.env.TARO_APP_TEMPLATE_ACTIVITY_REMINDER = ids.reminder ?? '';
  process.env.TARO_APP_TEMPLATE_FEEDBACK_INVITATION = ids.feedback ?? '';
  process.env.TARO_APP_TEMPLATE_ACTIVITY_CHANGED = ids.changed ?? '';
  process.env.TARO_APP_TEMPLATE_BOOKING_PROMOTED = ids.promoted ?? '';
}
const ALL = { reminder: REMINDER, feedback: FEEDBACK, changed: CHANGED, promoted: PROMOTED };

function Harness({ initial }: { initial: MyActivity }) {
  const [entry, setEntry] = useState(initial);
  return <BookingPanel detail={entry} now={NOW} onChange={setEntry} onStale={() => undefined} />;
}

function bookingBackEnd(status: 'confirmed' | 'waitlisted' = 'confirmed') {
  return fakeApi({
    activity: {
      book: () => {
        events.push('book');
        return detail({ booking: booking({ status, waitlistPosition: status === 'waitlisted' ? 1 : undefined }) });
      },
    },
  });
}

beforeEach(() => {
  events = [];
  requestSubscribeMessage.mockClear();
});
afterEach(() => {
  for (const key of ACTIVITY_TEMPLATES) {
    // Assigning undefined to process.env would store the string "undefined".
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('subscription prompt at booking', () => {
  it('asks for the change notice, the reminder and the form inside the tap on WeChat, then books', async () => {
    configure('weapp', ALL);
    const api = bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    // Synchronously, in the tap itself: WeChat shows the dialog only then.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [CHANGED, REMINDER, FEEDBACK] });

    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(events).toEqual(['prompt', 'book']);
    expect(api.callsTo('activity', 'book')).toHaveLength(1);
  });

  it('asks a resident joining the waitlist for the promotion notice first', async () => {
    configure('weapp', ALL);
    bookingBackEnd('waitlisted');
    render(<Harness initial={detail({ activity: activity({ seatsLeft: 0, waitlisted: 2 }) })} />);

    fireEvent.click(screen.getByText('满员：加入候补'));
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [PROMOTED, CHANGED, REMINDER] });
    expect(await screen.findByText('候补第1位')).toBeTruthy();
    expect(events).toEqual(['prompt', 'book']);
  });

  it('asks for the promotion notice when the family needs more seats than are left', async () => {
    configure('weapp', ALL);
    bookingBackEnd('waitlisted');
    render(<Harness initial={detail({ activity: activity({ seatsLeft: 1 }) })} />);

    fireEvent.click(screen.getByText('＋ 添加同行家人'));
    fireEvent.input(screen.getByPlaceholderText('家人1的姓名'), { target: { value: '李明' } });
    fireEvent.click(screen.getByText('报名（共2人）'));
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [PROMOTED, CHANGED, REMINDER] });
    expect(await screen.findByText('候补第1位')).toBeTruthy();
  });

  it('books all the same when the resident refuses or the prompt fails', async () => {
    configure('weapp', { reminder: REMINDER });
    requestSubscribeMessage.mockImplementationOnce(() => {
      events.push('prompt');
      return Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 });
    });
    bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [REMINDER] });
    expect(events).toEqual(['prompt', 'book']);
  });

  it('books when this WeChat has no subscription API at all', async () => {
    configure('weapp', { reminder: REMINDER });
    requestSubscribeMessage.mockImplementationOnce(() => {
      throw new TypeError('requestSubscribeMessage is not a function');
    });
    bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
  });

  it('asks nothing on H5', async () => {
    configure('h5', ALL);
    bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(events).toEqual(['book']);
  });

  it('asks nothing when the build configures no template', async () => {
    configure('weapp');
    bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('asks nothing when cancelling a booking', async () => {
    configure('weapp', { reminder: REMINDER });
    fakeApi({ activity: { cancelBooking: () => detail({ booking: booking({ status: 'cancelled' }) }) } });
    render(<Harness initial={detail({ booking: booking() })} />);

    fireEvent.click(screen.getByText('取消报名'));
    expect(await screen.findByText('报名')).toBeTruthy();
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('template ids from the build', () => {
  it('keeps only the configured ones, trimmed', () => {
    configure('weapp', { reminder: `  ${REMINDER} `, feedback: '' });
    expect(templateIdsFor('book')).toEqual([REMINDER]);
    configure('weapp', {});
    expect(templateIdsFor('book')).toEqual([]);
  });

  it('reads each template’s own TARO_APP_TEMPLATE_<KEY>, for every tap in types/subscriptions.ts', () => {
    const saved = { ...process.env };
    try {
      for (const key of SUBSCRIPTION_TEMPLATE_KEYS) process.env[`TARO_APP_TEMPLATE_${key.toUpperCase()}`] = `id-${key}`;
      for (const prompt of Object.keys(SUBSCRIPTION_PROMPTS) as SubscriptionPrompt[]) {
        expect([prompt, templateIdsFor(prompt)]).toEqual([prompt, promptTemplates(prompt).map((key) => `id-${key}`)]);
      }
    } finally {
      process.env = saved;
    }
  });

  it('never rejects', async () => {
    configure('weapp', { reminder: REMINDER });
    requestSubscribeMessage.mockImplementationOnce(() => Promise.reject(new Error('ban')));
    await expect(askToSubscribe('book')).resolves.toBeUndefined();
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });
});
