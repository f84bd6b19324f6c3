import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionInput } from '@linli/types/api';
import PaperEntryPage from '@/subpackages/staff/pages/paper-entry/index';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateBack, navigateTo, showToast, taro } from '../support/taro';
import { activity, detail, freezeDateAtNow, openWithParams, rosterEntry } from './fixtures';

type RecordPaper = ActionInput<'checkin', 'recordPaper'>;

/** Held yesterday (the tests' clock is 20 November, 10:00). */
const past = detail({
  activity: activity({ startAt: '2026-11-19T14:00:00+08:00', endAt: '2026-11-19T16:00:00+08:00' }),
});
const zhang = rosterEntry({ personId: 'p_zhang', name: '张秀兰', phoneTail: '1234' });
const li = rosterEntry({
  personId: 'p_li',
  name: '李桂芳',
  signedInAt: '2026-11-19T13:55:00+08:00',
  method: 'scan',
  recordedBy: '本人',
});

function backEnd(recordPaper: (input: RecordPaper) => { recorded: number; alreadyPresent: number }) {
  return fakeApi({
    account: { me: () => socialWorker },
    activity: { get: () => past },
    checkin: { searchPeople: () => ({ items: [zhang, li] }), recordPaper },
  });
}

const resultRow = (name: string) =>
  screen.getAllByText(name)[0]!.closest('[data-testid="person-result"]') as HTMLElement;
const listed = () => screen.queryAllByTestId('paper-entry').map((row) => row.textContent);

async function search(text: string) {
  fireEvent.input(await screen.findByPlaceholderText('姓名或手机尾号'), { target: { value: text } });
  fireEvent.click(screen.getByText('查找'));
  await screen.findByText('张秀兰');
}

function addWalkIn(name: string, community: string) {
  const form = document.querySelector('.ll-walk-in-form') as HTMLElement;
  fireEvent.input(within(form).getByPlaceholderText('居民姓名'), { target: { value: name } });
  fireEvent.click(within(form).getByText(community));
  fireEvent.click(within(form).getByText('加入名单'));
}

beforeEach(() => {
  freezeDateAtNow();
  openWithParams({ id: 'Act0000001' });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('补录纸质签到', () => {
  it('builds a list from search and new residents, needs a note, sends it once and shows the result', async () => {
    const api = backEnd(() => ({ recorded: 2, alreadyPresent: 1 }));
    taro.setPageStack(['subpackages/staff/pages/roster/index', 'subpackages/staff/pages/paper-entry/index']);
    render(<PaperEntryPage />);

    await search('张');
    // Someone already signed in is shown as such and cannot be added twice.
    expect(within(resultRow('李桂芳')).getByText('已签到 13:55')).toBeTruthy();
    expect(within(resultRow('李桂芳')).queryByText('加入名单')).toBeNull();
    fireEvent.click(within(resultRow('张秀兰')).getByText('加入名单'));
    expect(within(resultRow('张秀兰')).getByText('已加入')).toBeTruthy();

    fireEvent.click(screen.getByText('登记新居民'));
    addWalkIn('孙大爷', '公园社区');
    addWalkIn('钱阿婆', '磨坊社区');
    expect(listed()).toEqual([
      '张秀兰湖滨社区 · 尾号1234 · 已报名移除',
      '孙大爷公园社区 · 新登记移除',
      '钱阿婆磨坊社区 · 新登记移除',
    ]);
    const qian = screen.getAllByTestId('paper-entry')[2]!;
    fireEvent.click(within(qian).getByText('移除'));
    expect(screen.getByText('补录名单（2）')).toBeTruthy();

    fireEvent.click(screen.getByText('补录 2 人'));
    expect(screen.getByText('请说明补录原因')).toBeTruthy();
    expect(api.callsTo('checkin', 'recordPaper')).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('补录原因'), { target: { value: ' 现场网络故障 ' } });
    fireEvent.click(screen.getByText('补录 2 人'));

    expect(await screen.findByText('已补录 2 人，1 人此前已签到')).toBeTruthy();
    const [sent] = api.callsTo('checkin', 'recordPaper');
    expect(sent!.input).toEqual({
      activityId: 'Act0000001',
      entries: [{ personId: 'p_zhang' }, { walkIn: { name: '孙大爷', communityId: 'c_park' } }],
      note: '现场网络故障',
    });
    expect(sent!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(screen.queryByText('查找')).toBeNull(); // the form is gone: nothing to send twice

    fireEvent.click(screen.getByText('回到签到名单'));
    expect(navigateBack).toHaveBeenCalled();
  });

  it('retries a failed submission with the same requestId, so a list that did arrive is not entered twice', async () => {
    let attempts = 0;
    const api = backEnd(() => {
      attempts += 1;
      if (attempts === 1) refuse({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
      return { recorded: 1, alreadyPresent: 0 };
    });
    render(<PaperEntryPage />);

    await search('张');
    fireEvent.click(within(resultRow('张秀兰')).getByText('加入名单'));
    fireEvent.input(screen.getByPlaceholderText('补录原因'), { target: { value: '补录签到表' } });
    fireEvent.click(screen.getByText('补录 1 人'));
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('补录 1 人'));

    expect(await screen.findByText('已补录 1 人')).toBeTruthy();
    const [first, second] = api.callsTo('checkin', 'recordPaper');
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('asks for at least one person, and says when a new resident is already on the list', async () => {
    const api = backEnd(() => ({ recorded: 0, alreadyPresent: 0 }));
    render(<PaperEntryPage />);

    fireEvent.input(await screen.findByPlaceholderText('补录原因'), { target: { value: '补录签到表' } });
    fireEvent.click(screen.getByText('提交补录'));
    expect(screen.getByText('请至少补录一人')).toBeTruthy();

    fireEvent.click(screen.getByText('登记新居民'));
    addWalkIn('孙大爷', '公园社区');
    expect(screen.queryByText('请至少补录一人')).toBeNull();
    addWalkIn('孙大爷', '公园社区');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '孙大爷已在名单上' }));
    expect(listed()).toHaveLength(1);
    expect(api.callsTo('checkin', 'recordPaper')).toHaveLength(0);
  });

  it('is not offered before the activity starts', async () => {
    fakeApi({ account: { me: () => socialWorker }, activity: { get: () => detail() } });
    render(<PaperEntryPage />);

    expect(await screen.findByText('活动还没有开始')).toBeTruthy();
    expect(screen.queryByPlaceholderText('补录原因')).toBeNull();
  });
});

describe('签到名单 → 补录纸质签到', () => {
  const roster = {
    activityId: 'Act0000001',
    counts: { booked: 0, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 0 },
  };

  it('offers 补录纸质签到 once the activity has started, and shows paper records as such', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => past },
      checkin: {
        roster: () => ({
          ...roster,
          entries: [
            rosterEntry({
              signedInAt: '2026-11-19T14:00:00+08:00',
              method: 'paper',
              recordedBy: '李社工',
            }),
          ],
        }),
      },
    });
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('补录纸质签到'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/paper-entry/index?id=Act0000001' });
    expect(screen.getByText('签到 14:00 · 纸质签到补录 · 记录人 李社工')).toBeTruthy();
  });

  it('does not offer it before the start', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: { roster: () => ({ ...roster, entries: [] }) },
    });
    render(<RosterPage />);

    await screen.findByText('长者智能手机课堂');
    await waitFor(() => expect(screen.getByText('导出签到表')).toBeTruthy());
    expect(screen.queryByText('补录纸质签到')).toBeNull();
  });
});
