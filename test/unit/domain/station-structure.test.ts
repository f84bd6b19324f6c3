import {
  addArea,
  addCommunity,
  MAX_AREAS,
  renameArea,
  renameCommunity,
  type Structure,
} from '../../../cloudfunctions/_shared/domain/station-structure';

const base: Structure = {
  areas: [
    { id: 'area1', name: '第一片区' },
    { id: 'area3', name: '第三片区' },
  ],
  communities: [{ id: 'comm2', name: '光复社区', areaId: 'area1' }],
};

describe('areas', () => {
  it('adds an area with a fresh id that never reuses an old number', () => {
    const edit = addArea(base, '第四片区');
    expect(edit).toMatchObject({ ok: true, id: 'area4' });
  });
  it('refuses a duplicate area name', () => {
    expect(addArea(base, '第一片区')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
  it('refuses more than the maximum number of areas', () => {
    const full: Structure = {
      areas: Array.from({ length: MAX_AREAS }, (_, i) => ({ id: `area${i + 1}`, name: `片区${i + 1}` })),
      communities: [],
    };
    expect(addArea(full, '再加一个')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
  it('renames an area in place, keeping its id', () => {
    const edit = renameArea(base, 'area3', '西片区');
    expect(edit.ok && edit.structure.areas).toEqual([
      { id: 'area1', name: '第一片区' },
      { id: 'area3', name: '西片区' },
    ]);
  });
  it('refuses renaming to a name another area has, and unknown areas', () => {
    expect(renameArea(base, 'area3', '第一片区')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(renameArea(base, 'area9', 'x')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
  it('allows renaming an area to its own name', () => {
    expect(renameArea(base, 'area1', '第一片区')).toMatchObject({ ok: true });
  });
});

describe('communities', () => {
  it('adds a community under an existing area', () => {
    const edit = addCommunity(base, 'area3', '华林社区');
    expect(edit).toMatchObject({ ok: true, id: 'comm3' });
    expect(edit.ok && edit.structure.communities.at(-1)).toEqual({ id: 'comm3', name: '华林社区', areaId: 'area3' });
  });
  it('refuses an unknown area and a duplicate name', () => {
    expect(addCommunity(base, 'area9', '华林社区')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(addCommunity(base, 'area1', '光复社区')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
  it('renames a community and refuses unknown ones', () => {
    expect(renameCommunity(base, 'comm2', '光复南社区')).toMatchObject({ ok: true });
    expect(renameCommunity(base, 'comm9', 'x')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
