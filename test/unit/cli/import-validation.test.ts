import { mapSheet, sheetKind } from '../../../cli/import/format';
import { planImport, type ExistingData } from '../../../cli/import/plan';
import { validateRows, type StationShape } from '../../../cli/import/rows';
import { sortRowErrors, type Cell, type RowError, type Sheet } from '../../../cli/import/sheet';

const station: StationShape & { name: string } = {
  id: 'st-lingnan',
  name: '岭南街社工服务站',
  areas: [
    { id: 'area1', name: '第一片区' },
    { id: 'area2', name: '第二片区' },
  ],
  communities: [
    { id: 'comm1', name: '光复社区', areaId: 'area1' },
    { id: 'comm3', name: '杉木栏社区', areaId: 'area2' },
  ],
};
const NOW = new Date('2024-06-01T00:00:00Z');
const excel = { date1904: false };

const at = (iso: string) => new Date(iso);
const user = (id: string, name: string, roles: string[], phone?: string) => ({
  _id: id,
  name,
  stationId: 'st-lingnan',
  roles,
  ...(phone ? { phone } : {}),
  communityId: 'comm1',
  consentAt: at('2023-01-01T00:00:00Z'),
});
const emptyDatabase = (): ExistingData => ({
  station,
  users: [
    user('oSocial', '李社工', ['resident', 'social_worker']),
    user('oAdmin', '陈站长', ['resident', 'social_worker', 'admin']),
    user('oZhang', '张阿姨', ['resident'], '13900000011'),
  ],
  volunteers: [],
  activities: [],
  ids: { attendance: new Set(), hour_entries: new Set() },
  firstTeam: new Map(),
});

const sheet = (name: string, rows: Cell[][]): Sheet => ({ name, rows });

function run(sheets: Sheet[], existing = emptyDatabase()) {
  const mapped = sheets.map((s) => mapSheet(s, sheetKind(s)!));
  const mapErrors = mapped.flatMap((m) => m.errors);
  const validated = validateRows(
    mapped.map((m) => m.sheet),
    station,
    excel,
  );
  const plan = planImport(validated.rows, existing, {
    fileName: '台账.xlsx',
    now: NOW,
    ...excel,
    headers: Object.fromEntries(mapped.map((m) => [m.sheet.kind, m.sheet.headers])),
  });
  const errors = sortRowErrors(
    [...mapErrors, ...validated.errors, ...plan.errors],
    sheets.map((s) => s.name),
  );
  return { errors, plan };
}
const errorsOf = (sheets: Sheet[], existing?: ExistingData): RowError[] => run(sheets, existing).errors;

const ACTIVITY_HEADER = [
  '活动编号',
  '活动名称',
  '活动类型',
  '服务领域',
  '片区',
  '社区',
  '开始时间',
  '结束时间',
  '地点',
];
const activities = (...rows: Cell[][]) => sheet('活动', [ACTIVITY_HEADER, ...rows]);
const fair = [
  'A1',
  '春节游园会',
  '大型社区活动',
  '社区治理',
  '第一片区',
  '光复社区',
  '2024-02-08 09:00',
  '2024-02-08 11:30',
  '光复社区广场',
];
const SIGN_IN_HEADER = ['活动编号', '日期', '姓名', '手机号后四位', '社区', '签到时间', '人数'];
const signIns = (...rows: Cell[][]) => sheet('签到', [SIGN_IN_HEADER, ...rows]);
const VOLUNTEER_HEADER = ['姓名', '手机号', '社区', '登记日期', '状态', '骨干'];
const volunteers = (...rows: Cell[][]) => sheet('志愿者', [VOLUNTEER_HEADER, ...rows]);
const HOURS_HEADER = ['姓名', '手机号', '日期', '服务内容', '开始时间', '结束时间', '时长', '审核人'];
const hours = (...rows: Cell[][]) => sheet('志愿时长', [HOURS_HEADER, ...rows]);

describe('sheets and headers', () => {
  it('knows a sheet by its name, or a CSV file by its header row', () => {
    expect(sheetKind(sheet('签到', [[]]))).toBe('attendance');
    expect(sheetKind(sheet('Sheet1', [['姓名', '手机号', '日期', '服务内容', '时长']]))).toBe('hours');
    expect(sheetKind(sheet('Sheet1', [['姓名']]))).toBeNull();
  });

  it('reports a missing required column once, at the header row', () => {
    expect(
      errorsOf([
        sheet('活动', [
          ['活动名称', '片区'],
          ['春节游园会', '第一片区'],
        ]),
      ]).slice(0, 2),
    ).toEqual([
      { sheet: '活动', row: 1, column: '活动类型', message: '缺少这一列' },
      { sheet: '活动', row: 1, column: '社区', message: '缺少这一列' },
    ]);
  });

  it('accepts header names with spaces and full-width brackets, and skips empty rows', () => {
    const { errors, plan } = run([
      activities(fair),
      sheet('志愿时长', [['姓名', '手机号', '日期', '服务内容', '时长（小时）'], [], [null, '  ']]),
    ]);
    expect(errors).toEqual([]);
    expect(plan.summary.hours).toEqual({ added: 0, present: 0 });
  });
});

describe('row-level errors: sheet, row, column and a Chinese message', () => {
  it('活动', () => {
    expect(
      errorsOf([
        activities(
          ['A1', '春', '晚会', '老人', '第九片区', '光复社区', '2024-02-08 09:00', '2024-02-08 08:00', '广场'],
          ['A2', '亲子活动', '中小型社区活动', '', '第二片区', '光复社区', '2024-02-30 09:00', '', '杉木栏社区'],
          [
            'A3',
            '通宵活动',
            '中小型社区活动',
            '家庭',
            '第一片区',
            '光复社区',
            '2024-02-08 09:00',
            '2024-02-09 10:00',
            '光复社区',
          ],
        ),
      ]),
    ).toEqual([
      { sheet: '活动', row: 2, column: '活动名称', message: '至少2个字' },
      expect.objectContaining({ row: 2, column: '活动类型', message: expect.stringContaining('不是可识别的活动类型') }),
      expect.objectContaining({ row: 2, column: '服务领域', message: expect.stringContaining('不是可识别的服务领域') }),
      { sheet: '活动', row: 2, column: '片区', message: '本站没有名为“第九片区”的片区' },
      { sheet: '活动', row: 3, column: '开始时间', message: '不是有效的日期' },
      { sheet: '活动', row: 3, column: '结束时间', message: '不能为空' },
      { sheet: '活动', row: 4, column: '结束时间', message: '一场活动不超过24小时（小组的每一节写一行）' },
    ]);
  });

  it('活动: cross-column checks once the cells read', () => {
    expect(
      errorsOf([
        activities(
          [
            'A1',
            '春节游园会',
            '大型社区活动',
            '社区治理',
            '第二片区',
            '光复社区',
            '2024-02-08 09:00',
            '2024-02-08 08:00',
            '广场',
          ],
          [
            'A2',
            '夏日纳凉',
            '中小型社区活动',
            '社区治理',
            '第一片区',
            '光复社区',
            '2024-07-08 09:00',
            '2024-07-08 10:00',
            '广场',
          ],
        ),
      ]),
    ).toEqual([
      { sheet: '活动', row: 2, column: '社区', message: '“光复社区”不在“第二片区”' },
      { sheet: '活动', row: 2, column: '结束时间', message: '结束时间须晚于开始时间' },
      { sheet: '活动', row: 3, column: '开始时间', message: '只导入已开展的活动：开始时间不能晚于现在' },
    ]);
  });

  it('签到', () => {
    expect(
      errorsOf([
        activities(fair),
        signIns(
          ['A1', '2024-02-08', '梁婆婆', '0311', '', '08:40', 2],
          ['A1', '', '梁婆婆', '0311', '', '08:45', 1],
          ['A9', '', '黎伯', '12', '火星社区', '8点', 9],
          [null, '2024-02-08', '韩姐', '', '', '', ''],
          ['A1', '2024-02-09', '唐叔', '', '', '', ''],
          ['A1', '', '许姨', '', '', '12:00', ''],
        ),
      ]),
    ).toEqual([
      { sheet: '签到', row: 3, column: '姓名', message: '与第2行是同一人在同一场的签到' },
      { sheet: '签到', row: 4, column: '手机号后四位', message: '应为11位手机号或手机号后四位' },
      { sheet: '签到', row: 4, column: '社区', message: '本站没有名为“火星社区”的社区' },
      { sheet: '签到', row: 4, column: '签到时间', message: '应为时间，如 14:30，或日期和时间，如 2024-03-05 14:30' },
      { sheet: '签到', row: 4, column: '人数', message: '应在1到6之间' },
      { sheet: '签到', row: 5, column: '活动编号', message: '请填写活动编号，或活动名称和日期' },
      { sheet: '签到', row: 6, column: '日期', message: '活动在2024-02-08举行，与日期不符' },
    ]);
  });

  it('签到: an activity that is neither in the file nor in the database', () => {
    expect(errorsOf([signIns(['A9', '', '黎伯', '', '', '', ''])])).toEqual([
      {
        sheet: '签到',
        row: 2,
        column: '活动编号',
        message: '找不到编号为“A9”的活动（在「活动」表中或已导入的活动中）',
      },
    ]);
  });

  it('志愿者 and 志愿时长', () => {
    expect(
      errorsOf([
        volunteers(
          ['周晓明', '13700000101', '光复社区', '2024-02-01', '已通过', '是'],
          ['吴佳', '1370000010', '杉木栏社区', '2024-02-15', '通过了', '也许'],
          ['冯丽', '13700000101', '光复社区', '2024-02-16', '待审核', ''],
        ),
        hours(
          ['周晓明', '13700000101', '2024-02-08', '游园会', '08:30', '12:00', '', '李社工'],
          ['周晓明', '13700000101', '2024-02-08', '游园会', '08:30', '12:00', '', '李社工'],
          ['周晓明', '13700000101', '2024-02-09', '游园会', '12:00', '', '', ''],
          ['周晓明', '13700000101', '2024-02-10', '游园会', '', '', '', ''],
          ['周晓明', '13700000101', '2024-02-11', '游园会', '09:00', '10:00', '2', ''],
          ['周小明', '13700000101', '2024-02-12', '游园会', '', '', '1.5', ''],
          ['孙悦', '13700000199', '2024-02-12', '游园会', '', '', '1.555', ''],
        ),
      ]),
    ).toEqual([
      { sheet: '志愿者', row: 3, column: '手机号', message: '应为11位手机号' },
      expect.objectContaining({ row: 3, column: '状态', message: expect.stringContaining('不是可识别的状态') }),
      { sheet: '志愿者', row: 3, column: '骨干', message: '应填“是”或“否”' },
      { sheet: '志愿者', row: 4, column: '手机号', message: '与第2行的手机号相同' },
      { sheet: '志愿时长', row: 3, column: '服务内容', message: '与第2行重复' },
      { sheet: '志愿时长', row: 4, column: '结束时间', message: '开始时间和结束时间要一起填' },
      { sheet: '志愿时长', row: 5, column: '时长', message: '请填写开始、结束时间，或时长' },
      { sheet: '志愿时长', row: 6, column: '时长', message: '与开始、结束时间（60分钟）不符' },
      { sheet: '志愿时长', row: 7, column: '姓名', message: '这个手机号登记的志愿者是“周晓明”' },
      { sheet: '志愿时长', row: 8, column: '时长', message: '应为小时数，如 2 或 2.5（最多两位小数）' },
    ]);
  });
});

describe('the plan', () => {
  const file = () => [
    activities(
      fair,
      ['G1', '长者小组', '小组', '长者', '第二片区', '杉木栏社区', '2024-03-13 14:00', '2024-03-13 16:00', '二楼'],
      ['G1', '长者小组', '小组', '长者', '第二片区', '杉木栏社区', '2024-03-06 14:00', '2024-03-06 16:00', '二楼'],
    ),
    signIns(
      ['A1', '', '梁婆婆', '0311', '', '08:40', 6],
      ['A1', '', '张阿姨', '13900000011', '', '', 1],
      ['G1', '2024-03-06', '黄伯', '', '', '', ''],
      ['G1', '2024-03-13', '黄伯', '', '', '13:55', ''],
    ),
    volunteers(
      ['周晓明', '13700000101', '光复社区', '2024-02-01', '已通过', '是'],
      ['张阿姨', '13900000011', '光复社区', '2024-02-02', '已通过', ''],
    ),
    hours(
      ['周晓明', '13700000101', '2024-02-08', '游园会', '08:30', '12:00', '', '李社工'],
      ['张阿姨', '13900000011', '2024-02-08', '游园会', '', '', '2.5', ''],
    ),
  ];

  it('makes one activity of a 小组’s rows, its sessions in order, a sign-in per session', () => {
    const { errors, plan } = run(file());
    expect(errors).toEqual([]);
    const docs = (collection: string) => plan.puts.filter((p) => p.collection === collection).map((p) => p.doc);
    const group = docs('activities').find((a) => a.title === '长者小组')!;
    expect(group.sessions).toEqual([
      { startAt: at('2024-03-06T06:00:00Z'), endAt: at('2024-03-06T08:00:00Z') },
      { startAt: at('2024-03-13T06:00:00Z'), endAt: at('2024-03-13T08:00:00Z') },
    ]);
    const huang = docs('attendance').filter((a) => a.personName === '黄伯');
    expect(huang.map((a) => [a._id, a.session, (a.signedInAt as Date).toISOString()])).toEqual([
      [`${group._id}.${huang[0]!.personId}`, 1, '2024-03-06T06:00:00.000Z'],
      [`${group._id}.${huang[0]!.personId}.2`, 2, '2024-03-13T05:55:00.000Z'],
    ]);
    expect(
      docs('activities').every(
        (a) => a.importedFrom === '台账.xlsx' && typeof a._id === 'string' && /^[0-9A-Za-z]{10}$/.test(a._id),
      ),
    ).toBe(true);
    expect(docs('attendance').every((a) => a.method === 'paper' && a.note === '导入自 台账.xlsx')).toBe(true);
  });

  it('matches a known resident by phone and name, adds the volunteer role to their profile, and creates the others', () => {
    const { plan } = run(file());
    const zhang = plan.puts.filter((p) => p.collection === 'users' && p.doc._id === 'oZhang');
    expect(zhang).toEqual([
      expect.objectContaining({
        collection: 'users',
        insert: false,
        doc: expect.objectContaining({ roles: ['resident', 'volunteer'] }),
      }),
    ]);
    expect(plan.puts.find((p) => p.collection === 'attendance' && p.doc.personName === '张阿姨')!.doc.personId).toBe(
      'oZhang',
    );
    const zhou = plan.puts.find((p) => p.collection === 'users' && p.doc.name === '周晓明')!;
    expect(zhou.doc).toMatchObject({
      roles: ['resident', 'volunteer'],
      phone: '13700000101',
      walkIn: true,
      importedFrom: '台账.xlsx',
    });
    expect(plan.puts.find((p) => p.collection === 'volunteers' && p.doc.realName === '周晓明')!.doc).toMatchObject({
      _id: zhou.doc._id,
      status: 'approved',
      core: true,
      coreAt: at('2024-01-31T16:00:00Z'),
      approvedAt: at('2024-01-31T16:00:00Z'),
    });
  });

  it('records a named reviewer as the approval, and leaves hours without one pending', () => {
    const { plan } = run(file());
    const entries = plan.puts.filter((p) => p.collection === 'hour_entries').map((p) => p.doc);
    expect(entries.map((e) => [e.minutes, e.status, e.approvals, e.note])).toEqual([
      [210, 'approved', [{ by: 'oSocial', at: NOW }], '导入自 台账.xlsx；审核人：李社工'],
      [150, 'pending', [], '导入自 台账.xlsx；待审核'],
    ]);
  });

  it('writes nothing the second time: every id is derived from the record', () => {
    const first = run(file()).plan;
    const after = emptyDatabase();
    const written = (c: string) => first.puts.filter((p) => p.collection === c).map((p) => p.doc);
    const second = run(file(), {
      ...after,
      users: [
        ...after.users.filter((u) => u._id !== 'oZhang'),
        ...(written('users') as unknown as ExistingData['users'][number][]),
      ],
      volunteers: written('volunteers') as unknown as ExistingData['volunteers'],
      activities: written('activities') as unknown as ExistingData['activities'],
      ids: {
        attendance: new Set(written('attendance').map((d) => d._id)),
        hour_entries: new Set(written('hour_entries').map((d) => d._id)),
      },
    }).plan;
    expect(second.puts).toEqual([]);
    expect(second.summary).toEqual({
      activities: { added: 0, present: 2 },
      attendance: { added: 0, present: 4 },
      people: { added: 0, present: 4 },
      volunteers: { added: 0, present: 2 },
      hours: { added: 0, present: 2 },
    });
  });

  it('refuses a 小组’s sessions less than two hours apart, and a sign-in for a day it did not meet', () => {
    const { errors } = run([
      activities(
        ['G1', '长者小组', '小组', '长者', '第二片区', '杉木栏社区', '2024-03-06 14:00', '2024-03-06 16:00', '二楼'],
        ['G1', '长者小组', '小组', '长者', '第二片区', '杉木栏社区', '2024-03-06 17:00', '2024-03-06 18:00', '二楼'],
        ['G2', '亲子小组', '小组', '家庭', '第二片区', '杉木栏社区', '2024-03-06 14:00', '2024-03-06 16:00', '二楼'],
        ['G2', '亲子小组', '小组', '家庭', '第二片区', '杉木栏社区', '2024-03-13 14:00', '2024-03-13 16:00', '二楼'],
      ),
      signIns(['G2', '2024-03-07', '黄伯', '', '', '', ''], ['G2', '', '何婆婆', '', '', '', '']),
    ]);
    expect(errors).toEqual([
      { sheet: '活动', row: 3, column: '开始时间', message: '须在上一节（第2行）结束2小时以后开始' },
      { sheet: '签到', row: 2, column: '日期', message: '这个小组在2024-03-07没有一节' },
      { sheet: '签到', row: 3, column: '日期', message: '小组有多节：请填写日期（该节的日期）' },
    ]);
  });
});
