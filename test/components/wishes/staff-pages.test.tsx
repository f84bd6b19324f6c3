import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StaffWishPage from '@/subpackages/staff/pages/wish/index';
import StaffWishSubmitPage from '@/subpackages/staff/pages/wish-submit/index';
import StaffWishesPage, { summaryMeta, thisMonth } from '@/subpackages/staff/pages/wishes/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import TaroDouble, { navigateTo, redirectTo, showToast } from '../support/taro';
import { freezeDateAtNow, NOW, openWithParams } from '../activities/fixtures';
import { typeInto, wishDetail, wishSummary } from './fixtures';

const fieldOf = (label: string) => screen.getByText(label).closest('.ll-field') as HTMLElement;

const envBefore = { ...process.env };
beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  process.env = { ...envBefore };
});

describe('微心愿 inbox', () => {
  it('counts this month’s 点亮 and each tab; the review tab first', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      wishes: {
        summary: () => ({
          counts: { review: 2, changes_requested: 0, published: 3, claimed: 1, fulfilled: 0, closed: 7 },
          fulfilled: {
            total: 5,
            byArea: [
              { areaId: 'area_east', areaName: '东片', count: 3 },
              { areaId: 'area_west', areaName: '西片', count: 2 },
            ],
          },
        }),
        inbox: () => ({ items: [wishSummary()] }),
      },
    });
    render(<StaffWishesPage />);
    expect((await screen.findByTestId('wish-summary')).textContent).toBe('本月点亮 5 个心愿东片 3 · 西片 2');
    expect(screen.getByText('待审核 2')).toBeTruthy();
    expect(api.callsTo('wishes', 'summary')[0]!.input).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-20' });
    fireEvent.click(await screen.findByTestId('wish-row'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/wish/index?id=Wabc1234567' });
  });

  it('names the month in station time and the row by who it is for', () => {
    expect(thisMonth(new Date('2026-11-30T16:30:00Z'))).toEqual({ fromDate: '2026-12-01', toDate: '2026-12-01' });
    expect(thisMonth(NOW).fromDate).toBe('2026-11-01');
    expect(summaryMeta(wishSummary({ claimerName: '赵志愿' }))).toBe(
      '张秀兰 · 湖滨社区 · 生活用品 · 约150元 · 代提交 · 认领：赵志愿',
    );
  });
});

describe('心愿审核', () => {
  function backEnd(approve: () => ReturnType<typeof wishDetail>) {
    return fakeApi({
      account: { me: () => socialWorker },
      wishes: {
        get: () => wishDetail({ can: ['request_changes', 'approve', 'decline', 'withdraw'] }),
        approve,
        decline: (input) => wishDetail({ status: 'declined', reviewNote: input.reason, can: [] }),
      },
    });
  }

  it('shows who it is for, and publishes with a public text that the title starts from', async () => {
    openWithParams({ id: 'W1' });
    const api = backEnd(() => wishDetail({ status: 'published', can: ['withdraw'] }));
    render(<StaffWishPage />);
    const card = await screen.findByTestId('wish-detail');
    expect(card.textContent).toContain('张秀兰 · 湖滨社区 · 尾号0011');
    expect(card.textContent).toContain('困难类别：独居孤寡长者');
    expect((screen.getByPlaceholderText('例如：为长者添一台电饭煲') as HTMLInputElement).value).toBe('一台电风扇');
    typeInto('例如：为长者添一台电饭煲', '为长者送一台电风扇');
    typeInto('例如：一位长者家里的电饭煲坏了，想要一台小容量的电饭煲', '一位长者想要一台电风扇');
    fireEvent.click(screen.getByText('审核通过并发布'));
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布到心愿墙' })));
    expect(api.callsTo('wishes', 'approve')[0]!.input).toEqual({
      wishId: 'W1',
      publicTitle: '为长者送一台电风扇',
      publicText: '一位长者想要一台电风扇',
    });
    expect(screen.queryByTestId('wish-review')).toBeNull();
  });

  it('shows what in the public text gives the person away, at the field', async () => {
    openWithParams({ id: 'W1' });
    backEnd(() =>
      refuse({
        code: 'PUBLIC_TEXT_PERSONAL',
        message: '公开内容不能出现受助人的姓名',
        fields: [
          { path: 'publicTitle', message: '不能出现受助人的姓名' },
          { path: 'publicText', message: '不能出现受助人的姓名' },
          { path: 'publicText', message: '不能出现电话号码、证件号等数字串' },
        ],
      }),
    );
    render(<StaffWishPage />);
    await screen.findByTestId('wish-review');
    typeInto('例如：一位长者家里的电饭煲坏了，想要一台小容量的电饭煲', '张秀兰想要一台电风扇');
    fireEvent.click(await screen.findByText('审核通过并发布'));
    await waitFor(() => expect(fieldOf('公开标题').textContent).toContain('不能出现受助人的姓名'));
    expect(fieldOf('公开说明').textContent).toContain('不能出现受助人的姓名；不能出现电话号码、证件号等数字串');
  });

  it('a text the content check held stays for review, and says so', async () => {
    openWithParams({ id: 'W1' });
    backEnd(() =>
      wishDetail({
        status: 'held',
        reviewNote: '内容未通过平台安全检测，需人工审核',
        can: ['request_changes', 'approve', 'decline', 'withdraw'],
      }),
    );
    render(<StaffWishPage />);
    await screen.findByTestId('wish-review');
    typeInto('例如：一位长者家里的电饭煲坏了，想要一台小容量的电饭煲', '一位长者想要一台电风扇');
    fireEvent.click(await screen.findByText('审核通过并发布'));
    expect(await screen.findByText('平台内容检测未通过，需修改公开内容后重新审核')).toBeTruthy();
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '内容检测未通过，请修改公开内容后再审核', icon: 'none' }),
    );
  });

  it('declines with a reason the submitter reads', async () => {
    openWithParams({ id: 'W1' });
    const api = backEnd(() => wishDetail());
    render(<StaffWishPage />);
    fireEvent.click(await screen.findByText('不通过'));
    const dialog = screen.getByRole('dialog');
    fireEvent.input(within(dialog).getByPlaceholderText('不通过的原因'), { target: { value: '不属于微心愿范围' } });
    fireEvent.click(within(dialog).getAllByText('不通过').at(-1)!);
    expect(await screen.findByText('未通过的原因')).toBeTruthy();
    expect(api.callsTo('wishes', 'decline')[0]!.input).toEqual({ wishId: 'W1', reason: '不属于微心愿范围' });
  });
});

describe('代居民提交心愿', () => {
  it('finds the resident, then sends the wish for them with the hardship category', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      station: {
        searchResidents: () => ({
          items: [{ personId: 'p_zhang', name: '张秀兰', communityName: '湖滨社区', phoneTail: '0011' }],
        }),
      },
      wishes: { submit: () => wishDetail({ id: 'Wnew' }) },
    });
    // On WeChat the social worker is asked, inside the tap, for the wish's three messages: the
    // resident may have no WeChat, and whoever taps is the one WeChat lets the station tell.
    const requestSubscribeMessage = jest.fn((_options: { tmplIds: string[] }) =>
      Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }),
    );
    Object.assign(TaroDouble, { requestSubscribeMessage });
    Object.assign(process.env, {
      TARO_ENV: 'weapp',
      TARO_APP_TEMPLATE_WISH_REVIEWED: 'tmpl-reviewed',
      TARO_APP_TEMPLATE_WISH_CLAIMED: 'tmpl-claimed',
      TARO_APP_TEMPLATE_WISH_FULFILLED: 'tmpl-fulfilled',
    });
    render(<StaffWishSubmitPage />);
    await screen.findByPlaceholderText('姓名或手机尾号');
    typeInto('姓名或手机尾号', '张');
    fireEvent.click(await screen.findByText('查找'));
    fireEvent.click(await screen.findByText('选择'));
    expect(screen.getByTestId('wish-beneficiary').textContent).toContain('为 张秀兰 提交');

    typeInto('例如：一台电饭煲', '一台电风扇');
    typeInto('为什么需要它，家里的情况', '家里的电风扇坏了，夏天很热。');
    typeInto('例如：200', '150');
    fireEvent.click(screen.getByText('生活用品'));
    fireEvent.click(screen.getByText('独居孤寡长者'));
    fireEvent.click(screen.getByText('提交心愿'));
    expect(requestSubscribeMessage).toHaveBeenCalledWith({
      tmplIds: ['tmpl-reviewed', 'tmpl-claimed', 'tmpl-fulfilled'],
    });
    await waitFor(() =>
      expect(redirectTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/wish/index?id=Wnew' }),
    );
    expect(api.callsTo('wishes', 'submit')[0]!.input).toEqual({
      what: '一台电风扇',
      why: '家里的电风扇坏了，夏天很热。',
      estimatedValue: 150,
      category: 'daily_goods',
      photoFileIds: [],
      hardship: 'lonely_elder',
      beneficiaryId: 'p_zhang',
    });
  });
});
