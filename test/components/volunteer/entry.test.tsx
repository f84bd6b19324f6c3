import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EntryPage from '@/subpackages/volunteer/pages/entry/index';
import { fakeApi, refuse } from '../support/fake-api';
import { openWithParams } from '../activities/fixtures';
import { hourEntry } from './fixtures';

afterEach(() => jest.restoreAllMocks());

const corrected = [
  hourEntry({
    status: 'superseded',
    flag: 'MISSING_SIGN_OUT',
    minutes: 0,
    hours: '0.00',
    endAt: null,
    history: [
      { action: 'created', version: 1, by: '刘建国', at: '2026-11-18T08:00:00+08:00' },
      { action: 'superseded', version: 1, by: '李社工', at: '2026-11-19T10:00:00+08:00' },
    ],
  }),
  hourEntry({
    id: 'scan_Act0000001_o_liu_v2',
    version: 2,
    status: 'approved',
    history: [
      { action: 'created', version: 1, by: '刘建国', at: '2026-11-18T08:00:00+08:00' },
      {
        action: 'corrected',
        version: 2,
        by: '李社工',
        at: '2026-11-19T10:00:00+08:00',
        reason: '按纸质签到表补签退',
        fromHours: '0.00',
        toHours: '1.50',
      },
      { action: 'approved', version: 2, by: '王社工', at: '2026-11-19T11:00:00+08:00' },
    ],
  }),
];

describe('服务记录', () => {
  it('shows the record as it stands, its whole trail and the versions before the correction', async () => {
    openWithParams({ id: 'scan_Act0000001_o_liu_v2' });
    const api = fakeApi({ hours: { history: () => ({ versions: [...corrected].reverse() }) } });
    render(<EntryPage />);

    expect(await screen.findByText('已更正 1 次')).toBeTruthy();
    expect(api.callsTo('hours', 'history')[0]!.input).toEqual({ entryId: 'scan_Act0000001_o_liu_v2' });
    expect(screen.getByTestId('hour-record').textContent).toContain('已通过');
    const events = screen.getAllByTestId('hour-event').map((row) => row.textContent);
    expect(events).toEqual([
      '11月18日 周三 08:00 · 刘建国 · 登记',
      '11月19日 周四 10:00 · 李社工 · 更正（第2版）0.00 → 1.50 小时按纸质签到表补签退',
      '11月19日 周四 11:00 · 王社工 · 审核通过（第2版）',
    ]);
    expect(screen.getAllByTestId('hour-version').map((row) => row.textContent)).toEqual(['第1版 · 待核实 · 已更正']);
  });

  it('asks for a correction with a reason, once, and shows that it waits for an answer', async () => {
    openWithParams({ id: 'scan_Act0000001_o_liu' });
    const api = fakeApi({
      hours: {
        history: () => ({ versions: [hourEntry()] }),
        requestCorrection: ({ reason }) =>
          hourEntry({
            correctionRequest: { reason, requestedAt: '2026-11-20T10:00:00+08:00', answer: 'open', answerNote: null },
          }),
      },
    });
    render(<EntryPage />);
    fireEvent.click(await screen.findByText('申请更正'));
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请填写更正原因')).toBeTruthy();
    expect(api.callsTo('hours', 'requestCorrection')).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('更正原因'), { target: { value: '实际10:00才离开，忘记扫签退码' } });
    fireEvent.click(screen.getByText('提交申请'));

    expect(await screen.findByText('已申请更正（实际10:00才离开，忘记扫签退码），等待社工处理')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('申请更正')).toBeNull());
    const [call] = api.callsTo('hours', 'requestCorrection');
    expect(call!.input).toEqual({ entryId: 'scan_Act0000001_o_liu', reason: '实际10:00才离开，忘记扫签退码' });
    expect(call!.requestId).toMatch(/^r/);
  });

  it('shows the refusal in the dialog', async () => {
    openWithParams({ id: 'scan_Act0000001_o_liu' });
    fakeApi({
      hours: {
        history: () => ({ versions: [hourEntry()] }),
        requestCorrection: () => refuse({ code: 'CONFLICT', message: '已经申请过更正，请等待社工处理' }),
      },
    });
    render(<EntryPage />);
    fireEvent.click(await screen.findByText('申请更正'));
    fireEvent.input(screen.getByPlaceholderText('更正原因'), { target: { value: '时间不对' } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('已经申请过更正，请等待社工处理')).toBeTruthy();
  });

  it('shows the answer to an earlier request', async () => {
    openWithParams({ id: 'scan_Act0000001_o_liu' });
    fakeApi({
      hours: {
        history: () => ({
          versions: [
            hourEntry({
              correctionRequest: {
                reason: '时间不对',
                requestedAt: '2026-11-20T10:00:00+08:00',
                answer: 'declined',
                answerNote: '签退记录是09:30',
              },
            }),
          ],
        }),
      },
    });
    render(<EntryPage />);
    expect(await screen.findByText('更正申请未被采纳：签退记录是09:30')).toBeTruthy();
    // Declined: the volunteer may ask again with more to say.
    expect(screen.getByText('申请更正')).toBeTruthy();
  });
});
