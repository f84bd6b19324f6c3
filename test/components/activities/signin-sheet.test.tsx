import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GeneratedFile } from '@linli/types/actions/ledger';
import RosterPage from '@/subpackages/staff/pages/roster/index';
import { safeFileName } from '@/services/save-file';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import TaroDouble, { showToast } from '../support/taro';
import { detail, openWithParams } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BYTES = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00];
const sheet: GeneratedFile = {
  fileName: '签到表-手机/平板课堂-2026-11-23.xlsx',
  mimeType: XLSX,
  base64: Buffer.from(BYTES).toString('base64'),
};

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

function readBlob(blob: Blob): Promise<number[]> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
    reader.readAsArrayBuffer(blob);
  });
}

/** Until the button is no longer busy: the whole download has run. */
const settled = () => waitFor(() => expect(document.querySelector('.nut-button-loading')).toBeNull());

beforeEach(() => openWithParams({ id: 'Act0000001' }));
afterEach(() => {
  jest.restoreAllMocks();
  // The WeChat-only APIs exist on the Taro double only in the tests that set them.
  Object.assign(TaroDouble, { env: undefined, getFileSystemManager: undefined, openDocument: undefined });
});

describe('导出签到表', () => {
  it('downloads the xlsx in the browser (H5) under the name the function gave', async () => {
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
    expect(downloads).toEqual([{ href: 'blob:sheet', download: '签到表-手机_平板课堂-2026-11-23.xlsx' }]);
    expect(blobs[0]!.type).toBe(XLSX);
    expect(await readBlob(blobs[0]!)).toEqual(BYTES);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下载' }));
    expect(document.querySelector('a[download]')).toBeNull(); // the helper link is gone again
  });

  it('on WeChat writes the file to the app’s storage and opens it with the share menu', async () => {
    process.env.TARO_ENV = 'weapp';
    const writeFile = jest.fn((options: { success: () => void }) => options.success());
    const openDocument = jest.fn(() => Promise.resolve({ errMsg: 'ok' }));
    Object.assign(TaroDouble, {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      getFileSystemManager: () => ({ writeFile }),
      openDocument,
    });
    backEnd();
    render(<RosterPage />);

    fireEvent.click(await screen.findByText('导出签到表'));

    const filePath = 'wxfile://usr/签到表-手机_平板课堂-2026-11-23.xlsx';
    await waitFor(() => expect(openDocument).toHaveBeenCalled());
    await settled();
    expect(writeFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath, data: sheet.base64, encoding: 'base64' }),
    );
    expect(openDocument).toHaveBeenCalledWith({ filePath, showMenu: true, fileType: 'xlsx' });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('says so when the phone could not keep the file', async () => {
    process.env.TARO_ENV = 'weapp';
    Object.assign(TaroDouble, {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      getFileSystemManager: () => ({
        writeFile: (options: { fail: (e: { errMsg: string }) => void }) => options.fail({ errMsg: 'no space' }),
      }),
      openDocument: jest.fn(),
    });
    backEnd();
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
