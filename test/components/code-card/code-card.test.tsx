import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PersonRef } from '@linli/types/entities/user';
import MyCodePage from '@/pages/my-code/index';
import { CARD_HINT, CARD_TITLE } from '@/services/card-drawing';
import CodeCardPage from '@/subpackages/staff/pages/code-card/index';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { fakeApi, refuse } from '../support/fake-api';
import { resident, socialWorker } from '../support/fixtures';
import TaroDouble, { navigateTo, showToast } from '../support/taro';
import { detail, openWithParams, rosterEntry } from '../activities/fixtures';
import { recordingContext, texts, type Op } from './fake-canvas';

/**
 * 签到卡: staff open a resident's card (from the roster, or 工作台 → search), print it (H5) or
 * save it as a picture drawn by services/card-drawing (H5 download, WeChat album); residents save
 * their own 我的签到码 the same way.
 */
const CARD = { code: 'LCAB12CD34EF', imageBase64: 'UVJQTkc=', name: '张阿姨', communityName: '湖滨社区' };
const zhang: PersonRef = { personId: 'o_zhang', name: '张阿姨', communityName: '湖滨社区', phoneTail: '0011' };

function staffBackEnd() {
  return fakeApi({
    account: { me: () => socialWorker },
    checkin: {
      personCard: ({ personId }) =>
        personId === 'o_zhang' ? CARD : refuse({ code: 'NOT_FOUND', message: '未找到该居民' }),
    },
    station: { searchResidents: () => ({ items: [zhang] }) },
  });
}

/** The browser's canvas, image loading and download link, as far as saving a card needs them. */
function fakeBrowserCanvas() {
  const ctx = recordingContext<HTMLImageElement>();
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,Q0FSRA==');
  const RealImage = window.Image;
  jest.spyOn(window, 'Image').mockImplementation(() => {
    const image = new RealImage();
    // jsdom loads no images; answer as a browser would once the src is set.
    setTimeout(() => image.onload?.(new Event('load')), 0);
    return image;
  });
  const downloads: { href: string; download: string }[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download });
  });
  return { ops: ctx.ops, downloads };
}

/** WeChat's offscreen canvas, file system and album. */
function fakeWeChat(album: () => Promise<unknown> = () => Promise.resolve({ errMsg: 'ok' })) {
  process.env.TARO_ENV = 'weapp';
  const ctx = recordingContext<{ src: string }>();
  const written: { filePath: string; data: string; encoding: string }[] = [];
  const api = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      writeFile: (options: { filePath: string; data: string; encoding: string; success: () => void }) => {
        written.push(options);
        options.success();
      },
    }),
    createOffscreenCanvas: jest.fn(() => ({
      getContext: () => ctx,
      createImage: () => {
        const image = { src: '', onload: () => undefined, onerror: () => undefined };
        return new Proxy(image, {
          set(target, key, value) {
            Reflect.set(target, key, value);
            if (key === 'src') setTimeout(() => target.onload(), 0);
            return true;
          },
        });
      },
    })),
    canvasToTempFilePath: jest.fn(() => Promise.resolve({ tempFilePath: 'wxfile://tmp/card.png' })),
    saveImageToPhotosAlbum: jest.fn(album),
  };
  Object.assign(TaroDouble, api);
  addedToTaro.push(...Object.keys(api));
  return { ops: ctx.ops, written, api };
}
const addedToTaro: string[] = [];

const button = (text: string) =>
  screen.getAllByText(text).find((element) => element.closest('.nut-button')) as HTMLElement;

afterEach(() => {
  jest.restoreAllMocks();
  for (const key of addedToTaro.splice(0)) delete (TaroDouble as Record<string, unknown>)[key];
});

describe('签到卡 page', () => {
  it('shows the resident’s card: title, station, QR, name, community, the hint and the code', async () => {
    openWithParams({ personId: 'o_zhang' });
    const api = staffBackEnd();
    render(<CodeCardPage />);

    const card = await screen.findByTestId('code-card');
    expect(api.callsTo('checkin', 'personCard')[0]!.input).toEqual({ personId: 'o_zhang' });
    for (const text of [CARD_TITLE, '东湖街道社工站', '张阿姨', '湖滨社区', CARD_HINT, CARD.code]) {
      expect(within(card).getByText(text)).toBeTruthy();
    }
    const qr = within(card).getByLabelText('张阿姨的签到码');
    expect(qr.getAttribute('src') ?? qr.querySelector('img')?.getAttribute('src')).toBe(
      `data:image/png;base64,${CARD.imageBase64}`,
    );
  });

  it('reissues a lost card after a warning, and shows the new code', async () => {
    openWithParams({ personId: 'o_zhang' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      checkin: {
        personCard: () => CARD,
        reissueCard: () => ({ ...CARD, code: 'LCnewCard123' }),
      },
    });
    render(<CodeCardPage />);
    fireEvent.click(await screen.findByText('卡片丢了？重新制卡'));
    expect(screen.getByText(/旧卡和居民手机上原来的签到码都会立即作废/)).toBeTruthy();
    expect(api.callsTo('checkin', 'reissueCard')).toHaveLength(0);
    fireEvent.click(button('确定重新制卡'));
    expect(await within(screen.getByTestId('code-card')).findByText('LCnewCard123')).toBeTruthy();
    expect(api.callsTo('checkin', 'reissueCard')[0]).toMatchObject({
      input: { personId: 'o_zhang' },
      requestId: expect.any(String),
    });
  });

  it('prints on H5', async () => {
    openWithParams({ personId: 'o_zhang' });
    staffBackEnd();
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    render(<CodeCardPage />);

    await screen.findByTestId('code-card');
    fireEvent.click(button('打印'));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('saves the drawn card as a PNG download on H5', async () => {
    openWithParams({ personId: 'o_zhang' });
    staffBackEnd();
    const browser = fakeBrowserCanvas();
    render(<CodeCardPage />);

    await screen.findByTestId('code-card');
    fireEvent.click(button('保存图片'));

    await waitFor(() => expect(browser.downloads).toHaveLength(1));
    expect(browser.downloads[0]).toEqual({ href: 'data:image/png;base64,Q0FSRA==', download: '签到卡-张阿姨.png' });
    expect(drawnWords(browser.ops)).toEqual(expect.arrayContaining(['张阿姨', '湖滨社区', CARD.code]));
    const qr = browser.ops.find((op) => op.op === 'drawImage') as Extract<Op, { op: 'drawImage' }>;
    expect((qr.image as HTMLImageElement).src).toBe(`data:image/png;base64,${CARD.imageBase64}`);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片已下载' }));
  });

  it('saves the drawn card to the album on WeChat, and offers no print there', async () => {
    openWithParams({ personId: 'o_zhang' });
    staffBackEnd();
    const wechat = fakeWeChat();
    render(<CodeCardPage />);

    await screen.findByTestId('code-card');
    expect(screen.queryByText('打印')).toBeNull();
    fireEvent.click(button('保存图片'));

    await waitFor(() => expect(wechat.api.saveImageToPhotosAlbum).toHaveBeenCalled());
    expect(wechat.written[0]).toMatchObject({ data: CARD.imageBase64, encoding: 'base64' });
    expect(wechat.api.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 856, height: 540 });
    expect(drawnWords(wechat.ops)).toEqual(expect.arrayContaining(['张阿姨', CARD.code]));
    const qr = wechat.ops.find((op) => op.op === 'drawImage') as Extract<Op, { op: 'drawImage' }>;
    expect((qr.image as { src: string }).src).toBe(wechat.written[0]!.filePath);
    expect(wechat.api.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/card.png' });
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' })));
  });

  it('says how to allow the album when WeChat refuses it', async () => {
    openWithParams({ personId: 'o_zhang' });
    staffBackEnd();
    fakeWeChat(() => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }));
    render(<CodeCardPage />);

    await screen.findByTestId('code-card');
    fireEvent.click(button('保存图片'));
    expect((await screen.findByRole('alert')).textContent).toContain('允许保存到相册');
  });

  it('answers a person of another station (or none) with the function’s message', async () => {
    openWithParams({ personId: 'o_elsewhere' });
    staffBackEnd();
    render(<CodeCardPage />);
    expect(await screen.findByText('未找到该居民')).toBeTruthy();
  });

  it('without a person, finds one first and opens their card', async () => {
    openWithParams({});
    const api = staffBackEnd();
    render(<CodeCardPage />);

    fireEvent.input(await screen.findByPlaceholderText('姓名或手机尾号'), { target: { value: '张' } });
    fireEvent.click(screen.getByText('查找'));
    const row = await screen.findByTestId('resident-result');
    expect(row.textContent).toContain('湖滨社区 · 尾号0011');
    fireEvent.click(within(row).getByText('签到卡'));

    expect(api.callsTo('station', 'searchResidents')[0]!.input).toEqual({ query: '张' });
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/code-card/index?personId=o_zhang' });
  });

  it('is for staff only', async () => {
    openWithParams({ personId: 'o_zhang' });
    const api = fakeApi({ account: { me: () => resident } });
    render(<CodeCardPage />);
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
    expect(api.callsTo('checkin', 'personCard')).toHaveLength(0);
  });
});

describe('ways to a card', () => {
  it('工作台 has a 签到卡 tile', async () => {
    fakeApi({ account: { me: () => socialWorker } });
    render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('签到卡'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/code-card/index' });
  });

  it('every roster entry offers 打印签到卡', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: {
        roster: () => ({
          activityId: 'Act0000001',
          counts: { booked: 1, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 1 },
          entries: [rosterEntry({ personId: 'o_walkin', name: '陈伯', walkIn: true, phoneTail: null })],
        }),
      },
    });
    render(<RosterPage />);

    const entry = (await screen.findByText('陈伯')).closest('[data-testid="roster-entry"]') as HTMLElement;
    fireEvent.click(within(entry).getByText('打印签到卡'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/code-card/index?personId=o_walkin' });
  });

  it('我的签到码 saves the resident’s own card as a picture', async () => {
    fakeApi({
      account: { me: () => resident },
      checkin: { myCode: () => ({ code: 'LCZZ99YY88XX', imageBase64: 'TVlRUg==', name: '王秀英' }) },
    });
    const browser = fakeBrowserCanvas();
    render(<MyCodePage />);

    await screen.findByText('王秀英');
    fireEvent.click(button('保存为图片'));
    await waitFor(() => expect(browser.downloads).toHaveLength(1));
    expect(browser.downloads[0]!.download).toBe('签到卡-王秀英.png');
    expect(drawnWords(browser.ops)).toEqual(expect.arrayContaining(['王秀英', '湖滨社区', 'LCZZ99YY88XX']));
  });
});

function drawnWords(ops: Op[]): string[] {
  return texts(ops).map((op) => op.text);
}
