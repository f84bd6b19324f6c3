import { startFunctionHarness, type FunctionHarness } from '../../support/functions';

const ADMIN = 'oDemoAdmin0001';
const SOCIAL = 'oDemoSocial0001';
const RESIDENT = 'oDemoResident01';
const OTHER_SOCIAL = 'oDemoOtherSW01';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

describe('station structure', () => {
  it('shows staff their own station only', async () => {
    expect((await h.ok(SOCIAL, 'station', 'get', {})).name).toContain('岭南街');
    expect((await h.ok(OTHER_SOCIAL, 'station', 'get', {})).name).toContain('花地街');
  });

  it('lets the admin add and rename areas and communities', async () => {
    const withArea = await h.ok(ADMIN, 'station', 'addArea', { name: '第四片区' });
    const area = withArea.areas.find((a) => a.name === '第四片区')!;
    const withCommunity = await h.ok(ADMIN, 'station', 'addCommunity', { areaId: area.id, name: '新村社区' });
    const community = withCommunity.communities.find((c) => c.name === '新村社区')!;
    expect(community.areaId).toBe(area.id);
    await h.ok(ADMIN, 'station', 'renameArea', { areaId: area.id, name: '北片区' });
    const renamed = await h.ok(ADMIN, 'station', 'renameCommunity', { communityId: community.id, name: '新村北社区' });
    expect(renamed.areas.find((a) => a.id === area.id)?.name).toBe('北片区');
    expect(renamed.communities.find((c) => c.id === community.id)?.name).toBe('新村北社区');
  });

  it('refuses structure edits by anyone but the admin', async () => {
    expect(await h.errorCode(SOCIAL, 'station', 'addArea', { name: 'x' })).toBe('FORBIDDEN');
    expect(await h.errorCode(RESIDENT, 'station', 'get', {})).toBe('FORBIDDEN');
  });

  it('keeps both of two concurrent edits or tells the loser to retry — never loses one silently', async () => {
    const results = await Promise.all(
      ['甲片区', '乙片区', '丙片区', '丁片区'].map((name) => h.call(ADMIN, 'station', 'addArea', { name })),
    );
    const succeeded = results.filter((r) => r.ok).length;
    const conflicts = results.filter((r) => !r.ok && r.error.code === 'CONFLICT').length;
    expect(succeeded + conflicts).toBe(4);
    const station = await h.ok(ADMIN, 'station', 'get', {});
    expect(station.areas).toHaveLength(3 + succeeded);
  });

  it('reports a duplicate name clearly', async () => {
    const result = await h.call(ADMIN, 'station', 'addArea', { name: '第一片区' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('第一片区'),
    });
  });
});

describe('invitations and members', () => {
  it('creates codes that expire in 7 days and lists them newest first', async () => {
    const a = await h.ok(ADMIN, 'station', 'createInvitation', { role: 'social_worker' });
    const b = await h.ok(ADMIN, 'station', 'createInvitation', { role: 'admin' });
    expect(a.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(new Date(a.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const { items } = await h.ok(ADMIN, 'station', 'listInvitations', {});
    expect(items.map((i) => i.code)).toEqual([b.code, a.code]);
  });

  it("does not show one station's invitations to another", async () => {
    await h.ok(ADMIN, 'station', 'createInvitation', { role: 'social_worker' });
    await h.ok(OTHER_SOCIAL, 'account', 'me', {});
    expect(await h.errorCode(OTHER_SOCIAL, 'station', 'listInvitations', {})).toBe('FORBIDDEN');
  });

  it('lists staff without contact details', async () => {
    const { items } = await h.ok(ADMIN, 'station', 'listMembers', {});
    expect(items.map((m) => m.name).sort()).toEqual(['李社工', '王社工', '陈站长'].sort());
    expect(JSON.stringify(items)).not.toMatch(/1[3-9]\d{9}/);
  });
});

describe('finding residents', () => {
  it('finds the station’s residents by name or phone tail, phone shown as its last four digits', async () => {
    const byName = await h.ok(SOCIAL, 'station', 'searchResidents', { query: '张' });
    expect(byName.items).toContainEqual({
      personId: RESIDENT,
      name: '张阿姨',
      communityName: expect.any(String),
      phoneTail: '0011',
    });
    expect((await h.ok(SOCIAL, 'station', 'searchResidents', { query: '0011' })).items.map((i) => i.personId)).toEqual([
      RESIDENT,
    ]);
    expect(JSON.stringify(byName)).not.toContain('13900000011');
  });

  it('is staff only, and another station finds none of ours', async () => {
    expect(await h.errorCode(RESIDENT, 'station', 'searchResidents', { query: '张' })).toBe('FORBIDDEN');
    const other = await h.ok(OTHER_SOCIAL, 'station', 'searchResidents', { query: '张阿姨' });
    expect(other.items).toEqual([]);
  });
});
