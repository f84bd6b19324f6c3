import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GeneratedFile } from '@linli/types/files';
import { periodProblem, presetPeriod } from '@/components/registry-export';
import HoursInboxPage from '@/subpackages/staff/pages/hours-inbox/index';
import { openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { linkedFile, serveLinks } from '../support/files';
import { socialWorker } from '../support/fixtures';
import { showToast } from '../support/taro';
import { NOW, freezeDate } from './fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('./picker-mock'));

const BYTES = [0x50, 0x4b, 0x03, 0x04, 0x01];
const sheet: GeneratedFile = linkedFile('志愿服务时长-2026-11-01至2026-11-20.xlsx', BYTES);

function backEnd(volunteerRegistry: () => GeneratedFile = () => sheet) {
  return fakeApi({
    account: { me: () => socialWorker },
    hours: { pending: () => ({ items: [] }) },
    ledger: { volunteerRegistry },
  });
}

function captureDownloads(): { href: string; download: string }[] {
  serveLinks();
  const downloads: { href: string; download: string }[] = [];
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:registry'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download });
  });
  return downloads;
}

/** Until the button is no longer busy: the whole download has run. */
const settled = () => waitFor(() => expect(document.querySelector('.nut-button-loading')).toBeNull());

beforeEach(() => {
  freezeDate();
  openWithParams({});
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('导出到中国志愿服务网', () => {
  it('downloads this month’s approved hours as the registry’s xlsx', async () => {
    const downloads = captureDownloads();
    const api = backEnd();
    render(<HoursInboxPage />);

    fireEvent.click(await screen.findByText('导出志愿服务时长'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await settled();
    expect(api.callsTo('ledger', 'volunteerRegistry')[0]!.input).toEqual({
      fromDate: '2026-11-01',
      toDate: '2026-11-20',
    });
    expect(downloads[0]).toEqual({ href: 'blob:registry', download: '志愿服务时长-2026-11-01至2026-11-20.xlsx' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下载' }));
  });

  it('exports last month, or the days picked, and checks the period first', async () => {
    captureDownloads();
    const api = backEnd();
    render(<HoursInboxPage />);

    fireEvent.click(await screen.findByText('上月'));
    expect((screen.getByLabelText('导出开始日期') as HTMLInputElement).value).toBe('2026-10-01');
    expect((screen.getByLabelText('导出结束日期') as HTMLInputElement).value).toBe('2026-10-31');
    fireEvent.click(screen.getByText('导出志愿服务时长'));
    await waitFor(() => expect(api.callsTo('ledger', 'volunteerRegistry')).toHaveLength(1));
    await settled();

    fireEvent.change(screen.getByLabelText('导出开始日期'), { target: { value: '2026-10-15' } });
    expect(screen.getByRole('radio', { name: '上月' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByText('导出志愿服务时长'));
    await waitFor(() => expect(api.callsTo('ledger', 'volunteerRegistry')).toHaveLength(2));
    await settled();

    fireEvent.change(screen.getByLabelText('导出开始日期'), { target: { value: '2026-11-05' } });
    fireEvent.click(screen.getByText('导出志愿服务时长'));
    expect((await screen.findByRole('alert')).textContent).toBe('结束日期不能早于开始日期');
    expect(api.callsTo('ledger', 'volunteerRegistry').map((c) => c.input)).toEqual([
      { fromDate: '2026-10-01', toDate: '2026-10-31' },
      { fromDate: '2026-10-15', toDate: '2026-10-31' },
    ]);
  });

  it('shows the function’s refusal under the button', async () => {
    captureDownloads();
    backEnd(() => refuse({ code: 'FORBIDDEN', message: '您没有权限进行此操作' }));
    render(<HoursInboxPage />);
    fireEvent.click(await screen.findByText('导出志愿服务时长'));
    expect((await screen.findByRole('alert')).textContent).toBe('您没有权限进行此操作');
  });

  it('names the periods in station time and refuses more than a year', () => {
    expect(presetPeriod('this_month', NOW)).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-20' });
    expect(presetPeriod('last_month', NOW)).toEqual({ fromDate: '2026-10-01', toDate: '2026-10-31' });
    expect(presetPeriod('this_year', NOW)).toEqual({ fromDate: '2026-01-01', toDate: '2026-11-20' });
    // 00:30 on 1 December in Shanghai is still 30 November in UTC: the station's day counts.
    const early = new Date('2026-12-01T00:30:00+08:00');
    expect(presetPeriod('this_month', early)).toEqual({ fromDate: '2026-12-01', toDate: '2026-12-01' });
    expect(presetPeriod('last_month', early)).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(periodProblem({ fromDate: '2026-01-01', toDate: '2026-12-31' })).toBeNull();
    expect(periodProblem({ fromDate: '2025-01-01', toDate: '2026-01-02' })).toBe('一次最多导出一年');
    expect(periodProblem({ fromDate: '', toDate: '2026-01-02' })).toBe('请选择开始和结束日期');
  });
});
