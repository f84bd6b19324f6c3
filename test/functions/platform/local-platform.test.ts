import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { platform } from '../../../cloudfunctions/_shared/platform';
import { h5LinkFor } from '../../../cloudfunctions/_shared/platform/local';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness({ seed: false });
});
afterAll(async () => {
  await h.close();
});

it('makes a scannable code that opens the same page and scene in the H5 app', async () => {
  const png = PNG.sync.read(
    await platform().miniProgramCode({ scene: 'iAbCdEfGhIj1a2b3cXyZ_-', page: 'pages/checkin/index' }),
  );
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe('http://linli.test/#/pages/checkin/index?scene=iAbCdEfGhIj1a2b3cXyZ_-');
  expect(decoded?.data).toBe(h5LinkFor('pages/checkin/index', 'iAbCdEfGhIj1a2b3cXyZ_-'));
});

it('holds text with a blocked word for review and passes ordinary text', async () => {
  expect(await platform().checkText('需要一个电饭煲', 'oX')).toEqual({ pass: true });
  expect((await platform().checkText('这里有赌博', 'oX')).pass).toBe(false);
});

it('records subscription messages in the outbox', async () => {
  await platform().sendSubscribeMessage({
    toOpenid: 'oDemoResident01',
    template: 'activity_reminder',
    page: 'pages/index/index',
    data: { thing1: '健康讲座' },
  });
  const [message] = await h.db.dump('outbox');
  expect(message).toMatchObject({
    toOpenid: 'oDemoResident01',
    template: 'activity_reminder',
    data: { thing1: '健康讲座' },
  });
});
