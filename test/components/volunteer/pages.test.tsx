import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import MinePage from '@/pages/mine/index';
import { elderMode } from '@/services/elder-mode';
import CertificatePage from '@/subpackages/volunteer/pages/certificate/index';
import EntryPage from '@/subpackages/volunteer/pages/entry/index';
import VolunteerHomePage from '@/subpackages/volunteer/pages/home/index';
import HoursPage from '@/subpackages/volunteer/pages/hours/index';
import RegisterPage from '@/subpackages/volunteer/pages/register/index';
import ReportPage from '@/subpackages/volunteer/pages/report/index';
import ShiftsPage from '@/subpackages/volunteer/pages/shifts/index';
import VerifyPage from '@/subpackages/volunteer/pages/verify/index';
import { fakeApi } from '../support/fake-api';
import { newUser, resident } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { openWithParams } from '../activities/fixtures';
import { applicant, hourEntry, myHours, shift, team, volunteerMe } from './fixtures';

afterEach(() => {
  elderMode.forget(); // storage is cleared after each test; the setting's cache must follow
  jest.restoreAllMocks();
});

function backEnd() {
  fakeApi({
    account: { me: () => applicant },
    volunteer: {
      me: () => ({ volunteer: null }),
      teams: () => ({ items: [team()] }),
      shifts: () => ({ items: [shift()] }),
    },
    hours: { mine: () => myHours(), history: () => ({ versions: [hourEntry()] }) },
  });
}

/** Each volunteer page, and what it shows once it has loaded. */
const PAGES: [string, () => ReactElement, () => Promise<unknown>][] = [
  ['我的志愿服务', () => <VolunteerHomePage />, () => screen.findByText('成为志愿者')],
  ['注册志愿者', () => <RegisterPage />, () => screen.findByText('提交申请')],
  ['服务岗位', () => <ShiftsPage />, () => screen.findByText('重阳敬老文艺汇演')],
  ['我的服务时长', () => <HoursPage />, () => screen.findByTestId('hours-total')],
  ['服务记录', () => <EntryPage />, () => screen.findByText('处理记录')],
  ['申报服务', () => <ReportPage />, () => screen.findByText('提交申报')],
  ['服务记录证明', () => <CertificatePage />, () => screen.findByText('开具证明')],
  ['核验服务证明', () => <VerifyPage />, () => screen.findByText('核验')],
];

describe('长辈模式 on the volunteer pages', () => {
  it.each(PAGES)('%s follows the setting', async (_title, page, loaded) => {
    openWithParams({ id: 'scan_Act0000001_o_liu' });
    backEnd();
    elderMode.set(true);
    const { container } = render(page());
    await loaded();
    expect((container.querySelector('.ll-page-shell') as HTMLElement).className).toContain('ll-elder');
  });

  it.each(PAGES)('%s stays at normal size when it is off', async (_title, page, loaded) => {
    openWithParams({ id: 'scan_Act0000001_o_liu' });
    backEnd();
    const { container } = render(page());
    await loaded();
    expect((container.querySelector('.ll-page-shell') as HTMLElement).className).not.toContain('ll-elder');
  });
});

describe('我的 leads to the volunteer pages', () => {
  it('invites a resident to become a volunteer, and anyone to check a certificate', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('成为志愿者'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/home/index' });
    fireEvent.click(screen.getByText('核验服务证明'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/verify/index' });
  });

  it('shows a volunteer 我的志愿服务', async () => {
    fakeApi({ account: { me: () => volunteerMe }, checkin: { myHelperActivities: () => ({ items: [] }) } });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('我的志愿服务'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/home/index' });
    expect(screen.queryByText('成为志愿者')).toBeNull();
  });

  it('offers certificate checking even before a profile exists', async () => {
    fakeApi({ account: { me: () => newUser } });
    render(<MinePage />);
    expect(await screen.findByText('核验服务证明')).toBeTruthy();
    expect(screen.queryByText('成为志愿者')).toBeNull();
  });
});
