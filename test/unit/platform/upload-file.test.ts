/** The WeChat adapter's upload of a generated file, against a fake cloud.uploadFile. */
const mockUploadFile = jest.fn();
jest.mock('../../../cloudfunctions/_shared/runtime/cloud', () => ({
  cloud: {
    get uploadFile() {
      return mockUploadFile;
    },
  },
}));

import { wechatPlatform } from '../../../cloudfunctions/_shared/platform/wechat';

beforeEach(() => jest.clearAllMocks());

it('uploads the bytes themselves to the path asked and answers the file id', async () => {
  mockUploadFile.mockResolvedValue({ fileID: 'cloud://env-1.bucket/exports/st-a/AAAAAAAAAAAAAAAAAAAAAA.xlsx' });
  const bytes = Buffer.from('PK\u0003\u0004');
  expect(await wechatPlatform.uploadFile('exports/st-a/AAAAAAAAAAAAAAAAAAAAAA.xlsx', bytes)).toBe(
    'cloud://env-1.bucket/exports/st-a/AAAAAAAAAAAAAAAAAAAAAA.xlsx',
  );
  expect(mockUploadFile).toHaveBeenCalledWith({
    cloudPath: 'exports/st-a/AAAAAAAAAAAAAAAAAAAAAA.xlsx',
    fileContent: bytes,
  });
});

it('fails rather than answer a file it cannot name', async () => {
  mockUploadFile.mockResolvedValue({ fileID: '' });
  await expect(wechatPlatform.uploadFile('exports/st-a/x.xlsx', Buffer.from('x'))).rejects.toThrow('no file id');
  mockUploadFile.mockRejectedValue({ errCode: -503001, errMsg: 'cloud.uploadFile:fail' });
  await expect(wechatPlatform.uploadFile('exports/st-a/x.xlsx', Buffer.from('x'))).rejects.toEqual({
    errCode: -503001,
    errMsg: 'cloud.uploadFile:fail',
  });
});
