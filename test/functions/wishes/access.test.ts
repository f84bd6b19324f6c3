import { HARDSHIP_LABELS } from '@linli/types/entities/wish';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import {
  addResidents,
  ADMIN,
  CLEAN_PUBLIC,
  draftFor,
  LIU,
  OTHER_SOCIAL,
  publishedWish,
  SOCIAL,
  SOCIAL2,
  storedWish,
  VOLUNTEER,
  ZHANG,
  ZHANG_NAME,
  ZHANG_PHONE,
} from './support';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

describe('who sees which wish', () => {
  it('residents see only their own wishes', async () => {
    const hers = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    const his = await h.ok(LIU, 'wishes', 'submit', {
      what: '一套茶具',
      why: '家里来客人没有像样的茶具。',
      estimatedValue: 80,
      category: 'daily_goods',
    });
    const zhangs = await h.ok(ZHANG, 'wishes', 'mine', {});
    expect(zhangs.items.map((w) => w.id)).toContain(hers.id);
    expect(zhangs.items.every((w) => w.beneficiary.personId === ZHANG)).toBe(true);
    const lius = await h.ok(LIU, 'wishes', 'mine', {});
    expect(lius.items.map((w) => w.id)).toContain(his.id);
    expect(lius.items.map((w) => w.id)).not.toContain(hers.id);

    expect(await h.errorCode(LIU, 'wishes', 'get', { wishId: hers.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'get', { wishId: hers.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(ZHANG, 'wishes', 'get', { wishId: his.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(ZHANG, 'wishes', 'withdraw', { wishId: his.id })).toBe('NOT_FOUND');
  });

  it('handlers see only their station’s: another station’s wish is not found, its inbox empty of ours', async () => {
    const wish = await publishedWish(h);
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'get', { wishId: wish.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'publicView', { wishId: wish.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'claim', { wishId: wish.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'decline', { wishId: wish.id, reason: '不行' })).toBe('NOT_FOUND');

    const submitted = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'approve', { wishId: submitted.id, ...CLEAN_PUBLIC })).toBe(
      'NOT_FOUND',
    );
    for (const view of ['review', 'published', 'closed'] as const) {
      const page = await h.ok(OTHER_SOCIAL, 'wishes', 'inbox', { view });
      expect(page.items).toEqual([]);
    }
    const wall = await h.ok(OTHER_SOCIAL, 'wishes', 'wall', { view: 'open' });
    expect(wall.items).toEqual([]);
    expect((await storedWish(h, submitted.id)).status).toBe('submitted');
  });

  it('only staff use the inbox and the summary, review, or write a wish down for someone else', async () => {
    expect(await h.errorCode(ZHANG, 'wishes', 'inbox', { view: 'review' })).toBe('FORBIDDEN');
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'summary', { fromDate: '2026-01-01', toDate: '2026-12-31' })).toBe(
      'FORBIDDEN',
    );
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    expect(await h.errorCode(ZHANG, 'wishes', 'approve', { wishId: wish.id, ...CLEAN_PUBLIC })).toBe('FORBIDDEN');
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'submit', draftFor(ZHANG, { hardship: undefined }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await h.errorCode(
        ZHANG,
        'wishes',
        'submit',
        draftFor(ZHANG, { beneficiaryId: undefined, hardship: 'subsistence' }),
      ),
    ).toBe('FORBIDDEN');
    // Staff write down wishes only for residents of their own station.
    expect(await h.errorCode(OTHER_SOCIAL, 'wishes', 'submit', draftFor(ZHANG))).toBe('NOT_FOUND');
    expect(await h.errorCode(SOCIAL, 'wishes', 'submit', draftFor('oNobodyAtAll'))).toBe('NOT_FOUND');
  });

  it('the whole wish is shown to the station’s staff and the beneficiary, not to its claimer', async () => {
    const wish = await publishedWish(h);
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    expect((await h.ok(ADMIN, 'wishes', 'get', { wishId: wish.id })).why).toContain('电风扇');
    expect((await h.ok(ZHANG, 'wishes', 'get', { wishId: wish.id })).claimerName).toBe('赵志愿');
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'get', { wishId: wish.id })).toBe('NOT_FOUND');
  });
});

describe('photos', () => {
  it('the wish’s photos: beneficiary and staff only; the delivery’s: also the claimer; none on the wall', async () => {
    const wishPhoto = await h.upload(SOCIAL);
    const wish = await publishedWish(h, { photoFileIds: [wishPhoto] });
    const link = (fileId: string) => `http://linli.test/__files/${encodeURIComponent(fileId)}?expires=`;
    expect(wish.photoUrls).toHaveLength(1);
    expect(wish.photoUrls[0]!.startsWith(link(wishPhoto))).toBe(true);
    expect((await h.ok(ZHANG, 'wishes', 'get', { wishId: wish.id })).photoUrls).toHaveLength(1);

    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    const deliveryPhoto = await h.upload(VOLUNTEER);
    const delivered = await h.ok(VOLUNTEER, 'wishes', 'fulfil', {
      wishId: wish.id,
      note: '已送到社工站',
      photoFileIds: [deliveryPhoto],
    });
    expect(delivered.delivery!.photoUrls[0]!.startsWith(link(deliveryPhoto))).toBe(true);
    const staffView = await h.ok(SOCIAL, 'wishes', 'get', { wishId: wish.id });
    expect(staffView.delivery!.photoUrls[0]!.startsWith(link(deliveryPhoto))).toBe(true);

    // Nobody else sees either photo, nor the claimer the wish's own.
    const [neighbour] = await addResidents(h, 1, 'oPhotoNb');
    const publicAnswers = [
      delivered,
      await h.ok(VOLUNTEER, 'wishes', 'wall', { view: 'mine' }),
      await h.ok(neighbour!, 'wishes', 'publicView', { wishId: wish.id }),
      await h.ok(neighbour!, 'wishes', 'wall', { view: 'open' }),
    ];
    for (const answer of publicAnswers) expect(JSON.stringify(answer)).not.toContain(encodeURIComponent(wishPhoto));
    expect(JSON.stringify(publicAnswers.slice(2))).not.toContain(encodeURIComponent(deliveryPhoto));
  });

  it('a revision without photos keeps the wish’s; with photos replaces them, keeping the social worker’s allowed', async () => {
    const staffPhoto = await h.upload(SOCIAL);
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG, { photoFileIds: [staffPhoto] }));
    const revision = {
      wishId: wish.id,
      what: '一台落地电风扇',
      why: '家里的电风扇坏了，想要落地式的。',
      estimatedValue: 180,
      category: 'daily_goods' as const,
    };
    await h.ok(SOCIAL2, 'wishes', 'requestChanges', { wishId: wish.id, reason: '请写清楚尺寸' });
    expect((await h.ok(ZHANG, 'wishes', 'revise', revision)).photoUrls).toHaveLength(1);

    await h.ok(SOCIAL2, 'wishes', 'requestChanges', { wishId: wish.id, reason: '请再附一张照片' });
    const own = await h.upload(ZHANG);
    const revised = await h.ok(ZHANG, 'wishes', 'revise', { ...revision, photoFileIds: [staffPhoto, own] });
    expect(revised.photoUrls).toHaveLength(2);
  });
});

describe('no personal detail of the beneficiary in any public response', () => {
  /** What identifies 张阿姨 or tells her story: none of it may appear in a public answer. */
  const SECRETS = [ZHANG_NAME, ZHANG_PHONE, '0011', ZHANG, '光复路', '3栋', HARDSHIP_LABELS.lonely_elder, '夏天很热'];

  const leaks = (response: unknown): string[] => {
    const text = JSON.stringify(response);
    return SECRETS.filter((secret) => text.includes(secret));
  };

  it('the wall, a wish’s public face, and the answers to claim, release and fulfil', async () => {
    const [donor, shop] = await addResidents(h, 2, 'oLeak');
    const wish = await publishedWish(h);
    const responses: unknown[] = [];
    const record = async <T>(response: Promise<T>): Promise<T> => {
      const value = await response;
      responses.push(value);
      return value;
    };
    for (const viewer of [VOLUNTEER, LIU, donor!, shop!, SOCIAL]) {
      await record(h.call(viewer, 'wishes', 'wall', { view: 'open' }));
      await record(h.call(viewer, 'wishes', 'publicView', { wishId: wish.id }));
    }
    await record(h.call(donor!, 'wishes', 'claim', { wishId: wish.id }));
    await record(h.call(shop!, 'wishes', 'claim', { wishId: wish.id })); // refused: taken
    await record(h.call(donor!, 'wishes', 'release', { wishId: wish.id }));
    await record(h.call(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id }));
    await record(h.call(VOLUNTEER, 'wishes', 'fulfil', { wishId: wish.id, note: '已送到社工站' }));
    await record(h.call(VOLUNTEER, 'wishes', 'wall', { view: 'mine' }));
    await record(h.call(VOLUNTEER, 'wishes', 'publicView', { wishId: wish.id }));
    // 张阿姨 herself on the wall: her own wish shows no more than to anyone else.
    await record(h.call(ZHANG, 'wishes', 'wall', { view: 'open' }));

    expect(responses).toHaveLength(18);
    expect(responses.every((r) => typeof r === 'object' && r !== null && 'ok' in r)).toBe(true);
    expect(responses.flatMap(leaks)).toEqual([]);
    // The check is real: the same secrets are in the detail view.
    expect(leaks(await h.ok(SOCIAL, 'wishes', 'get', { wishId: wish.id }))).toEqual(
      expect.arrayContaining([ZHANG_NAME, '0011', ZHANG, '光复路']),
    );
  });

  it('the demo wall (张阿姨’s rice cooker) shows nothing of her', async () => {
    const wall = await h.ok(VOLUNTEER, 'wishes', 'wall', { view: 'open' });
    const demo = wall.items.find((w) => w.id === 'DemoWish01');
    expect(demo).toMatchObject({ title: '为长者添一台电饭煲', communityName: '光复社区', contactName: '李社工' });
    expect(leaks(wall)).toEqual([]);
  });
});
