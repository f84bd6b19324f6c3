import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as taroModule from '@tarojs/taro';
import type { Contract, ManualCount } from '@linli/types/entities/indicator-report';
import CountsPage, { parseCount } from '@/subpackages/staff/pages/counts/index';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { contractSummary } from './fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('../volunteer-staff/picker-mock'));

/** Types into the NutUI input with this placeholder, as the profile tests do. */
function typeInto(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

const contract = {
  ...contractSummary(),
  areaIds: ['area-1'],
  indicators: [{ id: 'cases', name: '个案', unit: '个', measure: 'manual_count' }],
} as unknown as Contract;

const count = (overrides: Partial<ManualCount> = {}): ManualCount => ({
  id: 'mc-1',
  rootId: 'mc-1',
  version: 1,
  contractId: 'ct-2026',
  indicatorId: 'cases',
  areaId: 'area-1',
  areaName: '片区一',
  date: '2026-03-02',
  value: 3,
  note: '个案台账第3册',
  photoFileIds: [],
  recordedByName: '李社工',
  recordedAt: '2026-03-02T08:00:00+08:00',
  current: true,
  ...overrides,
});

const stationInfo = {
  id: 'st-lingnan',
  name: '岭南社工站',
  operator: '',
  demo: false,
  areas: [
    { id: 'area-1', name: '片区一' },
    { id: 'area-9', name: '不在合同内的片区' },
  ],
  communities: [],
};

beforeEach(() => {
  jest
    .spyOn(taroModule, 'useRouter')
    .mockReturnValue({ params: { contract: 'ct-2026', indicator: 'cases' }, path: '' } as never);
});
afterEach(() => jest.restoreAllMocks());

it('parses counts as the action takes them', () => {
  expect(parseCount('12')).toEqual({ value: 12 });
  expect(parseCount(' 2.5 ')).toEqual({ value: 2.5 });
  expect('problem' in parseCount('-1')).toBe(true);
  expect('problem' in parseCount('1.234')).toBe(true);
  expect('problem' in parseCount('')).toBe(true);
});

it('records a count for a 片区 of the contract with its evidence, and refuses one without', async () => {
  const api = fakeApi({
    account: { me: () => socialWorker },
    station: { get: () => stationInfo },
    indicators: {
      contract: () => contract,
      counts: () => ({ items: [] }),
      recordCount: (input) => count({ value: input.value, note: input.note }),
    },
  });
  render(<CountsPage />);
  const form = await screen.findByRole('form', { name: '新填报' });
  await within(form).findByText('片区一');
  expect(within(form).queryByText('不在合同内的片区')).toBeNull();
  fireEvent.click(within(form).getByText('片区一'));
  fireEvent.change(within(form).getByLabelText('日期'), { target: { value: '2026-03-02' } });
  typeInto('数量', '3');
  fireEvent.click(screen.getByText('提交填报'));
  expect(await screen.findByText('请写明佐证（如台账名称、活动名称）')).toBeTruthy();
  expect(api.callsTo('indicators', 'recordCount')).toHaveLength(0);

  typeInto('佐证说明', '个案台账第3册');
  fireEvent.click(screen.getByText('提交填报'));
  await waitFor(() => expect(api.callsTo('indicators', 'recordCount')).toHaveLength(1));
  const call = api.callsTo('indicators', 'recordCount')[0]!;
  expect(call.input).toEqual({
    contractId: 'ct-2026',
    indicatorId: 'cases',
    areaId: 'area-1',
    date: '2026-03-02',
    value: 3,
    note: '个案台账第3册',
    photoFileIds: [],
  });
  expect(call.requestId).toBeTruthy();
  await waitFor(() => expect(api.callsTo('indicators', 'counts').length).toBeGreaterThan(1));
});

it('lists counts with the versions they replaced, and corrects one with a reason', async () => {
  const api = fakeApi({
    account: { me: () => socialWorker },
    station: { get: () => stationInfo },
    indicators: {
      contract: () => contract,
      counts: () => ({
        items: [
          count({ id: 'mc-1b', version: 2, value: 4, reason: '漏记1个', current: true }),
          count({ current: false }),
        ],
      }),
      correctCount: (input) => count({ id: 'mc-1c', version: 3, value: input.value, reason: input.reason }),
    },
  });
  render(<CountsPage />);
  const row = await screen.findByLabelText('填报 2026-03-02 4');
  expect(within(row).getByText('更正原因：漏记1个')).toBeTruthy();
  expect(within(row).getByText('第1版：3（已更正，不再计数）')).toBeTruthy();
  fireEvent.click(within(row).getByText('更正'));
  const form = within(row).getByRole('form', { name: '更正填报' });
  typeInto('更正后的数量', '0');
  fireEvent.click(within(form).getByText('提交更正'));
  expect(await within(form).findByText('请填写更正原因')).toBeTruthy();
  typeInto('更正原因', '重复填报，撤销');
  fireEvent.click(within(form).getByText('提交更正'));
  await waitFor(() => expect(api.callsTo('indicators', 'correctCount')).toHaveLength(1));
  expect(api.callsTo('indicators', 'correctCount')[0]!.input).toEqual({
    rootId: 'mc-1',
    version: 2,
    value: 0,
    reason: '重复填报，撤销',
  });
});
