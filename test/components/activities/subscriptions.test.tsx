import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { MyActivity } from '@linli/types/actions/activity';
import BookingPanel from '@/components/booking-panel';
import { askForReminders, bookingTemplateIds } from '@/services/subscriptions';
import { fakeApi } from '../support/fake-api';
import TaroDouble from '../support/taro';
import { NOW, booking, detail } from './fixtures';

/**
 * The subscription prompt at booking: on WeChat, a tap on 报名 asks the resident to accept the
 * reminder templates first (inside the tap, as WeChat requires), and whatever they answer, the
 * booking goes ahead. Nothing is asked on H5 or when the build configures no template.
 */
const REMINDER = 'tmpl-reminder-0001';
const FEEDBACK = 'tmpl-feedback-0002';

/** What happened, in order: the prompt and the booking call. */
let events: string[] = [];
const requestSubscribeMessage = jest.fn((_options: { tmplIds: string[] }) => {
  events.push('prompt');
  return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', [REMINDER]: 'accept' });
});
// The Taro double has no subscription API; the code under test reads it from the same object.
Object.assign(TaroDouble, { requestSubscribeMessage });

const savedEnv = { ...process.env };
function configure(platform: 'weapp' | 'h5', ids: { reminder?: string; starting?: string; feedback?: string } = {}) {
  process.env.TARO_ENV = platform;
  process.env.TARO_APP_TEMPLATE_ACTIVITY_REMINDER = ids.reminder ?? '';
  process.env.TARO_APP_TEMPLATE_ACTIVITY_STARTING = ids.starting ?? '';
  process.env.TARO_APP_TEMPLATE_FEEDBACK_INVITATION = ids.feedback ?? '';
}

function Harness({ initial }: { initial: MyActivity }) {
  const [entry, setEntry] = useState(initial);
  return <BookingPanel detail={entry} now={NOW} onChange={setEntry} onStale={() => undefined} />;
}

function bookingBackEnd() {
  return fakeApi({
    activity: {
      book: () => {
        events.push('book');
        return detail({ booking: booking() });
      },
    },
  });
}

beforeEach(() => {
  events = [];
  requestSubscribeMessage.mockClear();
});
afterEach(() => {
  for (const key of [
    'TARO_APP_TEMPLATE_ACTIVITY_REMINDER',
    'TARO_APP_TEMPLATE_ACTIVITY_STARTING',
    'TARO_APP_TEMPLATE_FEEDBACK_INVITATION',
  ] as const) {
    // Assigning undefined to process.env would store the string "undefined".
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('subscription prompt at booking', () => {
  it('asks for all three templates inside the tap on WeChat, then books', async () => {
    configure('weapp', { reminder: REMINDER, starting: 'tmpl-starting', feedback: FEEDBACK });
    const api = bookingBackEnd();
    render(<Harness initial={detail()} />);

    fireEvent.click(screen.getByText('报名'));
    // Synchronously, in the tap itself: WeChat shows the dialog only then.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [REMINDER, 'tmpl-starting', FEEDBACK] });

    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(events).toEqual(['prompt', 'book']);
    expect(api.callsTo('activity', 'book')).toHaveLength(1);
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
    configure('h5', { reminder: REMINDER, feedback: FEEDBACK });
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
    expect(bookingTemplateIds()).toEqual([REMINDER]);
    configure('weapp', {});
    expect(bookingTemplateIds()).toEqual([]);
  });

  it('never rejects', async () => {
    configure('weapp');
    requestSubscribeMessage.mockImplementationOnce(() => Promise.reject(new Error('ban')));
    await expect(askForReminders([REMINDER])).resolves.toBeUndefined();
  });
});
