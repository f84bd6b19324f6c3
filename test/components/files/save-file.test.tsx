/**
 * src/services/save-file.ts on both platforms: a generated file arrives as a link to private
 * storage (docs/files.md "Generated files") and is fetched at once; a file the app made itself
 * arrives as bytes. H5: a browser download under the file's name; WeChat: into the app's storage
 * under its name, then the document viewer with the share menu.
 */
import { saveFile } from '@/services/save-file';
import { forgetWeChatFiles, linkedFile, readBlob, serveLinks, wechatFiles, XLSX } from '../support/files';
import TaroDouble from '../support/taro';

const BYTES = [0x50, 0x4b, 0x03, 0x04, 0x2a];

/** The browser's side of a download: each blob handed out and the link clicked for it. */
function captureBrowserDownloads() {
  const blobs: Blob[] = [];
  const clicks: { href: string; download: string }[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:${blobs.length}`;
    }),
    revokeObjectURL: jest.fn(),
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download });
  });
  return { blobs, clicks };
}

afterEach(() => {
  jest.restoreAllMocks();
  forgetWeChatFiles();
});

describe('H5', () => {
  it('fetches the link and downloads its bytes under the file’s name and type', async () => {
    const fetch = serveLinks();
    const { blobs, clicks } = captureBrowserDownloads();
    const file = linkedFile('台账-岭南街/2026年度-2026-01-25至2026-11-20.xlsx', BYTES);

    await saveFile(file);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe(file.url);
    expect(clicks).toEqual([{ href: 'blob:1', download: '台账-岭南街_2026年度-2026-01-25至2026-11-20.xlsx' }]);
    expect(blobs[0]!.type).toBe(XLSX);
    expect(await readBlob(blobs[0]!)).toEqual(BYTES);
  });

  it('fails, without offering anything, when the link no longer works', async () => {
    serveLinks();
    const { clicks } = captureBrowserDownloads();
    const expired = { ...linkedFile('签到表.xlsx'), url: 'http://127.0.0.1:8930/__files/expired?expires=1&sig=x' };

    await expect(saveFile(expired)).rejects.toThrow('HTTP 403');
    expect(clicks).toEqual([]);
  });

  it('downloads bytes the app made itself without fetching anything', async () => {
    const fetch = serveLinks();
    const { blobs, clicks } = captureBrowserDownloads();

    await saveFile({
      fileName: '我的数据.json',
      mimeType: 'application/json',
      base64: Buffer.from('{"a":1}').toString('base64'),
    });

    expect(fetch).not.toHaveBeenCalled();
    expect(clicks).toEqual([{ href: 'blob:1', download: '我的数据.json' }]);
    expect(Buffer.from(await readBlob(blobs[0]!)).toString()).toBe('{"a":1}');
  });
});

describe('WeChat', () => {
  it('downloads the link into the app’s storage under the file’s name, then opens it with the share menu', async () => {
    const { disk, downloadFile, openDocument } = wechatFiles();
    const file = linkedFile('指标完成情况-岭南街2026年度项目-2026-01-25至2026-11-20.xlsx', BYTES);

    await saveFile(file);

    const filePath = 'wxfile://usr/指标完成情况-岭南街2026年度项目-2026-01-25至2026-11-20.xlsx';
    expect(downloadFile).toHaveBeenCalledWith({ url: file.url, filePath });
    expect([...disk.get(filePath)!]).toEqual(BYTES);
    expect(openDocument).toHaveBeenCalledWith({ filePath, showMenu: true, fileType: 'xlsx' });
  });

  it('offers a file the viewer cannot show (a JSON data export) to forward to a chat instead', async () => {
    const { disk, downloadFile, openDocument } = wechatFiles();
    const shareFileMessage = jest.fn(() => Promise.resolve({ errMsg: 'shareFileMessage:ok' }));
    Object.assign(TaroDouble, { shareFileMessage });
    const json = [...Buffer.from('{"姓名":"张阿姨"}')];
    const file = { ...linkedFile('我的数据-2026-11-24.json', json), mimeType: 'application/json' };

    await saveFile(file);

    const filePath = 'wxfile://usr/我的数据-2026-11-24.json';
    expect(downloadFile).toHaveBeenCalledWith({ url: file.url, filePath });
    expect([...disk.get(filePath)!]).toEqual(json);
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath, fileName: '我的数据-2026-11-24.json' });
    expect(openDocument).not.toHaveBeenCalled();
  });

  it('does not open a document when the download was refused (an expired link)', async () => {
    const { openDocument } = wechatFiles();
    const expired = { ...linkedFile('签到表.xlsx'), url: 'https://tcb.example/exports/gone.xlsx?sign=old' };

    await expect(saveFile(expired)).rejects.toThrow('HTTP 403');
    expect(openDocument).not.toHaveBeenCalled();
  });

  it('writes bytes the app made itself into its storage and opens them', async () => {
    const { downloadFile, openDocument } = wechatFiles();
    const writeFile = jest.fn((options: { success: () => void }) => options.success());
    Object.assign(TaroDouble, { getFileSystemManager: () => ({ writeFile }) });
    const base64 = Buffer.from(BYTES).toString('base64');

    await saveFile({ fileName: '名单.xlsx', mimeType: XLSX, base64 });

    expect(downloadFile).not.toHaveBeenCalled();
    expect(writeFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://usr/名单.xlsx', data: base64, encoding: 'base64' }),
    );
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/名单.xlsx', showMenu: true, fileType: 'xlsx' });
  });
});
