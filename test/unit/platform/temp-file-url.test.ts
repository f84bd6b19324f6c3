/** The WeChat adapter's temporary file links, against a fake cloud.getTempFileURL. */
const mockGetTempFileURL = jest.fn();
jest.mock('../../../cloudfunctions/_shared/runtime/cloud', () => ({
  cloud: {
    get getTempFileURL() {
      return mockGetTempFileURL;
    },
  },
}));

import { wechatPlatform } from '../../../cloudfunctions/_shared/platform/wechat';
import { TEMP_FILE_URL_SECONDS } from '../../../cloudfunctions/_shared/platform/types';

beforeEach(() => jest.clearAllMocks());

it('asks for a link that expires soon and returns it', async () => {
  mockGetTempFileURL.mockResolvedValue({
    fileList: [{ fileID: 'cloud://env/a.jpg', tempFileURL: 'https://tmp.example/a.jpg?sign=x', status: 0 }],
  });
  expect(await wechatPlatform.tempFileUrl('cloud://env/a.jpg')).toBe('https://tmp.example/a.jpg?sign=x');
  expect(mockGetTempFileURL).toHaveBeenCalledWith({
    fileList: [{ fileID: 'cloud://env/a.jpg', maxAge: TEMP_FILE_URL_SECONDS }],
  });
});

it('gives no link for a file storage does not have', async () => {
  mockGetTempFileURL.mockResolvedValue({
    fileList: [{ fileID: 'cloud://env/gone.jpg', tempFileURL: '', status: -1 }],
  });
  expect(await wechatPlatform.tempFileUrl('cloud://env/gone.jpg')).toBeNull();
});
