import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import WishDetailPage from '@/pages/wishes/detail/index';
import MyWishesPage, { wishPrompt } from '@/pages/wishes/mine/index';
import WishSubmitPage from '@/pages/wishes/submit/index';
import { fakeApi, refuse } from '../support/fake-api';
import { resident } from '../support/fixtures';
import TaroDouble, { navigateTo, previewImage, redirectTo, showModal } from '../support/taro';
import { freezeDateAtNow, openWithParams } from '../activities/fixtures';
import { typeInto, wishDetail } from './fixtures';

const fieldOf = (label: string) => screen.getByText(label).closest('.ll-field') as HTMLElement;

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('我的心愿', () => {
  it('lists my wishes with where each stands and what it asks of me; a tap opens one', async () => {
    fakeApi({
      wishes: {
        mine: () => ({
          items: [
            wishDetail({ id: 'W1', status: 'fulfilled', can: ['confirm'] }),
            wishDetail({ id: 'W2', what: '一套茶具', status: 'changes_requested', can: ['revise', 'withdraw'] }),
            wishDetail({ id: 'W3', what: '一台收音机', status: 'confirmed' }),
          ],
        }),
      },
    });
    render(<MyWishesPage />);
    const rows = await screen.findAllByTestId('wish-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      '一台电风扇已交付生活用品 · 约150元 · 11月18日 周三心愿已交付，收到后请点开确认',
      '一套茶具待修改生活用品 · 约150元 · 11月18日 周三社工请您修改，点开查看',
      '一台收音机已点亮生活用品 · 约150元 · 11月18日 周三',
    ]);
    fireEvent.click(rows[1]!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/wishes/detail/index?id=W2' });
  });

  it('asks nothing of a wish waiting on others', () => {
    expect(wishPrompt({ status: 'published', can: ['withdraw'] })).toBeUndefined();
  });
});

describe('心愿详情', () => {
  it('confirms receipt once, with a requestId, and shows the wish lit', async () => {
    openWithParams({ id: 'W1' });
    const api = fakeApi({
      wishes: {
        get: () => wishDetail({ status: 'fulfilled', claimerName: '赵志愿', can: ['confirm'] }),
        confirm: () => wishDetail({ status: 'confirmed', confirmedAt: '2026-11-20T10:00:00+08:00', can: [] }),
      },
    });
    render(<WishDetailPage />);
    fireEvent.click(await screen.findByText('确认收到'));
    expect(await screen.findByText('11月20日 周五 10:00 已确认收到，心愿点亮')).toBeTruthy();
    expect(screen.queryByText('确认收到')).toBeNull();
    const [sent] = api.callsTo('wishes', 'confirm');
    expect(sent!.input).toEqual({ wishId: 'W1' });
    expect(sent!.requestId).toMatch(/^r/);
  });

  it('withdraws only after a yes, and shows a refusal in words', async () => {
    openWithParams({ id: 'W1' });
    const api = fakeApi({
      wishes: {
        get: () => wishDetail({ status: 'published', can: ['withdraw'] }),
        withdraw: () => refuse({ code: 'WISH_STATE', message: '这个心愿现在是「已认领」，不能撤回' }),
      },
    });
    render(<WishDetailPage />);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await screen.findByText('撤回心愿'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(api.callsTo('wishes', 'withdraw')).toHaveLength(0);
    fireEvent.click(screen.getByText('撤回心愿'));
    expect(await screen.findByText('这个心愿现在是「已认领」，不能撤回')).toBeTruthy();
  });

  it('shows the social worker’s request and every step with who did it', async () => {
    openWithParams({ id: 'W1' });
    fakeApi({
      wishes: {
        get: () =>
          wishDetail({
            status: 'changes_requested',
            reviewNote: '请写明想要多大的电风扇',
            can: ['revise', 'withdraw'],
            history: [
              ...wishDetail().history,
              {
                action: 'request_changes',
                from: 'submitted',
                to: 'changes_requested',
                by: '王社工',
                role: 'staff',
                at: '2026-11-19T15:00:00+08:00',
                note: '请写明想要多大的电风扇',
              },
            ],
          }),
      },
    });
    render(<WishDetailPage />);
    expect(await screen.findByText('社工请修改')).toBeTruthy();
    const history = screen.getByTestId('wish-history');
    expect(history.textContent).toContain('李社工（社工）提交心愿');
    expect(history.textContent).toContain('王社工（社工）请求修改请写明想要多大的电风扇');
    fireEvent.click(screen.getByText('修改心愿'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/wishes/submit/index?id=W1' });
  });
});

describe('提交心愿', () => {
  it('checks the form with the contract’s own messages before sending anything', async () => {
    const api = fakeApi({ account: { me: () => resident } });
    render(<WishSubmitPage />);
    fireEvent.click(await screen.findByText('提交心愿', { selector: '.nut-button *, .nut-button' }));
    expect(fieldOf('心愿').textContent).toContain('请写下心愿，例如：一台电饭煲');
    expect(fieldOf('原因').textContent).toContain('请简单说明原因（至少5个字）');
    expect(fieldOf('大约价值（元）').textContent).toContain('请填写大约价值');
    expect(fieldOf('类别').textContent).toContain('请选择类别');
    expect(api.callsTo('wishes', 'submit')).toHaveLength(0);
    // Residents are not asked for a hardship category.
    expect(screen.queryByText('困难类别')).toBeNull();
  });

  it('sends the wish and opens it', async () => {
    const api = fakeApi({
      account: { me: () => resident },
      wishes: { submit: () => wishDetail({ id: 'Wnew', onBehalf: false }) },
    });
    render(<WishSubmitPage />);
    typeInto('例如：一台电饭煲', '一台电饭煲');
    typeInto('为什么需要它，家里的情况', '旧的坏了，煮饭不方便');
    typeInto('例如：200', '180');
    fireEvent.click(screen.getByText('生活用品'));
    fireEvent.click(screen.getByText('提交心愿', { selector: '.nut-button *, .nut-button' }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/wishes/detail/index?id=Wnew' }));
    expect(api.callsTo('wishes', 'submit')[0]!.input).toEqual({
      what: '一台电饭煲',
      why: '旧的坏了，煮饭不方便',
      estimatedValue: 180,
      category: 'daily_goods',
      photoFileIds: [],
    });
  });

  it('revising shows the wish’s photos and keeps them unless new ones are picked', async () => {
    openWithParams({ id: 'W1' });
    const link = 'http://127.0.0.1:8930/__files/cloud%3A%2F%2Flocal%2Fuploads%2Fo%2Faaaaaaaaaa.png?expires=1&sig=x';
    const api = fakeApi({
      account: { me: () => resident },
      wishes: {
        get: () => wishDetail({ status: 'changes_requested', photoUrls: [link], can: ['revise'] }),
        revise: () => wishDetail({ id: 'W1' }),
      },
    });
    render(<WishSubmitPage />);
    expect(await screen.findByText('新选的照片会替换上面的照片；不选则保留')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('查看心愿照片'));
    expect(previewImage).toHaveBeenCalledWith({ current: link, urls: [link] });
    expect((screen.getByPlaceholderText('例如：一台电饭煲') as HTMLInputElement).value).toBe('一台电风扇');
    typeInto('例如：200', '160');
    fireEvent.click(screen.getByText('重新提交'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect(api.callsTo('wishes', 'revise')[0]!.input).toEqual({
      wishId: 'W1',
      what: '一台电风扇',
      why: '家里的电风扇坏了，夏天很热。',
      estimatedValue: 160,
      category: 'daily_goods',
    });
  });

  it('on WeChat, the tap first asks to send the wish’s messages, then sends the wish', async () => {
    const order: string[] = [];
    const requestSubscribeMessage = jest.fn((_options: { tmplIds: string[] }) => {
      order.push('prompt');
      return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' });
    });
    // The Taro double has no subscription API; the code under test reads it from the same object.
    Object.assign(TaroDouble, { requestSubscribeMessage });
    const saved = { ...process.env };
    Object.assign(process.env, {
      TARO_ENV: 'weapp',
      TARO_APP_TEMPLATE_WISH_REVIEWED: 'tmpl-reviewed',
      TARO_APP_TEMPLATE_WISH_CLAIMED: ' tmpl-claimed ',
      TARO_APP_TEMPLATE_WISH_FULFILLED: '',
    });
    try {
      fakeApi({
        account: { me: () => resident },
        wishes: {
          submit: () => {
            order.push('submit');
            return wishDetail({ id: 'Wnew' });
          },
        },
      });
      render(<WishSubmitPage />);
      typeInto('例如：一台电饭煲', '一台电饭煲');
      typeInto('为什么需要它，家里的情况', '旧的坏了，煮饭不方便');
      typeInto('例如：200', '180');
      fireEvent.click(screen.getByText('生活用品'));
      fireEvent.click(screen.getByText('提交心愿', { selector: '.nut-button *, .nut-button' }));
      await waitFor(() => expect(order).toEqual(['prompt', 'submit']));
      // The review's outcome (published, changes asked, declined), claimed, delivered: three places.
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-reviewed', 'tmpl-claimed'] });
    } finally {
      process.env = saved;
    }
  });
});
