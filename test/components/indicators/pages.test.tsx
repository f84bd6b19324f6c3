import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as taroModule from '@tarojs/taro';
import type { Contract } from '@linli/types/entities/indicator-report';
import type { ContractTemplate } from '@linli/types/entities/indicators';
import ContractsPage from '@/subpackages/staff/pages/contracts/index';
import DashboardPage, { barWidth } from '@/subpackages/staff/pages/dashboard/index';
import DrilldownPage from '@/subpackages/staff/pages/drilldown/index';
import { fakeApi, refuse } from '../support/fake-api';
import { admin, socialWorker } from '../support/fixtures';
import { contractSummary, dashboard } from './fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('../volunteer-staff/picker-mock'));

const openWith = (params: Record<string, string>) =>
  jest.spyOn(taroModule, 'useRouter').mockReturnValue({ params, path: '' } as never);

const template = (overrides: Partial<ContractTemplate> = {}): ContractTemplate =>
  ({
    id: 'seed004-lingnan',
    title: '岭南街附件1-1',
    source: 'seed 004',
    draft: {
      name: '岭南街项目',
      purchaser: '',
      periodStart: '2024-01-25',
      periodEnd: '2024-08-31',
      areaIds: ['pianqu1', 'pianqu2'],
      indicators: [{ id: 'x' }],
    },
    ...overrides,
  }) as ContractTemplate;

const stationInfo = {
  id: 'st-lingnan',
  name: '岭南社工站',
  operator: '',
  demo: false,
  areas: [
    { id: 'area-1', name: '片区一' },
    { id: 'area-2', name: '片区二' },
  ],
  communities: [],
};

afterEach(() => jest.restoreAllMocks());

describe('指标 contracts', () => {
  it('lets the 站长 create a contract from a template, mapping each template 片区 to a different one', async () => {
    const api = fakeApi({
      account: { me: () => admin },
      indicators: {
        contracts: () => ({ items: [contractSummary()] }),
        templates: () => ({ items: [template()] }),
        createFromTemplate: (input) =>
          ({ ...contractSummary({ id: 'ct-new' }), templateId: input.templateId }) as Contract,
      },
      station: { get: () => stationInfo },
    });
    render(<ContractsPage />);
    fireEvent.click(await screen.findByText('岭南街附件1-1'));
    const first = screen.getByRole('radiogroup', { name: '模板的 pianqu1 对应本站' });
    const second = screen.getByRole('radiogroup', { name: '模板的 pianqu2 对应本站' });
    fireEvent.click(within(first).getByText('片区一'));
    fireEvent.click(within(second).getByText('片区一'));
    fireEvent.click(screen.getByText('新建合同'));
    expect(await screen.findByText('模板的不同片区不能对应同一个片区')).toBeTruthy();
    expect(api.callsTo('indicators', 'createFromTemplate')).toHaveLength(0);

    fireEvent.click(within(second).getByText('片区二'));
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByText('新建合同'));
    await waitFor(() => expect(api.callsTo('indicators', 'createFromTemplate')).toHaveLength(1));
    expect(api.callsTo('indicators', 'createFromTemplate')[0]!.input).toEqual({
      templateId: 'seed004-lingnan',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      areaMap: { pianqu1: 'area-1', pianqu2: 'area-2' },
    });
    await waitFor(() =>
      expect(jest.mocked(taroModule.navigateTo).mock.calls.at(-1)?.[0].url).toContain('dashboard/index?id=ct-new'),
    );
  });

  it('archives after a second tap', async () => {
    const api = fakeApi({
      account: { me: () => admin },
      indicators: {
        contracts: () => ({ items: [contractSummary()] }),
        templates: () => ({ items: [] }),
        archiveContract: (input) =>
          ({ ...contractSummary({ id: input.contractId, status: 'archived' }), areaIds: [] }) as unknown as Contract,
      },
      station: { get: () => stationInfo },
    });
    render(<ContractsPage />);
    fireEvent.click(await screen.findByText('归档'));
    expect(api.callsTo('indicators', 'archiveContract')).toHaveLength(0);
    fireEvent.click(screen.getByText('确认归档'));
    await waitFor(() =>
      expect(api.callsTo('indicators', 'archiveContract')[0]!.input).toEqual({ contractId: 'ct-2026' }),
    );
  });

  it('shows a social worker the contracts to read, without creating or archiving', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      indicators: { contracts: () => ({ items: [contractSummary()] }) },
    });
    render(<ContractsPage />);
    expect(await screen.findByText('岭南街2026年度项目')).toBeTruthy();
    expect(screen.queryByText('归档')).toBeNull();
    expect(screen.queryByText('从模板新建')).toBeNull();
  });
});

describe('指标 dashboard', () => {
  it("prints the server's numbers per 片区 and 合计, progress, shortfalls and sources not enabled", async () => {
    openWith({ id: 'ct-2026' });
    const api = fakeApi({ account: { me: () => socialWorker }, indicators: { dashboard: () => dashboard() } });
    render(<DashboardPage />);
    const card = await screen.findByLabelText('大型社区活动');
    expect(within(card).getByText('10 / 6 · 166.67%')).toBeTruthy();
    expect(within(card).getByText('2 / 6 · 33.33%')).toBeTruthy();
    expect(within(card).getByText('12 / 12 · 100.00%')).toBeTruthy();
    expect(within(card).getByText('落后于时间进度（按时间进度应完成 5.40）')).toBeTruthy();
    expect(screen.getByText('时间进度：已过 324 / 365 天（88.77%）')).toBeTruthy();
    const cases = screen.getByLabelText('个案');
    expect(within(cases).getByText('数据来源尚未启用：个案管理')).toBeTruthy();
    expect(within(cases).getByText('未达标：2026年2月')).toBeTruthy();
    expect(api.callsTo('indicators', 'dashboard')[0]!.input).toEqual({ contractId: 'ct-2026' });
    // Social workers see no recompute.
    expect(screen.queryByText('重新汇总')).toBeNull();

    fireEvent.click(within(card).getByText('片区二'));
    expect(jest.mocked(taroModule.navigateTo).mock.calls.at(-1)?.[0].url).toContain(
      'drilldown/index?contract=ct-2026&indicator=large-events&area=area-2',
    );
  });

  it('gives the 站长 recompute and the drift check', async () => {
    openWith({ id: 'ct-2026' });
    const api = fakeApi({
      account: { me: () => admin },
      indicators: {
        dashboard: () => dashboard(),
        recompute: () => ({ months: [] }),
        driftCheck: () => ({
          checkedAt: '2026-11-20T10:00:00+08:00',
          differing: 1,
          months: [
            {
              month: '2026-02',
              state: 'differs',
              storedAt: null,
              differences: [
                {
                  indicatorId: 'large-events',
                  name: '大型社区活动',
                  areaId: null,
                  areaName: '合计',
                  stored: '3',
                  fresh: '4',
                },
              ],
            },
          ],
        }),
      },
    });
    render(<DashboardPage />);
    fireEvent.click(await screen.findByText('核对汇总'));
    expect(await screen.findByText('核对完成：1 处差异')).toBeTruthy();
    expect(screen.getByText('大型社区活动 合计：已存 3，重算 4')).toBeTruthy();
    fireEvent.click(screen.getByText('重新汇总'));
    await waitFor(() => expect(api.callsTo('indicators', 'recompute')).toHaveLength(1));
    expect(api.callsTo('indicators', 'recompute')[0]!.requestId).toBeTruthy();
  });

  it('shows the error of a contract not in the station', async () => {
    openWith({ id: 'ct-other' });
    fakeApi({
      account: { me: () => socialWorker },
      indicators: { dashboard: () => refuse({ code: 'NOT_FOUND', message: '合同不存在' }) },
    });
    render(<DashboardPage />);
    expect(await screen.findByText('合同不存在')).toBeTruthy();
  });

  it('draws bars from the formatted completion, capped at full', () => {
    expect(barWidth('166.67%')).toBe(100);
    expect(barWidth('33.33%')).toBeCloseTo(33.33);
    expect(barWidth(null)).toBe(0);
  });
});

describe('指标 drill-down', () => {
  it('lists the sessions with why each counted or not, for 合计 when no 片区 is given', async () => {
    openWith({ contract: 'ct-2026', indicator: 'large-events', area: '' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      indicators: {
        contract: () =>
          ({
            ...contractSummary(),
            areaIds: [],
            indicators: [{ id: 'large-events', name: '大型社区活动' }],
          }) as unknown as Contract,
        drillDown: () => ({
          kind: 'sessions',
          total: 2,
          counted: 1,
          items: [
            {
              activityId: 'a1',
              session: 0,
              sessionLabel: '',
              title: '中秋游园',
              startAt: '2026-09-15T02:00:00.000Z',
              areaId: 'area-1',
              areaName: '片区一',
              communityName: '扬仁东',
              serviceAreaLabel: '',
              plannedKind: 'large_event',
              plannedKindLabel: '大型社区活动',
              countsAs: 'large_event',
              countsAsLabel: '大型社区活动',
              headcount: 60,
              annulled: 0,
              included: true,
              reason: '实际签到60人，按大型社区活动计',
            },
            {
              activityId: 'a2',
              session: 0,
              sessionLabel: '',
              title: '重阳敬老',
              startAt: '2026-10-11T02:00:00.000Z',
              areaId: 'area-1',
              areaName: '片区一',
              communityName: '扬仁东',
              serviceAreaLabel: '',
              plannedKind: 'large_event',
              plannedKindLabel: '大型社区活动',
              countsAs: 'small_event',
              countsAsLabel: '中小型社区活动',
              headcount: 30,
              annulled: 0,
              included: false,
              reason: '计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计',
            },
          ],
        }),
      },
    });
    render(<DrilldownPage />);
    expect(await screen.findByText('共 2 场，计入 1 场')).toBeTruthy();
    expect(screen.getByText('计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计')).toBeTruthy();
    expect(screen.getByText('未计入')).toBeTruthy();
    expect(await screen.findByText('大型社区活动')).toBeTruthy();
    expect(api.callsTo('indicators', 'drillDown')[0]!.input).toEqual({
      contractId: 'ct-2026',
      indicatorId: 'large-events',
      areaId: null,
      limit: 50,
    });
  });
});
