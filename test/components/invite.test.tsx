import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import InvitePage from '@/pages/invite/index';
import { fakeApi, refuse } from './support/fake-api';
import { newUser, profile, resident, station } from './support/fixtures';
import { navigateTo } from './support/taro';

const CODE_INPUT = '请输入邀请码';

function enterCode(code: string) {
  fireEvent.input(screen.getByPlaceholderText(CODE_INPUT), { target: { value: code } });
  fireEvent.click(screen.getByText('兑换'));
}

describe('兑换邀请码', () => {
  it('redeems a code and shows the new role', async () => {
    const redeemed: string[] = [];
    const api = fakeApi({
      account: {
        me: () => resident,
        redeemInvitation: ({ code }) => {
          redeemed.push(code);
          return profile({ roles: ['resident', 'social_worker'] });
        },
      },
    });
    render(<InvitePage />);

    await screen.findByPlaceholderText(CODE_INPUT);
    enterCode('ab12cd34');

    expect(await screen.findByText('兑换成功')).toBeTruthy();
    expect(screen.getByText('社工')).toBeTruthy();
    expect(screen.getByText('居民')).toBeTruthy();
    expect(redeemed).toEqual(['AB12CD34']);
    // the session learns the new role
    await waitFor(() => expect(api.callsTo('account', 'me').length).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByText('进入工作台'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/workbench/index' });
  });

  it('rejects a malformed code without calling the server', async () => {
    const api = fakeApi({ account: { me: () => resident } });
    render(<InvitePage />);

    await screen.findByPlaceholderText(CODE_INPUT);
    enterCode('AB12');

    expect(await screen.findByText('邀请码为8位字母或数字')).toBeTruthy();
    expect(api.callsTo('account', 'redeemInvitation')).toHaveLength(0);
  });

  it.each([
    ['INVITATION_USED', '邀请码已被使用'],
    ['INVITATION_EXPIRED', '邀请码已过期'],
    ['INVITATION_INVALID', '邀请码无效'],
  ] as const)('shows %s from the server next to the code', async (code, message) => {
    fakeApi({ account: { me: () => resident, redeemInvitation: () => refuse({ code, message }) } });
    render(<InvitePage />);

    await screen.findByPlaceholderText(CODE_INPUT);
    enterCode('AB12CD34');

    const error = await screen.findByText(message);
    expect(error.closest('.ll-field')?.textContent).toContain('邀请码');
    expect(screen.queryByText('兑换成功')).toBeNull();
  });

  it('asks an unregistered person to complete their profile first', async () => {
    fakeApi({ account: { me: () => newUser, listStations: () => ({ items: [station] }) } });
    render(<InvitePage />);

    expect(await screen.findByText('请先完善资料')).toBeTruthy();
    expect(screen.queryByPlaceholderText(CODE_INPUT)).toBeNull();
  });
});
