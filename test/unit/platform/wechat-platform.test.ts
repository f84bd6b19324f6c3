/**
 * The WeChat adapter against a fake cloud.openapi: what it asks WeChat for, and how it reads
 * WeChat's answers (not subscribed is not an error; long text is checked in 2500-char parts).
 */
const mockOpenapi = {
  wxacode: { getUnlimited: jest.fn() },
  security: { msgSecCheck: jest.fn() },
  subscribeMessage: { send: jest.fn() },
};
jest.mock('../../../cloudfunctions/_shared/runtime/cloud', () => ({
  cloud: {
    // A getter: jest hoists this factory above the const it reads.
    get openapi() {
      return mockOpenapi;
    },
  },
}));

import { wechatPlatform } from '../../../cloudfunctions/_shared/platform/wechat';

beforeEach(() => jest.clearAllMocks());

it('asks wxacode.getUnlimited for the scene and page, without path checks', async () => {
  mockOpenapi.wxacode.getUnlimited.mockResolvedValue({ buffer: Buffer.from('png') });
  const png = await wechatPlatform.miniProgramCode({ scene: 'abc', page: 'pages/checkin/index' });
  expect(png.toString()).toBe('png');
  expect(mockOpenapi.wxacode.getUnlimited).toHaveBeenCalledWith(
    expect.objectContaining({ scene: 'abc', page: 'pages/checkin/index', checkPath: false }),
  );
});

it('checks long text in parts of at most 2500 characters and fails on any non-pass', async () => {
  mockOpenapi.security.msgSecCheck
    .mockResolvedValueOnce({ result: { suggest: 'pass', label: 100 } })
    .mockResolvedValueOnce({ result: { suggest: 'review', label: 20001 } });
  const result = await wechatPlatform.checkText('字'.repeat(3000), 'oX');
  expect(result.pass).toBe(false);
  expect(mockOpenapi.security.msgSecCheck).toHaveBeenCalledTimes(2);
  expect(mockOpenapi.security.msgSecCheck.mock.calls[0][0].content).toHaveLength(2500);
});

it('treats "user has not subscribed" (43101) as not sent, and rethrows other errors', async () => {
  process.env.LINLI_TEMPLATE_ACTIVITY_REMINDER = 'tmpl-1';
  mockOpenapi.subscribeMessage.send.mockRejectedValueOnce({ errCode: 43101 });
  expect(
    await wechatPlatform.sendSubscribeMessage({
      toOpenid: 'o1',
      template: 'activity_reminder',
      page: 'p',
      data: { a: 'b' },
    }),
  ).toEqual({ sent: false });
  mockOpenapi.subscribeMessage.send.mockResolvedValueOnce({});
  expect(
    await wechatPlatform.sendSubscribeMessage({
      toOpenid: 'o1',
      template: 'activity_reminder',
      page: 'p',
      data: { a: 'b' },
    }),
  ).toEqual({ sent: true });
  expect(mockOpenapi.subscribeMessage.send).toHaveBeenLastCalledWith(
    expect.objectContaining({ templateId: 'tmpl-1', data: { a: { value: 'b' } } }),
  );
  mockOpenapi.subscribeMessage.send.mockRejectedValueOnce({ errCode: 40003 });
  await expect(
    wechatPlatform.sendSubscribeMessage({ toOpenid: 'o1', template: 'activity_reminder', page: 'p', data: {} }),
  ).rejects.toEqual({ errCode: 40003 });
});

it('does not send when no template id is configured for the key', async () => {
  expect(
    await wechatPlatform.sendSubscribeMessage({ toOpenid: 'o1', template: 'unknown_key', page: 'p', data: {} }),
  ).toEqual({ sent: false });
  expect(mockOpenapi.subscribeMessage.send).not.toHaveBeenCalled();
});
