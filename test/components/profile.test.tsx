import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SaveProfileInput } from '@linli/types/actions/account';
import ProfilePage from '@/pages/profile/index';
import { fakeApi, refuse } from './support/fake-api';
import type { Me } from '@/services/session';
import { newUser, profile, resident, station } from './support/fixtures';
import { navigateBack, navigateTo, reLaunch, taro } from './support/taro';

function typeInto(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

/** The name input's placeholder: how the tests find it. */
const NAME = '例如：王秀英';
const consentBox = () => screen.getByText('我已阅读并同意');
const saveButton = () => screen.getByText('保存');

/** A back end where `me` answers `who` and saveProfile accepts anything; keeps what was saved. */
function acceptingSaves(who: Me) {
  const saved: SaveProfileInput[] = [];
  const api = fakeApi({
    account: {
      me: () => who,
      listStations: () => ({ items: [station] }),
      saveProfile: (input) => {
        saved.push(input as SaveProfileInput);
        return profile({
          name: input.name,
          communityId: input.communityId,
          phoneMasked: input.phone ? '138****1111' : undefined,
        });
      },
    },
  });
  return { saved, api };
}

describe('完善资料 form', () => {
  it('groups communities by 片区 and submits what was entered', async () => {
    const { saved, api } = acceptingSaves(newUser);
    taro.setPageStack(['pages/index/index', 'pages/profile/index']);
    render(<ProfilePage />);

    expect(await screen.findByText('东片')).toBeTruthy();
    expect(screen.getByText('西片')).toBeTruthy();
    typeInto(NAME, '王秀英');
    fireEvent.click(screen.getByText('磨坊社区'));
    typeInto('11位手机号', '13800001111');
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(saved).toEqual([
      { name: '王秀英', stationId: 'st_demo', communityId: 'c_mill', phone: '13800001111', consent: true },
    ]);
    expect(api.callsTo('account', 'saveProfile')[0]?.requestId).toMatch(/^r[a-z0-9]+$/);
    // the session is fetched again, so every page sees the new profile
    expect(api.callsTo('account', 'me').length).toBeGreaterThanOrEqual(2);
  });

  it('requires consent to the privacy notice before sending anything', async () => {
    const api = fakeApi({ account: { me: () => newUser, listStations: () => ({ items: [station] }) } });
    render(<ProfilePage />);

    await screen.findByPlaceholderText(NAME);
    typeInto(NAME, '王秀英');
    fireEvent.click(screen.getByText('湖滨社区'));
    fireEvent.click(saveButton());

    expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy();
    expect(api.callsTo('account', 'saveProfile')).toHaveLength(0);
  });

  it('checks name and community before sending', async () => {
    const api = fakeApi({ account: { me: () => newUser, listStations: () => ({ items: [station] }) } });
    render(<ProfilePage />);

    fireEvent.click(await screen.findByText('我已阅读并同意'));
    fireEvent.click(saveButton());

    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请选择所在社区')).toBeTruthy();
    expect(api.callsTo('account', 'saveProfile')).toHaveLength(0);
  });

  it("shows the server's field errors next to their fields until that field is edited", async () => {
    fakeApi({
      account: {
        me: () => newUser,
        listStations: () => ({ items: [station] }),
        saveProfile: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: '填写的内容有误，请检查后再试',
            fields: [
              { path: 'name', message: '姓名不能包含特殊符号' },
              { path: 'communityId', message: '该社区已停止服务' },
            ],
          }),
      },
    });
    render(<ProfilePage />);

    await screen.findByPlaceholderText(NAME);
    typeInto(NAME, '王@@');
    fireEvent.click(screen.getByText('公园社区'));
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());

    const nameError = await screen.findByText('姓名不能包含特殊符号');
    const communityError = screen.getByText('该社区已停止服务');
    // each message sits in the field it belongs to
    expect(nameError.closest('.ll-field')?.textContent).toContain('姓名');
    expect(communityError.closest('.ll-field')?.textContent).toContain('所属社区');
    expect(communityError.closest('.ll-field')?.textContent).not.toContain('姓名不能包含特殊符号');
    // field errors replace the generic message
    expect(screen.queryByText('填写的内容有误，请检查后再试')).toBeNull();

    typeInto(NAME, '王秀');
    expect(screen.queryByText('姓名不能包含特殊符号')).toBeNull();
    expect(screen.getByText('该社区已停止服务')).toBeTruthy();
  });

  it('shows an error without fields above the form', async () => {
    fakeApi({
      account: {
        me: () => newUser,
        listStations: () => ({ items: [station] }),
        saveProfile: () => refuse({ code: 'FORBIDDEN', message: '您没有权限进行此操作' }),
      },
    });
    render(<ProfilePage />);

    await screen.findByPlaceholderText(NAME);
    typeInto(NAME, '王秀英');
    fireEvent.click(screen.getByText('湖滨社区'));
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('edits an existing profile: fields prefilled, blank phone keeps the number on record', async () => {
    const { saved } = acceptingSaves(resident);
    render(<ProfilePage />);

    expect(await screen.findByText('编辑资料')).toBeTruthy();
    expect((screen.getByPlaceholderText(NAME) as HTMLInputElement).value).toBe('王秀英');
    expect(screen.getByText('已登记 138****0000，不修改请留空')).toBeTruthy();
    fireEvent.click(saveButton());

    // opened directly (one page in the stack): back to 首页 instead
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(saved).toEqual([{ name: '王秀英', stationId: 'st_demo', communityId: 'c_lake', consent: true }]);
  });

  it('can delete the phone number on record', async () => {
    const { saved } = acceptingSaves(resident);
    render(<ProfilePage />);

    fireEvent.click(await screen.findByText('删除已登记的手机号'));
    fireEvent.click(saveButton());

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.phone).toBe('');
  });

  it('links to the privacy notice', async () => {
    fakeApi({ account: { me: () => newUser, listStations: () => ({ items: [station] }) } });
    render(<ProfilePage />);

    fireEvent.click(await screen.findByText('《隐私保护指引》'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
  });
});
