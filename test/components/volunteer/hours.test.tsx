import { fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import HoursPage from '@/subpackages/volunteer/pages/hours/index';
import { fakeApi, refuse } from '../support/fake-api';
import { navigateTo } from '../support/taro';
import { hourEntry, myHours } from './fixtures';

const entryCard = (content: string) =>
  screen.getAllByTestId('hour-record').find((card) => card.textContent?.includes(content)) as HTMLElement;
const bars = () => screen.getAllByRole('listitem').map((row) => row.getAttribute('aria-label'));

describe('我的服务时长', () => {
  it('shows the total, this year and pending as the function counts them', async () => {
    fakeApi({ hours: { mine: () => myHours() } });
    render(<HoursPage />);
    const total = await screen.findByTestId('hours-total');
    expect(total.textContent).toContain('累计服务时长12.50 小时');
    expect(total.textContent).toContain('今年 10.00 小时');
    expect(total.textContent).toContain('待审核 1.50 小时');
  });

  it('draws bars by month, team or service, each with its own figure', async () => {
    fakeApi({ hours: { mine: () => myHours() } });
    render(<HoursPage />);
    await screen.findByTestId('hours-total');
    expect(bars()).toEqual(['2026-11 8.00小时', '2026-10 4.50小时']);
    const widths = screen
      .getAllByRole('listitem')
      .map((row) => (row.querySelector('.ll-hour-bars__bar') as HTMLElement).style.width);
    expect(widths).toEqual(['100%', '56%']);

    fireEvent.click(screen.getByText('按服务队'));
    expect(bars()).toEqual(['岭南长者关爱队 12.50小时']);
    fireEvent.click(screen.getByText('按服务'));
    expect(bars()).toEqual(['太极晨练 6.00小时', '入户探访 6.50小时']);
  });

  it('shows every record with its status, flag, reason and the answer to a correction request', async () => {
    fakeApi({
      hours: {
        mine: () =>
          myHours({
            entries: [
              hourEntry(),
              hourEntry({
                id: 'e_flagged',
                content: '长者生日会',
                flag: 'MISSING_SIGN_OUT',
                minutes: 0,
                hours: '0.00',
                endAt: null,
              }),
              hourEntry({
                id: 'e_rejected',
                content: '入户探访',
                source: 'self_report',
                status: 'rejected',
                history: [
                  { action: 'created', version: 1, by: '刘建国', at: '2026-11-10T12:00:00+08:00' },
                  {
                    action: 'rejected',
                    version: 1,
                    by: '李社工',
                    at: '2026-11-11T09:00:00+08:00',
                    reason: '当天没有安排探访',
                  },
                ],
              }),
              hourEntry({
                id: 'e_declined',
                content: '防诈骗宣讲',
                status: 'approved',
                correctionRequest: {
                  reason: '我16:30才离开',
                  requestedAt: '2026-11-12T09:00:00+08:00',
                  answer: 'declined',
                  answerNote: '签退记录是15:30',
                },
              }),
            ],
          }),
      },
    });
    render(<HoursPage />);
    await screen.findByTestId('hours-total');

    const scanned = entryCard('太极晨练');
    expect(scanned.textContent).toContain('1.50 小时');
    expect(scanned.textContent).toContain('11月18日 周三 08:00–09:30 · 扫码签到');
    expect(within(scanned).getByText('待审核')).toBeTruthy();

    const flagged = entryCard('长者生日会');
    expect(within(flagged).getByText('需核实：缺少签退')).toBeTruthy();
    expect(flagged.textContent).toContain('待核实');
    expect(flagged.textContent).toContain('社工核实签到签退时间后，会更正并计入时长。');

    const rejected = entryCard('入户探访');
    expect(within(rejected).getByText('未通过')).toBeTruthy();
    expect(rejected.textContent).toContain('本人申报');
    expect(rejected.textContent).toContain('未通过原因：当天没有安排探访');

    const declined = entryCard('防诈骗宣讲');
    expect(within(declined).getByText('已通过')).toBeTruthy();
    expect(declined.textContent).toContain('更正申请未被采纳：签退记录是15:30');
  });

  it('opens a record, 申报服务 and 开具服务记录证明', async () => {
    fakeApi({ hours: { mine: () => myHours() } });
    render(<HoursPage />);
    fireEvent.click(await screen.findByText('太极晨练'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/volunteer/pages/entry/index?id=scan_Act0000001_o_liu',
    });
    fireEvent.click(screen.getByText('申报服务'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/report/index' });
    fireEvent.click(screen.getByText('开具服务记录证明'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/certificate/index' });
  });

  it('says when there is nothing yet, and explains the page to someone not yet approved', async () => {
    fakeApi({
      hours: { mine: () => myHours({ totalHours: '0.00', byMonth: [], byTeam: [], byActivity: [], entries: [] }) },
    });
    const { unmount } = render(<HoursPage />);
    expect(await screen.findByText('还没有服务记录')).toBeTruthy();
    expect(screen.getByText('还没有审核通过的时长')).toBeTruthy();
    unmount();

    fakeApi({ hours: { mine: () => refuse({ code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN }) } });
    render(<HoursPage />);
    expect(await screen.findByText('审核通过的志愿者才有服务时长')).toBeTruthy();
  });
});
