import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readXlsx } from '../../../cli/import/xlsx-reader';
import type { JsonReport } from '../../../cli/report/format';
import { openLocalDatabase } from '../../../local/db';
import { seedDemoData } from '../../../local/demo/seed';
import { configureDataKey } from '../../../local/cloud-env';

/**
 * `npx linli` end to end: the launcher (bin/linli.js) run as a station admin would, against a data
 * folder of its own — the demo stations — importing the example 台账 and contract from
 * docs/examples, then the completion table as JSON and as xlsx, checked cell by cell.
 */
const ROOT = path.join(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'docs/examples');
const INDEXES = path.join(ROOT, 'config/db-indexes.json');
jest.setTimeout(120_000);

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'linli-cli-'));
  // The demo data has sealed fields: their key lives in the data folder, as npm start keeps it.
  configureDataKey(dataDir);
  const db = await openLocalDatabase({ dataDir, indexesFile: INDEXES });
  await seedDemoData(db, new Date());
  await db.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), ...args, '--data', dataDir], {
      cwd: ROOT,
      env: { ...process.env, LINLI_DATA_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function snapshot(): Promise<string> {
  const db = await openLocalDatabase({ dataDir, indexesFile: INDEXES });
  try {
    const names = ['users', 'volunteers', 'activities', 'attendance', 'hour_entries', 'contracts'];
    return JSON.stringify(await Promise.all(names.map((n) => db.dump(n))));
  } finally {
    await db.close();
  }
}

/** Every cell of the table: 片区1, 片区2, 片区3, 合计 — done/target/completion, "-" for none. */
const EXPECTED: Record<string, [string, string, string, string]> = {
  'filing-17': ['0/-/-', '0/-/-', '0/-/-', '0/800/0.00%'],
  'visits-17': ['0/-/-', '0/-/-', '0/-/-', '0/5600/0.00%'],
  'phone-non17': ['0/38/0.00%', '0/30/0.00%', '0/20/0.00%', '0/88/0.00%'],
  'home-visits-17': ['0/20/0.00%', '0/20/0.00%', '0/30/0.00%', '0/70/0.00%'],
  'cases-opened': ['0/-/-', '0/-/-', '0/-/-', '0/60/0.00%'],
  'case-sessions': ['0/-/-', '0/-/-', '0/-/-', '0/300/0.00%'],
  'cases-closed': ['0/-/-', '0/-/-', '0/-/-', '0/60/0.00%'],
  groups: ['0/5/0.00%', '1/8/12.50%', '0/8/0.00%', '1/21/4.76%'],
  'group-sessions': ['0/25/0.00%', '3/40/7.50%', '0/40/0.00%', '3/105/2.86%'],
  'group-people': ['0/125/0.00%', '17/200/8.50%', '0/200/0.00%', '17/525/3.24%'],
  'large-events': ['1/2/50.00%', '0/3/0.00%', '0/3/0.00%', '1/8/12.50%'],
  'large-event-people': ['55/200/27.50%', '0/300/0.00%', '0/300/0.00%', '55/800/6.88%'],
  'small-events': ['1/10/10.00%', '0/10/0.00%', '1/10/10.00%', '2/30/6.67%'],
  'small-event-people': ['30/300/10.00%', '0/300/0.00%', '12/300/4.00%', '42/900/4.67%'],
  'new-volunteers': ['1/-/-', '1/-/-', '1/-/-', '3/70/4.29%'],
  'new-core-volunteers': ['1/-/-', '0/-/-', '1/-/-', '2/24/8.33%'],
  'new-teams': ['-/-/-', '-/-/-', '-/-/-', '0/3/0.00%'],
  'community-research': ['0/-/-', '0/-/-', '0/-/-', '0/3/0.00%'],
  'party-agreements': ['0/-/-', '0/-/-', '0/-/-', '0/3/0.00%'],
  'party-history': ['0/-/-', '0/-/-', '0/-/-', '0/4/0.00%'],
  'party-days': ['0/-/-', '0/-/-', '0/-/-', '0/3/0.00%'],
  'street-service-hours': ['0/-/-', '0/-/-', '0/-/-', '0/300/0.00%'],
  'community-orgs': ['0/-/-', '0/-/-', '0/-/-', '0/2/0.00%'],
  'general-trainings': ['0/-/-', '0/-/-', '0/-/-', '0/5/0.00%'],
  'active-teams': ['-/-/-', '-/-/-', '-/-/-', '0/6/0.00%'],
};
const show = (v: unknown) => (v === null || v === undefined ? '-' : String(v));

let contractId = '';

it('imports the example 台账 and contract, writes nothing the second time', async () => {
  const first = await linli('import', path.join(EXAMPLES, '台账示例.xlsx'), '--station', 'st-lingnan');
  expect(first).toMatchObject({ code: 0, stderr: expect.stringContaining('校验 58 行') });
  expect(first.stdout).toContain('已导入 台账示例.xlsx，写入 89 条记录');
  expect(first.stdout).toContain('签到：新增 42，已有 0');

  const contract = await linli('import', path.join(EXAMPLES, '合同-岭南街2024.json'), '--station', 'st-lingnan');
  expect(contract.code).toBe(0);
  contractId = /合同编号：(ct-[0-9a-f]{16})/.exec(contract.stdout)![1]!;

  const before = await snapshot();
  const again = await linli('import', path.join(EXAMPLES, '台账示例.xlsx'), '--station', 'st-lingnan');
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('没有新记录');
  expect(again.stdout).toContain('签到：新增 0，已有 42');
  // The same records as CSV files: the same ids, so nothing new either.
  const csv = await linli('import', path.join(EXAMPLES, '签到.csv'), '--station', 'st-lingnan');
  expect(csv.stdout).toContain('签到：新增 0，已有 42');
  const contractAgain = await linli('import', path.join(EXAMPLES, '合同-岭南街2024.json'), '--station', 'st-lingnan');
  expect(contractAgain.stdout).toContain(
    `合同已存在，未改动：岭南街社工服务站2024年度购买服务项目\n合同编号：${contractId}`,
  );
  expect(await snapshot()).toBe(before);
});

it('reports the completion table as JSON, cell by cell', async () => {
  const { code, stdout } = await linli(
    'report',
    '--contract',
    contractId,
    '--from',
    '2024-01-25',
    '--to',
    '2024-04-30',
    '--format',
    'json',
  );
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as JsonReport;
  expect(report.contract).toEqual({ id: contractId, name: '岭南街社工服务站2024年度购买服务项目' });
  expect(report.indicators.map((i) => i.id)).toEqual(Object.keys(EXPECTED));
  for (const indicator of report.indicators) {
    expect(indicator.areas.map((a) => a.name)).toEqual(['第一片区', '第二片区', '第三片区']);
    const cells = [...indicator.areas, indicator.total].map(
      (c) => `${show(c.done)}/${show(c.target)}/${show(c.completion)}`,
    );
    expect([indicator.id, cells]).toEqual([indicator.id, EXPECTED[indicator.id]]);
  }
});

it('exports the same table as xlsx in the evaluator’s layout', async () => {
  const out = path.join(dataDir, '完成情况.xlsx');
  const { code, stdout } = await linli(
    'report',
    '--contract',
    contractId,
    '--from',
    '2024-01-25',
    '--to',
    '2024-04-30',
    '--format',
    'xlsx',
    '--out',
    out,
  );
  expect([code, stdout.trim()]).toEqual([0, `已保存 ${out}`]);
  const rows = readXlsx(new Uint8Array(readFileSync(out))).sheets[0]!.rows;
  const ids = Object.keys(EXPECTED);
  // Blocks of six indicators: a blank row, three header rows, three 片区 rows and 合计.
  for (const [n, id] of ids.entries()) {
    const top = 3 + Math.floor(n / 6) * 8;
    const column = 1 + 3 * (n % 6);
    const cells = [0, 1, 2, 3].map((r) => {
      const [target, done, completion] = rows[top + 3 + r]!.slice(column, column + 3);
      const pct = typeof completion === 'number' ? `${(completion * 100).toFixed(2)}%` : '-';
      const num = (v: unknown) => (typeof v === 'number' ? String(v) : '-');
      return `${num(done)}/${num(target)}/${pct}`;
    });
    expect([id, rows[top + 3]![0], rows[top + 6]![0], cells]).toEqual([id, '第一片区', '合计', EXPECTED[id]]);
  }
});

it('refuses a file with problems, says where, and writes nothing', async () => {
  const bad = path.join(dataDir, '签到.csv');
  writeFileSync(bad, '活动编号,日期,姓名,人数\nLN-2024-001,2024-02-08,新居民,9\nLN-2099-001,,另一位,1\n');
  const before = await snapshot();
  const result = await linli('import', bad, '--station', 'st-lingnan');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('签到.csv 有 2 处问题，未导入任何记录：');
  expect(result.stderr).toContain('「签到」 第2行 人数：应在1到6之间');
  expect(result.stderr).toContain('「签到」 第3行 活动编号：找不到编号为“LN-2099-001”的活动');
  expect(await snapshot()).toBe(before);
});

it('will not open a database another process has open', async () => {
  const db = await openLocalDatabase({ dataDir, indexesFile: INDEXES });
  try {
    const result = await linli('report', '--contract', contractId, '--from', '2024-01-25', '--to', '2024-04-30');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`正被进程 ${process.pid} 使用（npm start 正在运行？）`);
  } finally {
    await db.close();
  }
});
