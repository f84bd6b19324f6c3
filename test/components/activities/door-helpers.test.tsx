import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DoorHelpers from '@/components/door-helpers';
import MinePage from '@/pages/mine/index';
import DoorPage from '@/subpackages/staff/pages/door/index';
import { fakeApi, refuse } from '../support/fake-api';
import { profile, resident, station } from '../support/fixtures';
import TaroDouble, { navigateTo } from '../support/taro';
import { freezeDateAtNow, openWithParams, signInResult } from './fixtures';

const volunteer = {
  profile: profile({ openid: 'o_vol_zhao', name: '赵志愿', roles: ['resident', 'volunteer'] }),
  station,
};
const grantedAt = '2026-11-23T13:00:00+08:00';
const helperRows = () => screen.queryAllByTestId('door-helper').map((row) => row.textContent);
const candidateRows = () => screen.queryAllByTestId('helper-candidate').map((row) => row.textContent);

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('协助扫码的志愿者 (staff)', () => {
  it('grants and revokes door-helper rights, moving volunteers between the two lists', async () => {
    const api = fakeApi({
      checkin: {
        helpers: () => ({
          items: [{ openid: 'o_vol_qian', name: '钱志愿', grantedAt }],
          candidates: [{ openid: 'o_vol_zhao', name: '赵志愿' }],
        }),
        grantHelper: ({ openid }) => ({
          items: [
            { openid: 'o_vol_qian', name: '钱志愿', grantedAt },
            { openid, name: '赵志愿', grantedAt },
          ],
        }),
        revokeHelper: () => ({ items: [{ openid: 'o_vol_zhao', name: '赵志愿', grantedAt }] }),
      },
    });
    render(<DoorHelpers activityId="Act0000001" />);

    expect(await screen.findByText('钱志愿')).toBeTruthy();
    expect(helperRows()).toEqual(['钱志愿授权于 11月23日 周一 13:00取消授权']);
    expect(candidateRows()).toEqual(['赵志愿授权扫码']);

    fireEvent.click(within(screen.getByTestId('helper-candidate')).getByText('授权扫码'));
    await waitFor(() => expect(candidateRows()).toEqual([]));
    expect(helperRows()).toEqual([
      '钱志愿授权于 11月23日 周一 13:00取消授权',
      '赵志愿授权于 11月23日 周一 13:00取消授权',
    ]);
    expect(api.callsTo('checkin', 'grantHelper')[0]!.input).toEqual({ activityId: 'Act0000001', openid: 'o_vol_zhao' });

    const qian = screen.getAllByTestId('door-helper')[0]!;
    fireEvent.click(within(qian).getByText('取消授权'));
    await waitFor(() => expect(candidateRows()).toEqual(['钱志愿授权扫码']));
    expect(helperRows()).toEqual(['赵志愿授权于 11月23日 周一 13:00取消授权']);
    expect(api.callsTo('checkin', 'revokeHelper')[0]!.input).toEqual({
      activityId: 'Act0000001',
      openid: 'o_vol_qian',
    });
    expect(api.callsTo('checkin', 'helpers')).toHaveLength(1);
  });

  it('shows a refusal and keeps the volunteer among the candidates', async () => {
    fakeApi({
      checkin: {
        helpers: () => ({ items: [], candidates: [{ openid: 'o_vol_zhao', name: '赵志愿' }] }),
        grantHelper: () => refuse({ code: 'INVALID_INPUT', message: '只能授权本站已审核的志愿者' }),
      },
    });
    render(<DoorHelpers activityId="Act0000001" />);

    expect(await screen.findByText('还没有授权志愿者')).toBeTruthy();
    fireEvent.click(screen.getByText('授权扫码'));
    expect((await screen.findByRole('alert')).textContent).toBe('只能授权本站已审核的志愿者');
    expect(candidateRows()).toEqual(['赵志愿授权扫码']);
  });

  it('says when the station has no volunteers to grant', async () => {
    fakeApi({ checkin: { helpers: () => ({ items: [], candidates: [] }) } });
    render(<DoorHelpers activityId="Act0000001" />);
    expect(await screen.findByText('本站还没有审核通过的志愿者')).toBeTruthy();
  });
});

describe('协助扫码 (volunteer)', () => {
  const grant = { activityId: 'Act0000001', title: '太极晨练', startAt: '2026-11-23T08:00:00+08:00' };

  it('is an entry per activity in 我的 for a volunteer with a grant', async () => {
    fakeApi({ account: { me: () => volunteer }, checkin: { myHelperActivities: () => ({ items: [grant] }) } });
    render(<MinePage />);

    fireEvent.click(await screen.findByText('协助扫码'));
    expect(screen.getByText('太极晨练 · 11月23日 周一 08:00')).toBeTruthy();
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/door/index?id=Act0000001' });
  });

  it('is not asked for by residents who are not volunteers', async () => {
    const api = fakeApi({ account: { me: () => resident } });
    render(<MinePage />);
    await screen.findByText('我的签到码');
    expect(screen.queryByText('协助扫码')).toBeNull();
    expect(api.callsTo('checkin', 'myHelperActivities')).toHaveLength(0);
  });

  it('signs a resident in by a typed personal code, shows the masked name, and never reads the roster', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({
      checkin: {
        myHelperActivities: () => ({ items: [grant] }),
        staffScan: () => signInResult({ personName: '张**', activityTitle: '太极晨练' }),
      },
    });
    render(<DoorPage />);

    expect(await screen.findByText('太极晨练 · 11月23日 周一 08:00')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('输入签到码，例如 LC…'), { target: { value: 'LCab12CD34ef' } });
    fireEvent.click(screen.getByText('签到', { selector: '.nut-button *' }));

    expect((await screen.findByRole('status')).textContent).toBe('张** 签到成功 14:02');
    expect(screen.getByText('本次已帮 1 位居民签到')).toBeTruthy();
    expect(api.callsTo('checkin', 'staffScan')[0]!.input).toEqual({
      activityId: 'Act0000001',
      code: 'LCab12CD34ef',
      mode: 'in',
    });
    expect(api.calls.map((c) => `${c.fn}.${c.action}`).sort()).toEqual([
      'checkin.myHelperActivities',
      'checkin.staffScan',
    ]);
  });

  it('scans with the camera on WeChat', async () => {
    process.env.TARO_ENV = 'weapp';
    openWithParams({ id: 'Act0000001' });
    const scanCode = jest.fn(() => Promise.resolve({ result: 'LCab12CD34ef' }));
    Object.assign(TaroDouble, { scanCode });
    fakeApi({
      checkin: {
        myHelperActivities: () => ({ items: [grant] }),
        staffScan: () => signInResult({ personName: '张**', outcome: 'already_signed_in' }),
      },
    });
    render(<DoorPage />);

    fireEvent.click(await screen.findByText('扫居民签到码签到'));
    expect((await screen.findByRole('status')).textContent).toBe('张** 已签到（14:02）');
    expect(scanCode).toHaveBeenCalled();
    Object.assign(TaroDouble, { scanCode: undefined });
  });

  it('refuses an activity the volunteer is not (or no longer) helping at', async () => {
    openWithParams({ id: 'Act0000002' });
    const api = fakeApi({ checkin: { myHelperActivities: () => ({ items: [grant] }) } });
    render(<DoorPage />);

    expect(await screen.findByText('没有这场活动的协助扫码权限')).toBeTruthy();
    expect(screen.queryByPlaceholderText('输入签到码，例如 LC…')).toBeNull();
    expect(api.callsTo('checkin', 'staffScan')).toHaveLength(0);
  });
});
