import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { VolunteerRegistrationDraft } from '@linli/types/entities/volunteer';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import RegisterPage from '@/subpackages/volunteer/pages/register/index';
import { fakeApi, refuse } from '../support/fake-api';
import { newUser } from '../support/fixtures';
import { navigateBack, navigateTo, taro } from '../support/taro';
import { applicant, myVolunteer } from './fixtures';

const typeInto = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
const fieldOf = (text: string) => screen.getByText(text).closest('.ll-field') as HTMLElement;

/** A back end for 刘建国 (not yet a volunteer, or `volunteer`) that keeps every registration. */
function backEnd(volunteer: ReturnType<typeof myVolunteer> | null = null) {
  const sent: VolunteerRegistrationDraft[] = [];
  const api = fakeApi({
    account: { me: () => applicant },
    volunteer: {
      me: () => ({ volunteer }),
      register: (draft) => {
        sent.push(draft as VolunteerRegistrationDraft);
        return myVolunteer({ status: 'pending', realName: draft.realName });
      },
    },
  });
  return { sent, api };
}

function fillTheRest() {
  typeInto('11位手机号', '13900000012');
  typeInto('紧急联系人姓名', '刘小红');
  typeInto('紧急联系人的11位手机号', '13700005678');
  fireEvent.click(screen.getByText('我已阅读并同意'));
}

describe('注册志愿者', () => {
  it('starts from the profile, takes skills from the list and in words, and sends the registration once', async () => {
    const { sent, api } = backEnd();
    taro.setPageStack(['subpackages/volunteer/pages/home/index', 'subpackages/volunteer/pages/register/index']);
    render(<RegisterPage />);

    expect(await screen.findByText('提交后由本站社工审核，通过后就可以报名服务岗位。')).toBeTruthy();
    expect((screen.getByPlaceholderText('例如：刘建国') as HTMLInputElement).value).toBe('刘建国');
    expect(screen.getByRole('radio', { name: '湖滨社区' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('陪伴探访'));
    typeInto('其他技能，例如：手语', '手语');
    fireEvent.click(screen.getByText('添加'));
    expect(screen.getByRole('checkbox', { name: '手语' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('周末上午'));
    fireEvent.click(screen.getByText('工作日晚上'));
    fillTheRest();
    fireEvent.click(screen.getByText('提交申请'));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        realName: '刘建国',
        phone: '13900000012',
        communityId: 'c_lake',
        skills: ['陪伴探访', '手语'],
        availability: '周末上午、工作日晚上',
        emergencyContact: { name: '刘小红', phone: '13700005678' },
        consent: true,
      },
    ]);
    expect(api.callsTo('volunteer', 'register')[0]!.requestId).toMatch(/^r[a-z0-9]+$/);
  });

  it('checks the form against the contract before sending, each message at its field', async () => {
    const { api } = backEnd();
    render(<RegisterPage />);
    await screen.findByPlaceholderText('11位手机号');
    typeInto('11位手机号', '1390000');
    typeInto('紧急联系人的11位手机号', '12345678901');
    fireEvent.click(screen.getByText('提交申请'));

    expect(await screen.findByText('请阅读并同意隐私说明')).toBeTruthy();
    expect(fieldOf('手机号').textContent).toContain('请输入11位手机号');
    expect(fieldOf('紧急联系人手机号').textContent).toContain('请输入11位手机号');
    expect(fieldOf('紧急联系人').textContent).toContain('请填写姓名');
    expect(api.callsTo('volunteer', 'register')).toHaveLength(0);
  });

  it('links the consent to the privacy notice', async () => {
    backEnd();
    render(<RegisterPage />);
    fireEvent.click(await screen.findByText('《隐私保护指引》'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
  });

  it("shows the server's field errors next to their fields", async () => {
    fakeApi({
      account: { me: () => applicant },
      volunteer: {
        me: () => ({ volunteer: null }),
        register: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: DEFAULT_MESSAGES.INVALID_INPUT,
            fields: [
              { path: 'emergencyContact.phone', message: '紧急联系人不能是本人' },
              { path: 'communityId', message: '不是本站的社区' },
            ],
          }),
      },
    });
    render(<RegisterPage />);
    await screen.findByPlaceholderText('11位手机号');
    fillTheRest();
    fireEvent.click(screen.getByText('提交申请'));

    expect(await screen.findByText('紧急联系人不能是本人')).toBeTruthy();
    expect(fieldOf('紧急联系人手机号').textContent).toContain('紧急联系人不能是本人');
    expect(fieldOf('所在社区').textContent).toContain('不是本站的社区');
    expect(screen.queryByText(DEFAULT_MESSAGES.INVALID_INPUT)).toBeNull();
    typeInto('紧急联系人的11位手机号', '13700005679');
    expect(screen.queryByText('紧急联系人不能是本人')).toBeNull();
  });

  it('reopens a rejected application with what was sent, the reason, and the phones to type again', async () => {
    const { sent } = backEnd(
      myVolunteer({ status: 'rejected', reason: '请填写真实姓名', realName: '老刘', skills: ['维修', '手语'] }),
    );
    render(<RegisterPage />);

    expect(await screen.findByText('修改后重新申请')).toBeTruthy();
    expect(screen.getByText('上次未通过：请填写真实姓名。修改后重新提交，社工会再次审核。')).toBeTruthy();
    expect((screen.getByPlaceholderText('例如：刘建国') as HTMLInputElement).value).toBe('老刘');
    expect(screen.getByRole('radio', { name: '公园社区' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('checkbox', { name: '维修' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('checkbox', { name: '手语' }).getAttribute('aria-checked')).toBe('true');
    expect((screen.getByPlaceholderText('紧急联系人姓名') as HTMLInputElement).value).toBe('刘小红');
    // Masked, as the server answers: the full numbers are typed again, never shown.
    expect(screen.getByText('原登记 139****0012；为保护隐私不显示完整号码，请重新填写')).toBeTruthy();
    expect(screen.getByText('原登记 137****5678；请重新填写')).toBeTruthy();

    typeInto('例如：刘建国', '刘建国');
    fillTheRest();
    fireEvent.click(screen.getByText('重新提交申请'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ realName: '刘建国', communityId: 'c_park', skills: ['维修', '手语'] });
  });

  it('has nothing to fill in while the application waits for review', async () => {
    const { api } = backEnd(myVolunteer({ status: 'pending' }));
    render(<RegisterPage />);
    expect(await screen.findByText('您的申请正在审核')).toBeTruthy();
    expect(screen.queryByText('提交申请')).toBeNull();
    expect(api.callsTo('volunteer', 'register')).toHaveLength(0);
  });

  it('shows a refusal of the whole form above it', async () => {
    fakeApi({
      account: { me: () => applicant },
      volunteer: {
        me: () => ({ volunteer: null }),
        register: () => refuse({ code: 'ALREADY_REGISTERED', message: DEFAULT_MESSAGES.ALREADY_REGISTERED }),
      },
    });
    render(<RegisterPage />);
    await screen.findByPlaceholderText('11位手机号');
    fillTheRest();
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText(DEFAULT_MESSAGES.ALREADY_REGISTERED)).toBeTruthy();
  });

  it('asks for a profile first', async () => {
    fakeApi({
      account: { me: () => newUser },
      volunteer: { me: () => refuse({ code: 'PROFILE_REQUIRED', message: '' }) },
    });
    render(<RegisterPage />);
    fireEvent.click(await screen.findByText('完善资料'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });
});
