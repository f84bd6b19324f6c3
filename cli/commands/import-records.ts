import path from 'node:path';
import type { LocalDatabase } from '../../local/db';
import { mapSheet, sheetKind, SHEET_NAMES, type MappedSheet, type SheetKind } from '../import/format';
import { planImport, RECORD_LABELS, type ExistingData, type RecordKind } from '../import/plan';
import { readRecordsFile } from '../import/read-file';
import { validateRows, type StationShape } from '../import/rows';
import { sortRowErrors, type RowError } from '../import/sheet';
import type { Output } from '../output';
import { touchedMonths } from './refresh-rollups';

/**
 * `linli import <file.xlsx|csv>`: historic records into the station's database. Everything is
 * read and checked first — every row of every sheet, every reference, every duplicate — and only
 * a file without a single problem is written, in one atomic step (LocalDatabase.putAll). Ids are
 * derived from the records, so a second run finds them all present and writes nothing.
 */
export interface ImportResult {
  ok: boolean;
  errors: RowError[];
  summary?: Record<RecordKind, { added: number; present: number }>;
  written: number;
  stationId?: string;
  /** Months the written records fall in (their indicator roll-ups may need recomputing). */
  months?: string[];
}

export async function importRecords(
  db: LocalDatabase,
  file: string,
  options: { station?: string; dryRun: boolean; now: Date; out: Output },
): Promise<ImportResult> {
  const { out } = options;
  const fileName = path.basename(file);
  out.progress(`读取 ${fileName} …`);
  const { sheets, date1904 } = readRecordsFile(file);

  const errors: RowError[] = [];
  const mapped: MappedSheet[] = [];
  const seen = new Map<SheetKind, string>();
  for (const sheet of sheets) {
    const kind = sheetKind(sheet);
    if (!kind) {
      if (sheet.rows.length > 0) out.note(`已跳过工作表「${sheet.name}」：不是活动、签到、志愿者或志愿时长表`);
      continue;
    }
    const earlier = seen.get(kind);
    if (earlier !== undefined) {
      errors.push({
        sheet: sheet.name,
        row: 0,
        column: '',
        message: `与工作表「${earlier}」同为${SHEET_NAMES[kind]}表，请合并为一张`,
      });
      continue;
    }
    seen.set(kind, sheet.name);
    const result = mapSheet(sheet, kind);
    errors.push(...result.errors);
    mapped.push(result.sheet);
  }
  if (mapped.length === 0 && errors.length === 0) {
    errors.push({
      sheet: '',
      row: 0,
      column: '',
      message: `文件中没有可导入的工作表（应命名为：${Object.values(SHEET_NAMES).join('、')}）`,
    });
  }
  if (errors.length > 0) return { ok: false, errors, written: 0 };

  const existing = await loadExisting(db, options.station);
  const rowCount = mapped.reduce((n, s) => n + s.rows.length, 0);
  out.progress(`校验 ${rowCount} 行 …`);
  const validated = validateRows(mapped, existing.station, { date1904 }, (done, total) =>
    out.progress(`校验 ${done}/${total} 行 …`),
  );
  const plan = planImport(validated.rows, existing, {
    fileName,
    now: options.now,
    date1904,
    headers: Object.fromEntries(mapped.map((s) => [s.kind, s.headers])),
    sheetNames: Object.fromEntries(mapped.map((s) => [s.kind, s.name])),
  });
  const all = [...validated.errors, ...plan.errors];
  if (all.length > 0) {
    return {
      ok: false,
      errors: sortRowErrors(
        all,
        mapped.map((s) => s.name),
      ),
      written: 0,
    };
  }

  const stationId = existing.station.id;
  if (options.dryRun) return { ok: true, errors: [], summary: plan.summary, written: 0, stationId, months: [] };
  if (plan.puts.length > 0) {
    out.progress(`写入 ${plan.puts.length} 条记录 …`);
    await db.putAll(plan.puts);
  }
  return {
    ok: true,
    errors: [],
    summary: plan.summary,
    written: plan.puts.length,
    stationId,
    months: touchedMonths(plan.puts),
  };
}

/** The station to import into: the one named, else the only one the database holds. */
async function loadExisting(db: LocalDatabase, stationId: string | undefined): Promise<ExistingData> {
  const stations = (await db.dump('stations')) as unknown as (StationShape & { _id: string; name: string })[];
  const station =
    stationId !== undefined
      ? stations.find((s) => s._id === stationId)
      : stations.length === 1
        ? stations[0]
        : undefined;
  if (!station) {
    const list = stations.map((s) => `${s._id}（${s.name}）`).join('、') || '（无）';
    throw new Error(
      stationId !== undefined
        ? `数据库中没有编号为 ${stationId} 的社工站。已有：${list}`
        : `数据库中有多个社工站，请用 --station 指定导入到哪一个：${list}`,
    );
  }
  const [users, volunteers, activities, attendance, hourEntries, teamMembers] = await Promise.all(
    ['users', 'volunteers', 'activities', 'attendance', 'hour_entries', 'team_members'].map((c) => db.dump(c)),
  );
  const firstTeam = new Map<string, string>();
  for (const m of [...teamMembers!].sort((a, b) => Number(a.joinedAt) - Number(b.joinedAt))) {
    if (typeof m.volunteerId === 'string' && !firstTeam.has(m.volunteerId))
      firstTeam.set(m.volunteerId, String(m.teamId));
  }
  return {
    station: { id: station._id, name: station.name, areas: station.areas, communities: station.communities },
    users: users as ExistingData['users'][number][],
    volunteers: volunteers as ExistingData['volunteers'][number][],
    activities: (activities as ExistingData['activities'][number][]).filter((a) => a.stationId === station._id),
    ids: {
      attendance: new Set(attendance!.map((d) => String(d._id))),
      hour_entries: new Set(hourEntries!.map((d) => String(d._id))),
    },
    firstTeam,
  };
}

export function summaryLines(summary: Record<RecordKind, { added: number; present: number }>): string[] {
  return (Object.keys(RECORD_LABELS) as RecordKind[])
    .filter((k) => summary[k].added + summary[k].present > 0)
    .map((k) => `  ${RECORD_LABELS[k]}：新增 ${summary[k].added}，已有 ${summary[k].present}`);
}
