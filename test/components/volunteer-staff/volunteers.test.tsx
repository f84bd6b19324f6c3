import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { VolunteerDetail } from '@linli/types/entities/volunteer';
import VolunteerPage from '@/subpackages/staff/pages/volunteer/index';
import VolunteersPage, { pendingFirst } from '@/subpackages/staff/pages/volunteers/index';
import { openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { resident, socialWorker } from '../support/fixtures';
import { navigateTo, showToast } from '../support/taro';
import { applicant, detail, summary } from './fixtures';

afterEach(() => jest.restoreAllMocks());

const rows = () => screen.getAllByTestId('volunteer-row');
const rowOf = (name: string) => screen.getByText(name).closest('[data-testid="volunteer-row"]') as HTMLElement;

describe('志愿者 (the registrations list)', () => {
  it('is for staff only', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<VolunteersPage />);
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
  });

  it('opens on 待审核 and shows each applicant with the phone masked', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      volunteer: { registrations: () => ({ items: [applicant()] }) },
    });
    render(<VolunteersPage />);

    await screen.findByText('孙悦');
    const row = rowOf('孙悦');
    expect(within(row).getByText('待审核')).toBeTruthy();
    expect(within(row).getByText('湖滨社区 · 139****0031')).toBeTruthy();
    expect(within(row).getByText('11月18日 周三 登记 ›')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '待审核' }).getAttribute('aria-checked')).toBe('true');
    expect(api.callsTo('volunteer', 'registrations')[0]!.input).toEqual({ status: 'pending' });
    expect(document.body.textContent).not.toMatch(/1390000003\d/); // never a full number on a list
  });

  it('filters by status, lists everyone under 全部 with 待审核 first, and opens a volunteer', async () => {
    const everyone = [
      summary({ core: true }),
      applicant(),
      summary({ volunteerId: 'o_qian', realName: '钱多多', status: 'rejected', reason: '电话打不通' }),
    ];
    const api = fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        registrations: ({ status }) => ({ items: status ? everyone.filter((v) => v.status === status) : everyone }),
      },
    });
    render(<VolunteersPage />);
    await screen.findByText('孙悦');

    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((row) => row.querySelector('.volunteers-page__name')!.textContent)).toEqual([
      '孙悦',
      '赵志愿',
      '钱多多',
    ]);
    expect(within(rowOf('赵志愿')).getByText('骨干')).toBeTruthy();
    expect(within(rowOf('赵志愿')).getByText('队伍：长者关爱队')).toBeTruthy();
    expect(api.callsTo('volunteer', 'registrations').at(-1)!.input).toEqual({});

    fireEvent.click(screen.getByRole('radio', { name: '已通过' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(api.callsTo('volunteer', 'registrations').at(-1)!.input).toEqual({ status: 'approved' });
    fireEvent.click(rowOf('赵志愿'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/volunteer/index?id=o_zhao' });
  });

  it('says so when nobody waits for review', async () => {
    fakeApi({ account: { me: () => socialWorker }, volunteer: { registrations: () => ({ items: [] }) } });
    render(<VolunteersPage />);
    expect(await screen.findByText('没有待审核的志愿者登记')).toBeTruthy();
  });

  it('orders pending before approved before rejected, keeping the function’s order within each', () => {
    const items = [
      summary({ volunteerId: 'a' }),
      applicant({ volunteerId: 'b' }),
      summary({ volunteerId: 'c', status: 'rejected' }),
      applicant({ volunteerId: 'd' }),
    ];
    expect(pendingFirst(items).map((item) => item.volunteerId)).toEqual(['b', 'd', 'a', 'c']);
  });
});

function detailBackEnd(initial: VolunteerDetail, volunteer: Parameters<typeof fakeApi>[0]['volunteer'] = {}) {
  let current = initial;
  const api = fakeApi({
    account: { me: () => socialWorker },
    volunteer: { detail: () => current, ...volunteer },
  });
  return { api, set: (next: VolunteerDetail) => (current = next) };
}

describe('志愿者资料 (one volunteer)', () => {
  beforeEach(() => openWithParams({ id: 'o_sun' }));

  it('shows the full phone and the emergency contact (only here), and the details staff need', async () => {
    const { api } = detailBackEnd(detail());
    render(<VolunteerPage />);

    expect(await screen.findByText('13900000031')).toBeTruthy();
    expect(screen.getByText('孙先生 13900000032')).toBeTruthy();
    expect(screen.getByText('周末上午')).toBeTruthy();
    expect(screen.getByText('未加入队伍')).toBeTruthy();
    expect(screen.getByText('0.00 小时')).toBeTruthy();
    expect(screen.getByText(/只在这一页完整显示/)).toBeTruthy();
    expect(api.callsTo('volunteer', 'detail')[0]!.input).toEqual({ volunteerId: 'o_sun' });
  });

  it('通过 approves with an idempotency key and shows the new state', async () => {
    const { api, set } = detailBackEnd(detail(), {
      review: ({ decision }) => {
        const approved = detail({ status: 'approved', reviewedBy: '李社工', reviewedAt: '2026-11-20T10:00:00+08:00' });
        set(approved);
        expect(decision).toBe('approve');
        return applicant({ status: 'approved' });
      },
    });
    render(<VolunteerPage />);

    fireEvent.click(await screen.findByText('通过'));
    expect(await screen.findByText('已通过')).toBeTruthy();
    const [review] = api.callsTo('volunteer', 'review');
    expect(review!.input).toEqual({ volunteerId: 'o_sun', decision: 'approve' });
    expect(review!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
    expect(await screen.findByText('李社工 11月20日 周五 10:00')).toBeTruthy();
    expect(screen.queryByText('不通过')).toBeNull();
    expect(screen.getByText('设为骨干')).toBeTruthy();
  });

  it('不通过 needs a reason, which goes to the applicant', async () => {
    const { api } = detailBackEnd(detail(), {
      review: ({ reason }) => applicant({ status: 'rejected', reason }),
    });
    render(<VolunteerPage />);

    fireEvent.click(await screen.findByText('不通过'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByText('确定不通过'));
    expect(within(dialog).getByRole('alert').textContent).toBe('请填写不通过的原因');
    expect(api.callsTo('volunteer', 'review')).toHaveLength(0);
    fireEvent.input(within(dialog).getByPlaceholderText('原因，例如：手机号无法接通'), {
      target: { value: '联系不上本人' },
    });
    fireEvent.click(within(dialog).getByText('确定不通过'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('volunteer', 'review')[0]!.input).toEqual({
      volunteerId: 'o_sun',
      decision: 'reject',
      reason: '联系不上本人',
    });
    expect(await screen.findByText('未通过原因：联系不上本人')).toBeTruthy();
  });

  it('tells the reviewer when someone else decided first', async () => {
    detailBackEnd(detail(), {
      review: () => refuse({ code: 'NOT_PENDING', message: '该记录已处理过，请刷新后查看' }),
    });
    render(<VolunteerPage />);
    fireEvent.click(await screen.findByText('通过'));
    expect((await screen.findByRole('alert')).textContent).toBe('该记录已处理过，请刷新后查看');
  });

  it('设为骨干 and 取消骨干', async () => {
    const { api } = detailBackEnd(detail({ ...summary(), phone: '13900000021', approvedHours: '12.50' }), {
      setCore: ({ core }) => summary({ core }),
    });
    openWithParams({ id: 'o_zhao' });
    render(<VolunteerPage />);

    fireEvent.click(await screen.findByText('设为骨干'));
    expect(await screen.findByText('取消骨干')).toBeTruthy();
    expect(screen.getByText('骨干')).toBeTruthy();
    fireEvent.click(screen.getByText('取消骨干'));
    expect(await screen.findByText('设为骨干')).toBeTruthy();
    expect(api.callsTo('volunteer', 'setCore').map((c) => c.input)).toEqual([
      { volunteerId: 'o_zhao', core: true },
      { volunteerId: 'o_zhao', core: false },
    ]);
  });

  it('offers 为TA录入时长 for an approved volunteer', async () => {
    detailBackEnd(detail({ ...summary(), phone: '13900000021', approvedHours: '12.50' }));
    openWithParams({ id: 'o_zhao' });
    render(<VolunteerPage />);
    fireEvent.click(await screen.findByText('为TA录入时长'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/hours-add/index?volunteerId=o_zhao' });
  });
});
