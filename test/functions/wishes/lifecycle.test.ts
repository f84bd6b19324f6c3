import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import {
  ADMIN,
  addResidents,
  CLEAN_PUBLIC,
  draftFor,
  LIU,
  publishedWish,
  SOCIAL,
  SOCIAL2,
  storedWish,
  VOLUNTEER,
  ZHANG,
} from './support';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

const outboxFor = async (openid: string) =>
  (await h.db.dump('outbox')).filter((m) => m.toOpenid === openid).map((m) => m.template as string);

describe('a wish from submission to confirmation', () => {
  it('李社工 writes it down for 张阿姨, publishes it; 赵志愿 claims and delivers; 张阿姨 confirms', async () => {
    const submitted = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    expect(submitted).toMatchObject({
      status: 'submitted',
      onBehalf: true,
      submittedByName: '李社工',
      hardship: 'lonely_elder',
      beneficiary: { personId: ZHANG, name: '张阿姨', communityName: '光复社区', phoneTail: '0011' },
    });
    expect(submitted.can).toEqual(['request_changes', 'approve', 'decline', 'withdraw']);

    const published = await h.ok(SOCIAL, 'wishes', 'approve', { wishId: submitted.id, ...CLEAN_PUBLIC });
    expect(published).toMatchObject({ status: 'published', ...CLEAN_PUBLIC, reviewNote: null });

    const claimed = await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: submitted.id });
    expect(claimed).toMatchObject({ status: 'claimed', claimedByMe: true, claimerName: '赵**', contactName: '李社工' });
    expect(claimed.can).toEqual(['release', 'fulfil']);

    const delivered = await h.ok(VOLUNTEER, 'wishes', 'fulfil', { wishId: submitted.id, note: '已送到社工站' });
    expect(delivered).toMatchObject({ status: 'fulfilled', delivery: { note: '已送到社工站', photoUrls: [] } });

    const mine = await h.ok(ZHANG, 'wishes', 'mine', {});
    const hers = mine.items.find((w) => w.id === submitted.id)!;
    expect(hers.can).toEqual(['confirm']);
    const confirmed = await h.ok(ZHANG, 'wishes', 'confirm', { wishId: submitted.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', claimerName: '赵志愿', can: [] });
    expect(confirmed.confirmedAt).not.toBeNull();

    // Every step kept with who, in what capacity, and when.
    expect(confirmed.history.map((e) => [e.action, e.from, e.to, e.by, e.role])).toEqual([
      ['submit', null, 'submitted', '李社工', 'staff'],
      ['approve', 'submitted', 'approved', '李社工', 'staff'],
      ['publish', 'approved', 'published', '系统', 'system'],
      ['claim', 'published', 'claimed', '赵志愿', 'member'],
      ['fulfil', 'claimed', 'fulfilled', '赵志愿', 'claimer'],
      ['confirm', 'fulfilled', 'confirmed', '张阿姨', 'beneficiary'],
    ]);
    expect(confirmed.history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect((await storedWish(h, submitted.id)).version).toBe(5);
  });

  it('tells the beneficiary when it is published, claimed and fulfilled (the submitter took those steps or was told)', async () => {
    const before = await h.db.dump('outbox');
    const wish = await publishedWish(h);
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    await h.ok(VOLUNTEER, 'wishes', 'fulfil', { wishId: wish.id, note: '已送到家' });
    const sent = (await h.db.dump('outbox')).slice(before.length);
    // Publishing ends the review: it goes out on the review's template, which 提交心愿 asks for.
    expect(sent.filter((m) => m.toOpenid === ZHANG).map((m) => m.template)).toEqual([
      'wish_reviewed',
      'wish_claimed',
      'wish_fulfilled',
    ]);
    // 李社工 approved it himself: he hears of the claim and the delivery, not of his own step.
    expect(sent.filter((m) => m.toOpenid === SOCIAL).map((m) => m.template)).toEqual([
      'wish_claimed',
      'wish_fulfilled',
    ]);
    const message = sent.find((m) => m.toOpenid === ZHANG)!;
    expect(message.page).toBe(`pages/wishes/detail/index?id=${wish.id}`);
  });

  it('a resident submits their own wish, is asked for changes, revises it, and it is declined with a reason', async () => {
    const wish = await h.ok(LIU, 'wishes', 'submit', {
      what: '一辆自行车',
      why: '上班路远，想要一辆自行车代步。',
      estimatedValue: 600,
      category: 'other',
    });
    expect(wish).toMatchObject({ onBehalf: false, submittedByName: '刘先生', hardship: null, can: ['withdraw'] });

    const asked = await h.ok(SOCIAL2, 'wishes', 'requestChanges', { wishId: wish.id, reason: '请写明大约价值的依据' });
    expect(asked).toMatchObject({ status: 'changes_requested', reviewNote: '请写明大约价值的依据' });
    expect(await outboxFor(LIU)).toContain('wish_reviewed');
    expect((await h.ok(LIU, 'wishes', 'get', { wishId: wish.id })).can).toEqual(['revise', 'withdraw']);

    const revised = await h.ok(LIU, 'wishes', 'revise', {
      wishId: wish.id,
      what: '一辆二手自行车',
      why: '上班路远，二手的就可以，大约300元。',
      estimatedValue: 300,
      category: 'other',
    });
    expect(revised).toMatchObject({
      status: 'submitted',
      what: '一辆二手自行车',
      estimatedValue: 300,
      reviewNote: null,
    });

    const declined = await h.ok(SOCIAL2, 'wishes', 'decline', { wishId: wish.id, reason: '不属于困难帮扶范围' });
    expect(declined).toMatchObject({ status: 'declined', reviewNote: '不属于困难帮扶范围', can: [] });
    expect(declined.history.map((e) => e.action)).toEqual(['submit', 'request_changes', 'revise', 'decline']);
    expect(declined.history.at(-1)!.note).toBe('不属于困难帮扶范围');
    // Both ends of a review went out on the one review template, with the reason to read.
    const reviews = (await h.db.dump('outbox')).filter((m) => m.toOpenid === LIU && m.template === 'wish_reviewed');
    expect(
      reviews.map((m) => [(m.data as { phrase2: string }).phrase2, (m.data as { thing4: string }).thing4]),
    ).toEqual([
      ['待修改', '请写明大约价值的依据'],
      ['未通过', '不属于困难帮扶范围'],
    ]);
  });

  it('a claimer releases the wish back to the wall; staff may too, and confirm on the beneficiary’s behalf', async () => {
    const wish = await publishedWish(h);
    const [shop] = await addResidents(h, 1, 'oShopRel');
    await h.ok(shop!, 'wishes', 'claim', { wishId: wish.id });
    const released = await h.ok(shop!, 'wishes', 'release', { wishId: wish.id, reason: '库存不足' });
    expect(released).toMatchObject({ status: 'published', claimedByMe: false, claimerName: null, can: ['claim'] });
    expect((await storedWish(h, wish.id)).claimerId).toBeUndefined();

    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    expect((await h.ok(SOCIAL2, 'wishes', 'release', { wishId: wish.id })).status).toBe('published');
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    // 王社工 took the gift in at the station and records it; 李社工 confirms for 张阿姨.
    await h.ok(SOCIAL2, 'wishes', 'fulfil', { wishId: wish.id, note: '赵志愿送到社工站，已转交' });
    const confirmed = await h.ok(SOCIAL, 'wishes', 'confirm', { wishId: wish.id, note: '电话确认已收到' });
    expect(confirmed.history.slice(-2).map((e) => [e.action, e.by, e.role, e.note])).toEqual([
      ['fulfil', '王社工', 'staff', '赵志愿送到社工站，已转交'],
      ['confirm', '李社工', 'staff', '电话确认已收到'],
    ]);
  });

  it('a wish is withdrawn before a claim, not after', async () => {
    const wish = await publishedWish(h);
    expect((await h.ok(ZHANG, 'wishes', 'withdraw', { wishId: wish.id, reason: '家人已买了' })).status).toBe(
      'withdrawn',
    );
    // Off the wall, and its public face gone.
    const wall = await h.ok(VOLUNTEER, 'wishes', 'wall', { view: 'open' });
    expect(wall.items.map((w) => w.id)).not.toContain(wish.id);
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'publicView', { wishId: wish.id })).toBe('NOT_FOUND');

    const claimed = await publishedWish(h);
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: claimed.id });
    expect(await h.errorCode(ZHANG, 'wishes', 'withdraw', { wishId: claimed.id })).toBe('WISH_STATE');
  });
});

describe('the public text and the content check', () => {
  it('a text that names 张阿姨, her phone, address or hardship is refused, field by field, and nothing changes', async () => {
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    const result = await h.call(SOCIAL, 'wishes', 'approve', {
      wishId: wish.id,
      publicTitle: '张阿姨的电风扇',
      publicText: '独居长者，住3栋501室，电话13900000011',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PUBLIC_TEXT_PERSONAL');
    expect(result.error.fields).toEqual([
      { path: 'publicTitle', message: '不能出现受助人的姓名' },
      { path: 'publicText', message: '不能出现电话号码、证件号等数字串' },
      { path: 'publicText', message: '不能出现门牌号、楼栋、单元、房号等住址' },
      { path: 'publicText', message: '不能出现低保、残疾、独居等困难类别' },
    ]);
    const stored = await storedWish(h, wish.id);
    expect(stored).toMatchObject({ status: 'submitted', version: 1 });
    expect(stored.publicText).toBeUndefined();
  });

  it('a text the platform’s check refuses holds the wish for review, off the wall; a clean rewrite publishes it', async () => {
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    const held = await h.ok(SOCIAL, 'wishes', 'approve', {
      wishId: wish.id,
      publicTitle: '为长者送一台电风扇',
      publicText: '一位长者想要一台电风扇（违禁词测试）',
    });
    expect(held).toMatchObject({ status: 'held', reviewNote: '内容未通过平台安全检测，需人工审核' });
    expect(held.history.slice(-2).map((e) => [e.action, e.to, e.role])).toEqual([
      ['approve', 'approved', 'staff'],
      ['hold', 'held', 'system'],
    ]);
    expect(await h.errorCode(VOLUNTEER, 'wishes', 'publicView', { wishId: wish.id })).toBe('NOT_FOUND');
    const inbox = await h.ok(SOCIAL2, 'wishes', 'inbox', { view: 'review' });
    expect(inbox.items.map((w) => w.id)).toContain(wish.id);

    const published = await h.ok(SOCIAL2, 'wishes', 'approve', { wishId: wish.id, ...CLEAN_PUBLIC });
    expect(published).toMatchObject({ status: 'published', reviewNote: null });
    expect((await h.ok(VOLUNTEER, 'wishes', 'publicView', { wishId: wish.id })).contactName).toBe('王社工');
  });
});

describe('summary', () => {
  it('counts the inbox tabs and the wishes 点亮 in a period, per 片区', async () => {
    // Days in China time: a day either side of now in UTC covers today there, whatever the hour.
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const summary = await h.ok(ADMIN, 'wishes', 'summary', { fromDate: day(-30), toDate: day(1) });
    const stored = await h.db.dump('wishes');
    const confirmed = stored.filter((w) => w.status === 'confirmed' && w.stationId === 'st-lingnan');
    expect(summary.fulfilled.total).toBe(confirmed.length);
    expect(summary.fulfilled.total).toBeGreaterThanOrEqual(3); // the demo's, and this file's
    expect(summary.fulfilled.byArea.map((a) => a.areaName)).toEqual(['第一片区', '第二片区', '第三片区']);
    expect(summary.fulfilled.byArea.reduce((n, a) => n + a.count, 0)).toBe(summary.fulfilled.total);
    const count = (statuses: string[]) =>
      stored.filter((w) => w.stationId === 'st-lingnan' && statuses.includes(w.status as string)).length;
    expect(summary.counts).toEqual({
      review: count(['submitted', 'held']),
      changes_requested: count(['changes_requested']),
      published: count(['published']),
      claimed: count(['claimed']),
      fulfilled: count(['fulfilled']),
      closed: count(['confirmed', 'declined', 'withdrawn']),
    });

    const longAgo = await h.ok(ADMIN, 'wishes', 'summary', { fromDate: '2020-01-01', toDate: '2020-12-31' });
    expect(longAgo.fulfilled.total).toBe(0);
  });
});
