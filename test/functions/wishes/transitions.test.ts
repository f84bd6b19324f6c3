import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import {
  addResidents,
  CLEAN_PUBLIC,
  draftFor,
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

/** Calls and expects a refusal that changed nothing: the stored wish is exactly as before. */
async function refusedUnchanged(
  wishId: string,
  attempt: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>,
): Promise<{ code: string; message: string }> {
  const before = await storedWish(h, wishId);
  const result = await attempt();
  expect(result.ok).toBe(false);
  expect(await storedWish(h, wishId)).toEqual(before);
  return result.error!;
}

describe('every change is an allowed transition; anything else is refused clearly and changes nothing', () => {
  it('steps that do not follow the current state answer WISH_STATE with the state in words', async () => {
    const submitted = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    const early = await refusedUnchanged(submitted.id, () =>
      h.call(SOCIAL, 'wishes', 'fulfil', { wishId: submitted.id, note: '已送达' }),
    );
    expect(early).toEqual({ code: 'WISH_STATE', message: '这个心愿现在是「待审核」，不能登记交付' });
    expect(
      (await refusedUnchanged(submitted.id, () => h.call(ZHANG, 'wishes', 'confirm', { wishId: submitted.id }))).code,
    ).toBe('WISH_STATE');

    const published = await publishedWish(h);
    expect(
      (
        await refusedUnchanged(published.id, () =>
          h.call(SOCIAL2, 'wishes', 'approve', { wishId: published.id, ...CLEAN_PUBLIC }),
        )
      ).code,
    ).toBe('WISH_STATE');
    expect(
      (await refusedUnchanged(published.id, () => h.call(VOLUNTEER, 'wishes', 'release', { wishId: published.id })))
        .code,
    ).toBe('WISH_STATE');
    expect(
      (
        await refusedUnchanged(published.id, () =>
          h.call(SOCIAL, 'wishes', 'revise', {
            wishId: published.id,
            what: '一台新电风扇',
            why: '家里的电风扇坏了，想换一台。',
            estimatedValue: 150,
            category: 'daily_goods',
          }),
        )
      ).code,
    ).toBe('WISH_STATE');
  });

  it('steps by someone the table does not name answer FORBIDDEN with who may; nobody claims their own wish', async () => {
    const wish = await publishedWish(h);
    expect((await refusedUnchanged(wish.id, () => h.call(ZHANG, 'wishes', 'claim', { wishId: wish.id }))).code).toBe(
      'OWN_WISH',
    );
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    const [stranger] = await addResidents(h, 1, 'oStranger');
    const release = await refusedUnchanged(wish.id, () => h.call(stranger!, 'wishes', 'release', { wishId: wish.id }));
    expect(release).toEqual({ code: 'FORBIDDEN', message: '只有认领人或社工可以放弃认领' });
    expect(
      (
        await refusedUnchanged(wish.id, () =>
          h.call(stranger!, 'wishes', 'fulfil', { wishId: wish.id, note: '送到了' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await h.ok(VOLUNTEER, 'wishes', 'fulfil', { wishId: wish.id, note: '已送到家' });
    // Only 张阿姨 or staff confirm; the claimer's word is not the beneficiary's.
    expect(
      (await refusedUnchanged(wish.id, () => h.call(VOLUNTEER, 'wishes', 'confirm', { wishId: wish.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('bad input is refused with the field and a Chinese message, and nothing is written', async () => {
    const before = (await h.db.dump('wishes')).length;
    const result = await h.call(ZHANG, 'wishes', 'submit', {
      what: '一',
      why: '短',
      estimatedValue: 5000,
      category: 'daily_goods',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.fields!.map((f) => [f.path, f.message])).toEqual([
        ['what', '请写下心愿，例如：一台电饭煲'],
        ['why', '请简单说明原因（至少5个字）'],
        ['estimatedValue', '微心愿的价值不超过2000元'],
      ]);
    }
    const decline = await h.call(SOCIAL, 'wishes', 'decline', { wishId: 'DemoWish02', reason: ' ' });
    expect(decline.ok || decline.error.fields).toEqual([{ path: 'reason', message: '请填写原因（至少2个字）' }]);
    expect((await h.db.dump('wishes')).length).toBe(before);
    expect((await storedWish(h, 'DemoWish02')).status).toBe('submitted');
  });

  it('photos must be the caller’s own uploads: anything else is refused by index, and nothing is stored', async () => {
    const before = (await h.db.dump('wishes')).length;
    const own = await h.upload(ZHANG);
    const someoneElses = await h.upload(VOLUNTEER);
    const result = await h.call(ZHANG, 'wishes', 'submit', {
      what: '一台电饭煲',
      why: '家里的电饭煲坏了很久了',
      estimatedValue: 200,
      category: 'daily_goods',
      photoFileIds: [own, someoneElses],
    });
    expect(!result.ok && result.error.fields).toEqual([{ path: 'photoFileIds.1', message: '只能附上自己上传的照片' }]);
    const notAnUpload = await h.call(ZHANG, 'wishes', 'submit', {
      what: '一台电饭煲',
      why: '家里的电饭煲坏了很久了',
      estimatedValue: 200,
      category: 'daily_goods',
      photoFileIds: ['cloud://linli-local.6c69/wishes/photo.jpg'],
    });
    expect(!notAnUpload.ok && notAnUpload.error.code).toBe('INVALID_INPUT');
    expect((await h.db.dump('wishes')).length).toBe(before);

    const wish = await publishedWish(h);
    await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id });
    const delivery = await h.call(VOLUNTEER, 'wishes', 'fulfil', {
      wishId: wish.id,
      note: '已送到',
      photoFileIds: [await h.upload(ZHANG)],
    });
    expect(!delivery.ok && delivery.error.fields).toEqual([
      { path: 'photoFileIds.0', message: '只能附上自己上传的照片' },
    ]);
    expect((await storedWish(h, wish.id)).status).toBe('claimed');
  });
});

describe('concurrency and retries', () => {
  it('20 people claiming one wish at once: exactly one holds it, the others hear it is taken', async () => {
    const wish = await publishedWish(h);
    const donors = await addResidents(h, 20, 'oRace');
    const results = await Promise.all(donors.map((id) => h.call(id, 'wishes', 'claim', { wishId: wish.id })));
    const winners = donors.filter((_, i) => results[i]!.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(19).fill('WISH_TAKEN'));
    const stored = await storedWish(h, wish.id);
    expect(stored.claimerId).toBe(winners[0]);
    expect((stored.history as { action: string }[]).filter((e) => e.action === 'claim')).toHaveLength(1);
    expect(stored.version).toBe(3);
  });

  it('the claimer tapping again still holds it; a retried request gets the first answer', async () => {
    const wish = await publishedWish(h);
    const first = await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id }, 'claim-retry-001');
    const retried = await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id }, 'claim-retry-001');
    expect(retried).toEqual(first);
    const again = await h.ok(VOLUNTEER, 'wishes', 'claim', { wishId: wish.id }, 'claim-retry-002');
    expect(again).toMatchObject({ status: 'claimed', claimedByMe: true });
    expect((await storedWish(h, wish.id)).version).toBe(3);
  });

  it('a submission retried with its requestId makes one wish', async () => {
    const before = (await h.db.dump('wishes')).length;
    const draft = draftFor(ZHANG);
    const [a, b] = await Promise.all([
      h.call(SOCIAL, 'wishes', 'submit', draft, 'submit-retry-01'),
      h.call(SOCIAL, 'wishes', 'submit', draft, 'submit-retry-01'),
    ]);
    const answers = [a, b].filter((r) => r.ok);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    const again = await h.ok(SOCIAL, 'wishes', 'submit', draft, 'submit-retry-01');
    expect(answers.every((r) => r.ok && r.data.id === again.id)).toBe(true);
    expect((await h.db.dump('wishes')).length).toBe(before + 1);
  });

  it('two social workers approving at once: one publishes, the other is told it moved on', async () => {
    const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG));
    const results = await Promise.all(
      [SOCIAL, SOCIAL2].map((id) => h.call(id, 'wishes', 'approve', { wishId: wish.id, ...CLEAN_PUBLIC })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['WISH_STATE']);
    const stored = await storedWish(h, wish.id);
    expect((stored.history as { action: string }[]).map((e) => e.action)).toEqual(['submit', 'approve', 'publish']);
  });
});
