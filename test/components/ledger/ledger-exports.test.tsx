import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GeneratedFile } from '@linli/types/files';
import type { ContractSummary } from '@linli/types/entities/indicator-report';
import { contractPeriodProblem, defaultPeriod } from '@/components/contract-exports';
import LedgerExportsPage from '@/subpackages/staff/pages/ledger-exports/index';
import ManageActivitiesPage from '@/subpackages/staff/pages/activities/index';
import { activity } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { linkedFile, serveLinks } from '../support/files';
import { socialWorker } from '../support/fixtures';
import { NOW, freezeDate } from '../volunteer-staff/fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('../volunteer-staff/picker-mock'));

const file = (fileName: string): GeneratedFile => linkedFile(fileName);
const contract = (overrides: Partial<ContractSummary> = {}): ContractSummary => ({
  id: 'ct-2026',
  name: '岭南街2026年度项目',
  purchaser: '岭南街道办事处',
  periodStart: '2026-01-25',
  periodEnd: '2026-12-31',
  status: 'active',
  indicatorCount: 25,
  version: 1,
  updatedAt: '2026-01-25T08:00:00+08:00',
  ...overrides,
});

function captureDownloads(): string[] {
  serveLinks();
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:ledger'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}
const settled = () => waitFor(() => expect(document.querySelector('.nut-button-loading')).toBeNull());

beforeEach(() => freezeDate());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('导出台账', () => {
  it('exports the completion table and the 台账 of a contract, from its start to today', async () => {
    const downloads = captureDownloads();
    const api = fakeApi({
      account: { me: () => socialWorker },
      indicators: {
        contracts: () => ({
          items: [
            contract(),
            contract({ id: 'ct-2025', name: '2025年度项目', periodStart: '2025-01-01', periodEnd: '2025-12-31' }),
          ],
        }),
      },
      ledger: {
        completionTable: () => file('指标完成情况.xlsx'),
        evidencePack: () => file('台账.xlsx'),
      },
    });
    render(<LedgerExportsPage />);

    expect(await screen.findByText('合同期 2026-01-25 至 2026-12-31。中期评估可只导出合同期的前一段。')).toBeTruthy();
    fireEvent.click(screen.getByText('导出指标完成情况表'));
    await waitFor(() => expect(downloads).toEqual(['指标完成情况.xlsx']));
    await settled();
    fireEvent.click(screen.getByText('导出活动与签到台账'));
    await waitFor(() => expect(downloads).toEqual(['指标完成情况.xlsx', '台账.xlsx']));
    await settled();
    const period = { contractId: 'ct-2026', fromDate: '2026-01-25', toDate: '2026-11-20' };
    expect(api.callsTo('ledger', 'completionTable')[0]!.input).toEqual(period);
    expect(api.callsTo('ledger', 'evidencePack')[0]!.input).toEqual(period);

    // Last year's contract: its whole period.
    fireEvent.click(screen.getByRole('radio', { name: '2025年度项目' }));
    expect((screen.getByLabelText('导出结束日期') as HTMLInputElement).value).toBe('2025-12-31');
    fireEvent.click(screen.getByText('导出指标完成情况表'));
    await waitFor(() => expect(api.callsTo('ledger', 'completionTable')).toHaveLength(2));
    await settled();
    expect(api.callsTo('ledger', 'completionTable')[1]!.input).toEqual({
      contractId: 'ct-2025',
      fromDate: '2025-01-01',
      toDate: '2025-12-31',
    });
  });

  it('checks the days against the contract before asking, and shows a refusal under the button', async () => {
    captureDownloads();
    const api = fakeApi({
      account: { me: () => socialWorker },
      indicators: { contracts: () => ({ items: [contract()] }) },
      ledger: {
        evidencePack: () => refuse({ code: 'EXPORT_TOO_LARGE', message: '这段时间的签到记录超过20000条，请缩短期间' }),
      },
    });
    render(<LedgerExportsPage />);
    fireEvent.change(await screen.findByLabelText('导出开始日期'), { target: { value: '2025-12-01' } });
    fireEvent.click(screen.getByText('导出指标完成情况表'));
    expect((await screen.findByRole('alert')).textContent).toBe('导出的期间须在合同期（2026-01-25至2026-12-31）内');
    expect(api.callsTo('ledger', 'completionTable')).toEqual([]);

    fireEvent.change(screen.getByLabelText('导出开始日期'), { target: { value: '2026-06-01' } });
    fireEvent.click(screen.getByText('导出活动与签到台账'));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        '这段时间的签到记录超过20000条，请缩短期间',
      ),
    );
  });

  it('says what to do when the station has no contract yet', async () => {
    fakeApi({ account: { me: () => socialWorker }, indicators: { contracts: () => ({ items: [] }) } });
    render(<LedgerExportsPage />);
    expect(await screen.findByText('还没有合同')).toBeTruthy();
  });

  it('defaults to the contract’s start until today, and knows the contract’s days', () => {
    expect(defaultPeriod(contract(), NOW)).toEqual({ fromDate: '2026-01-25', toDate: '2026-11-20' });
    expect(defaultPeriod(contract({ periodEnd: '2026-08-31' }), NOW)).toEqual({
      fromDate: '2026-01-25',
      toDate: '2026-08-31',
    });
    expect(defaultPeriod(contract({ periodStart: '2027-01-01', periodEnd: '2027-12-31' }), NOW)).toEqual({
      fromDate: '2027-01-01',
      toDate: '2027-01-01',
    });
    expect(contractPeriodProblem(contract(), { fromDate: '2026-03-01', toDate: '2026-02-01' })).toBe(
      '结束日期不能早于开始日期',
    );
    expect(contractPeriodProblem(contract(), { fromDate: '2026-03-01', toDate: '2026-04-30' })).toBeNull();
  });
});

describe('活动管理 with imported history', () => {
  it('marks an activity imported from a 台账 file instead of showing bookings', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      activity: {
        manage: () => ({
          items: [
            activity({ id: 'Imported01', title: '春节游园会', importedFrom: '台账示例.xlsx' }),
            activity({ id: 'Booked0001', title: '长者健康讲座' }),
          ],
        }),
      },
    });
    render(<ManageActivitiesPage />);
    expect(await screen.findByText('历史台账 · 导入自 台账示例.xlsx')).toBeTruthy();
    expect(screen.getAllByText(/^已报名/)).toHaveLength(1);
  });
});
