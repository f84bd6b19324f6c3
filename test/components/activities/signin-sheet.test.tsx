import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GeneratedFile } from '@linli/types/files';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { safeFileName } from '@/services/save-file';
import { fakeApi, refuse } from '../support/fake-api';
import { forgetWeChatFiles, linkedFile, readBlob, serveLinks, wechatFiles, XLSX } from '../support/files';
import { socialWorker } from '../support/fixtures';
import { showToast } from '../support/taro';
import { detail, openWithParams } from './fixtures';

const BYTES = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00];
const sheet: GeneratedFile = linkedFile('签到表-手机/平板课堂-2026-11-23.xlsx', BYTES);

function backEnd(signInSheet: () => GeneratedFile = () => sheet) {
  return fakeApi({
    account: { me: () => socialWorker },
    activity: { get: () => detail() },
    checkin: {
      roster: () => ({
        activityId: 'Act0000001',
        counts: { booked: 0, waitlisted: 0, signedIn: 0, signedOut: 0, noShow: 0 },
        entries: [],
      }),
    },
    ledger: { signInSheet },
  });
}

/** Until the button is no longer busy: the whole download has run. */
const settled = () => waitFor(() => expect(document.querySelector('.nut-button-loading')).toBeNull());

beforeEach(() => openWithParams({ id: 'Act0000001' }));
afterEach(() => {
  jest.restoreAllMocks();
  // The WeChat-only APIs exist on the Taro double only in the tests that set them.
  forgetWeChatFiles();
});

describe('导出签到表', () => {
  it('downloads the xlsx in the browser (H5) from the link, under the name the function gave', async () => {
    const fetch = serveLinks();
    const blobs: Blob[] = [];
    const downloads: { href: string; download: string }[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:sheet';
      }),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });
    const api = backEnd();
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('导出签到表'));

    await waitFor(() => expect(downloads).toHaveLength(1));
    await settled();
    expect(api.callsTo('ledger', 'signInSheet')[0]!.input).toEqual({ activityId: 'Act0000001' });
    expect(fetch).toHaveBeenCalledWith(sheet.url, expect.objectContaining({ credentials: 'omit' }));
    expect(downloads).toEqual([{ href: 'blob:sheet', download: '签到表-手机_平板课堂-2026-11-23.xlsx' }]);
    expect(blobs[0]!.type).toBe(XLSX);
    expect(await readBlob(blobs[0]!)).toEqual(BYTES);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下载' }));
    expect(document.querySelector('a[download]')).toBeNull(); // the helper link is gone again
  });

  it('on WeChat downloads the link into the app’s storage under its name and opens it with the share menu', async () => {
    const { disk, downloadFile, openDocument } = wechatFiles();
    backEnd();
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('导出签到表'));

    const filePath = 'wxfile://usr/签到表-手机_平板课堂-2026-11-23.xlsx';
    await waitFor(() => expect(openDocument).toHaveBeenCalled());
    await settled();
    expect(downloadFile).toHaveBeenCalledWith({ url: sheet.url, filePath });
    expect([...disk.get(filePath)!]).toEqual(BYTES);
    expect(openDocument).toHaveBeenCalledWith({ filePath, showMenu: true, fileType: 'xlsx' });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('says so when the phone could not fetch the file (an expired link)', async () => {
    wechatFiles();
    backEnd(() => ({ ...sheet, url: `${sheet.url}&expired` }));
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('导出签到表'));
    expect((await screen.findByRole('alert')).textContent).toBe('文件没有打开，请重试');
  });

  it('shows the function’s refusal', async () => {
    backEnd(() => refuse({ code: 'FORBIDDEN', message: '没有权限' }));
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('导出签到表'));
    expect((await screen.findByRole('alert')).textContent).toBe('没有权限');
  });

  it('makes any title a safe file name', () => {
    expect(safeFileName('签到表-a/b\\c:d*e?f"g<h>i|j\u0001.xlsx')).toBe('签到表-a_b_c_d_e_f_g_h_i_j_.xlsx');
    expect(safeFileName('  ')).toBe('file');
  });
});
