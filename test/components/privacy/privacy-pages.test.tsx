import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PersonalDataExport, PrivacyRequest, PrivacyRequestForAdmin } from '@linli/types/entities/privacy';
import { FIRST_NOTICE_VERSION, PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';
import MinePage from '@/pages/mine/index';
import PrivacyPage from '@/pages/privacy/index';
import PrivacyDataPage from '@/pages/privacy-data/index';
import ProfilePage from '@/pages/profile/index';
import DataRequestsPage from '@/subpackages/staff/pages/data-requests/index';
import { fakeApi } from '../support/fake-api';
import { linkedFile, serveLinks } from '../support/files';
import type { Me } from '@/services/session';
import { admin, newUser, profile, resident, socialWorker, station } from '../support/fixtures';
import { navigateTo, showModal, showToast } from '../support/taro';

const outdated: Me = { profile: profile({ consentVersion: FIRST_NOTICE_VERSION }), station };
const outdatedMinor = {
  profile: profile({
    consentVersion: FIRST_NOTICE_VERSION,
    minor: true,
    guardian: { name: '王妈妈', phoneMasked: '137****0077' },
  }),
  station,
};

const pending: PrivacyRequest = {
  id: 'dr.ref.1',
  kind: 'deletion',
  status: 'pending',
  requestedAt: '2026-11-23T10:00:00+08:00',
  dueAt: '2026-12-14T23:59:59.999+08:00',
  reason: '搬家了',
};
const completed: PrivacyRequest = {
  ...pending,
  status: 'completed',
  handledAt: '2026-11-25T10:00:00+08:00',
  outcome: { deleted: 4, anonymised: 12, files: 1 },
};
const forAdmin = (overrides: Partial<PrivacyRequestForAdmin> = {}): PrivacyRequestForAdmin => ({
  ...pending,
  name: '刘先生',
  phoneMasked: '139****0012',
  roles: ['resident'],
  overdue: false,
  ...overrides,
});

describe('隐私保护指引', () => {
  it('has no 同意 for someone who agreed to this version', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<PrivacyPage />);
    expect(await screen.findByText(`更新日期：${PRIVACY_NOTICE_VERSION}`)).toBeTruthy();
    expect(screen.getByText('三、敏感个人信息')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('隐私保护指引已更新')).toBeNull());
  });

  it('asks someone who agreed to an older version, and records their agreement', async () => {
    let me: Me = outdated;
    const api = fakeApi({
      account: {
        me: () => me,
        acceptPrivacy: () => {
          me = resident;
          return resident.profile!;
        },
      },
    });
    render(<PrivacyPage />);
    fireEvent.click(await screen.findByText('同意'));
    await waitFor(() => expect(api.callsTo('account', 'acceptPrivacy')).toHaveLength(1));
    expect(api.callsTo('account', 'acceptPrivacy')[0]!.input).toEqual({ version: PRIVACY_NOTICE_VERSION });
    await waitFor(() => expect(screen.queryByText('隐私保护指引已更新')).toBeNull());
  });

  it('needs the guardian to agree for a minor', async () => {
    const api = fakeApi({ account: { me: () => outdatedMinor, acceptPrivacy: () => outdatedMinor.profile } });
    render(<PrivacyPage />);
    fireEvent.click(await screen.findByText('同意'));
    expect(await screen.findByText('未满14周岁，需监护人阅读并同意')).toBeTruthy();
    expect(api.callsTo('account', 'acceptPrivacy')).toHaveLength(0);
    fireEvent.click(screen.getByText('我是监护人，已阅读并同意'));
    fireEvent.click(screen.getByText('同意'));
    await waitFor(() =>
      expect(api.callsTo('account', 'acceptPrivacy')[0]?.input).toEqual({
        version: PRIVACY_NOTICE_VERSION,
        guardianConsent: true,
      }),
    );
  });
});

describe('完善资料 for a child under 14', () => {
  const type = (placeholder: string, value: string) =>
    fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

  it('asks for the guardian and their consent, and sends nothing without them', async () => {
    const api = fakeApi({
      account: {
        me: () => newUser,
        listStations: () => ({ items: [station] }),
        saveProfile: () => profile({ minor: true }),
      },
    });
    render(<ProfilePage />);
    await screen.findByPlaceholderText('例如：王秀英');
    type('例如：王秀英', '小明');
    fireEvent.click(screen.getByText('湖滨社区'));
    fireEvent.click(screen.getByText('我已阅读并同意'));
    expect(screen.queryByPlaceholderText('监护人的姓名')).toBeNull();
    fireEvent.click(screen.getByText('未满14周岁（需监护人同意）'));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写监护人姓名')).toBeTruthy();
    expect(screen.getByText('需监护人阅读并同意隐私保护指引')).toBeTruthy();
    expect(api.callsTo('account', 'saveProfile')).toHaveLength(0);

    type('监护人的姓名', '小明妈妈');
    fireEvent.input(screen.getAllByPlaceholderText('11位手机号')[1]!, { target: { value: '13700000077' } });
    fireEvent.click(screen.getByText('监护人已阅读并同意'));
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(api.callsTo('account', 'saveProfile')).toHaveLength(1));
    expect(api.callsTo('account', 'saveProfile')[0]!.input).toMatchObject({
      name: '小明',
      minor: true,
      guardian: { name: '小明妈妈', phone: '13700000077', consent: true },
    });
  });
});

describe('我的', () => {
  it('offers 隐私与数据, and asks for agreement when the notice changed', async () => {
    fakeApi({ account: { me: () => outdated } });
    render(<MinePage />);
    expect(await screen.findByText('隐私保护指引已更新')).toBeTruthy();
    fireEvent.click(screen.getByText('隐私与数据'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy-data/index' });
  });
});

describe('隐私与数据', () => {
  const exported: PersonalDataExport = {
    format: 'linli-personal-data',
    formatVersion: 1,
    exportedAt: '2026-11-24T02:00:00.000Z',
    consentVersion: PRIVACY_NOTICE_VERSION,
    sections: [{ key: 'profile', title: '个人资料', rows: [{ 姓名: '王秀英' }] }],
  };

  it('fetches the export’s link and downloads everything held about me as a JSON file', async () => {
    const json = JSON.stringify(exported, null, 2);
    // What the function answers: a link to the stored file, not the data (docs/files.md).
    const file = { ...linkedFile('我的数据-2026-11-24.json', [...Buffer.from(json)]), mimeType: 'application/json' };
    const fetch = serveLinks();
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:export';
      }),
      revokeObjectURL: jest.fn(),
    });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const api = fakeApi({
      account: { me: () => resident, myDataRequests: () => ({ items: [] }), exportMyData: () => file },
    });
    render(<PrivacyDataPage />);
    // The section's title and its button say the same: the button is the second.
    fireEvent.click((await screen.findAllByText('导出我的数据'))[1]!);
    await waitFor(() => expect(names).toEqual(['我的数据-2026-11-24.json']));
    expect(api.callsTo('account', 'exportMyData')).toHaveLength(1);
    expect(fetch).toHaveBeenCalledWith(file.url, expect.anything());
    expect(blobs[0]!.type).toBe('application/json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    // The Chinese labels survive the trip as UTF-8.
    expect(JSON.parse(text)).toEqual(exported);
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下载' })));
    click.mockRestore();
  });

  it('says so, and downloads nothing, when the link no longer works', async () => {
    const fetch = serveLinks();
    const expired = { ...linkedFile('我的数据-2026-11-24.json'), url: 'http://127.0.0.1:8930/__files/gone?sig=old' };
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fakeApi({ account: { me: () => resident, myDataRequests: () => ({ items: [] }), exportMyData: () => expired } });
    render(<PrivacyDataPage />);
    fireEvent.click((await screen.findAllByText('导出我的数据'))[1]!);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    // The function answered; fetching its file failed: nothing half-done is offered.
    expect((await screen.findByRole('alert')).textContent).toBe('网络不稳定，请稍后重试');
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });

  it('asks for deletion with a reason after a confirmation, then shows the request instead of the button', async () => {
    let items: PrivacyRequest[] = [];
    const api = fakeApi({
      account: {
        me: () => resident,
        myDataRequests: () => ({ items }),
        requestDeletion: () => {
          items = [pending];
          return pending;
        },
      },
    });
    render(<PrivacyDataPage />);
    // Taro's textarea reports what was typed in the event's detail.
    fireEvent(
      await screen.findByPlaceholderText('原因（可不填）'),
      new CustomEvent('input', { detail: { value: '搬家了' } }),
    );
    fireEvent.click(screen.getByText('申请删除我的信息'));
    await waitFor(() => expect(api.callsTo('account', 'requestDeletion')[0]?.input).toEqual({ reason: '搬家了' }));
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('待处理')).toBeTruthy();
    expect(screen.getByText(/处理期限/)).toBeTruthy();
    expect(screen.queryByText('申请删除我的信息')).toBeNull();
  });

  it('does nothing when the confirmation is cancelled', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const api = fakeApi({
      account: { me: () => resident, myDataRequests: () => ({ items: [] }), requestDeletion: () => pending },
    });
    render(<PrivacyDataPage />);
    fireEvent.click(await screen.findByText('申请删除我的信息'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(api.callsTo('account', 'requestDeletion')).toHaveLength(0);
  });

  it('shows a deleted person the outcome, with nothing left to export', async () => {
    fakeApi({ account: { me: () => newUser, myDataRequests: () => ({ items: [completed] }) } });
    render(<PrivacyDataPage />);
    expect(await screen.findByText('已删除')).toBeTruthy();
    expect(screen.getByText(/已删除 4 条记录、1 张照片；12 条依规保留的记录已去除姓名和联系方式/)).toBeTruthy();
    expect(screen.queryByText('导出我的数据')).toBeNull();
  });
});

describe('个人信息请求 (站长)', () => {
  it('is for the 站长 only', async () => {
    fakeApi({ account: { me: () => socialWorker } });
    render(<DataRequestsPage />);
    expect(await screen.findByText('仅站长可用')).toBeTruthy();
  });

  it('lists pending requests with who asked and when they are due, marks the late ones, and carries one out', async () => {
    let items = [forAdmin(), forAdmin({ id: 'dr.ref2.1', name: '孙悦', overdue: true })];
    const api = fakeApi({
      account: {
        me: () => admin,
        dataRequests: () => ({ items }),
        handleDataRequest: (input) => {
          items = items.filter((r) => r.id !== input.requestId);
          return forAdmin({ status: 'completed', name: null });
        },
      },
    });
    render(<DataRequestsPage />);
    expect(await screen.findByText('刘先生 · 139****0012 · 居民')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
    fireEvent.click(screen.getAllByText('执行删除')[0]!);
    await waitFor(() =>
      expect(api.callsTo('account', 'handleDataRequest')[0]?.input).toEqual({
        requestId: 'dr.ref.1',
        decision: 'erase',
      }),
    );
    await waitFor(() => expect(screen.queryByText('刘先生 · 139****0012 · 居民')).toBeNull());
  });

  it('declines with the reason the person will see', async () => {
    const api = fakeApi({
      account: {
        me: () => admin,
        dataRequests: () => ({ items: [forAdmin()] }),
        handleDataRequest: () => forAdmin({ status: 'declined' }),
      },
    });
    render(<DataRequestsPage />);
    fireEvent.click(await screen.findByText('不予删除'));
    fireEvent.input(screen.getByPlaceholderText('例如：您有尚未结束的志愿服务，请先联系社工'), {
      target: { value: '请先结束您的志愿服务岗位' },
    });
    fireEvent.click(screen.getByText('确定'));
    await waitFor(() =>
      expect(api.callsTo('account', 'handleDataRequest')[0]?.input).toEqual({
        requestId: 'dr.ref.1',
        decision: 'decline',
        note: '请先结束您的志愿服务岗位',
      }),
    );
  });
});
