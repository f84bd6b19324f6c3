import { fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import CertificatePage, { periodOf } from '@/subpackages/volunteer/pages/certificate/index';
import { fakeApi, refuse } from '../support/fake-api';
import { setClipboardData } from '../support/taro';
import { NOW, freezeDateAtNow } from '../activities/fixtures';
import { certificate } from './fixtures';

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  process.env.TARO_ENV = 'h5';
});

describe('服务期间', () => {
  it.each([
    ['this_year', { fromDate: '2026-01-01', toDate: '2026-11-20' }],
    ['last_year', { fromDate: '2025-01-01', toDate: '2025-12-31' }],
    ['twelve_months', { fromDate: '2025-11-21', toDate: '2026-11-20' }],
  ] as const)('%s is counted in station time', (preset, period) => {
    expect(periodOf(preset, NOW, { fromDate: '', toDate: '' })).toEqual(period);
  });

  it('takes the station day, not the phone’s, just after midnight in Shanghai', () => {
    expect(periodOf('this_year', new Date('2026-12-31T16:30:00Z'), { fromDate: '', toDate: '' })).toEqual({
      fromDate: '2027-01-01',
      toDate: '2027-01-01',
    });
  });
});

describe('开具服务记录证明', () => {
  it('issues the certificate of the chosen period once and shows it as a printable sheet', async () => {
    // The sheet is laid out alone while the print dialog is open, and the page is itself after.
    const print = jest.fn(() => expect(document.body.classList.contains('ll-print-certificate')).toBe(true));
    window.print = print;
    const api = fakeApi({ hours: { issueCertificate: () => certificate() } });
    render(<CertificatePage />);

    expect(screen.getByTestId('certificate-period').textContent).toBe('2026-01-01 至 2026-11-20');
    fireEvent.click(screen.getByText('去年'));
    expect(screen.getByTestId('certificate-period').textContent).toBe('2025-01-01 至 2025-12-31');
    fireEvent.click(screen.getByText('今年'));
    fireEvent.click(screen.getByText('开具证明'));

    const sheet = await screen.findByTestId('certificate');
    const [call] = api.callsTo('hours', 'issueCertificate');
    expect(call!.input).toEqual({ fromDate: '2026-01-01', toDate: '2026-11-20' });
    expect(call!.requestId).toMatch(/^r/);
    expect(within(sheet).getByText('志愿服务记录证明')).toBeTruthy();
    expect(within(sheet).getByText('编号：LL-DEMO-2026-000007')).toBeTruthy();
    expect(within(sheet).getByText('志愿者：刘建国')).toBeTruthy();
    expect(within(sheet).getByText('身份信息：手机 139****0012')).toBeTruthy();
    expect(screen.getAllByTestId('certificate-row').map((row) => row.textContent)).toEqual([
      '2026-10-12入户探访6.50',
      '2026-11-18太极晨练6.00',
    ]);
    expect(within(sheet).getByTestId('certificate-total').textContent).toBe('12.50');
    expect(within(sheet).getByText('出具单位：东湖街道社工站（盖章）')).toBeTruthy();
    expect(within(sheet).getByText('出具日期：2026-11-20')).toBeTruthy();
    expect(within(sheet).getByText('校验码：7K3M-Q9XD-2HBT-8W0R')).toBeTruthy();

    fireEvent.click(screen.getByText('打印'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.body.classList.contains('ll-print-certificate')).toBe(false);
    fireEvent.click(screen.getByText('复制编号和校验码'));
    expect(setClipboardData).toHaveBeenCalledWith({ data: '证明编号 LL-DEMO-2026-000007 校验码 7K3M-Q9XD-2HBT-8W0R' });
  });

  it('says when the period has no approved hours', async () => {
    fakeApi({
      hours: { issueCertificate: () => refuse({ code: 'NOT_FOUND', message: '所选期间内没有已通过审核的服务记录' }) },
    });
    render(<CertificatePage />);
    fireEvent.click(screen.getByText('开具证明'));
    expect(await screen.findByText('所选期间内没有已通过审核的服务记录')).toBeTruthy();
    expect(screen.queryByTestId('certificate')).toBeNull();
  });

  it('shows a period the contract refuses at the period', async () => {
    fakeApi({
      hours: {
        issueCertificate: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: DEFAULT_MESSAGES.INVALID_INPUT,
            fields: [{ path: 'toDate', message: '结束日期不能早于开始日期' }],
          }),
      },
    });
    render(<CertificatePage />);
    fireEvent.click(screen.getByText('开具证明'));
    const message = await screen.findByText('结束日期不能早于开始日期');
    expect(message.closest('.ll-field')?.textContent).toContain('服务期间');
  });

  it('offers no print button on WeChat, where there is no printer', async () => {
    process.env.TARO_ENV = 'weapp';
    fakeApi({ hours: { issueCertificate: () => certificate() } });
    render(<CertificatePage />);
    fireEvent.click(screen.getByText('开具证明'));
    await screen.findByTestId('certificate');
    expect(screen.queryByText('打印')).toBeNull();
    expect(screen.getByText('复制编号和校验码')).toBeTruthy();
  });
});
