import type { Cell, RowError, Sheet } from './sheet';

/**
 * The import file format (docs/import.md): sheets named as stations' own 台账 name them, a header
 * row of Chinese column names, one record per row. Columns may come in any order; a header may
 * use any of its listed names; other columns are ignored.
 */
export const SHEET_NAMES = {
  activities: '活动',
  attendance: '签到',
  volunteers: '志愿者',
  hours: '志愿时长',
} as const;
export type SheetKind = keyof typeof SHEET_NAMES;

export interface ColumnSpec {
  key: string;
  /** The names a header may have; the first is the one the documentation and the messages use. */
  headers: readonly string[];
  required: boolean;
}

const col = (key: string, headers: readonly string[], required = false): ColumnSpec => ({ key, headers, required });

export const COLUMNS: Record<SheetKind, readonly ColumnSpec[]> = {
  activities: [
    col('code', ['活动编号', '编号']),
    col('title', ['活动名称', '名称'], true),
    col('kind', ['活动类型', '类型'], true),
    col('serviceArea', ['服务领域', '领域']),
    col('area', ['片区'], true),
    col('community', ['社区'], true),
    col('startAt', ['开始时间'], true),
    col('endAt', ['结束时间'], true),
    col('place', ['地点'], true),
    col('capacity', ['名额']),
  ],
  attendance: [
    col('activityCode', ['活动编号', '编号']),
    col('activityTitle', ['活动名称']),
    col('activityDay', ['日期', '活动日期']),
    col('name', ['姓名'], true),
    col('phone', ['手机号后四位', '手机号', '手机']),
    col('community', ['社区']),
    col('signedInAt', ['签到时间']),
    col('headcount', ['人数']),
  ],
  volunteers: [
    col('name', ['姓名'], true),
    col('phone', ['手机号', '手机'], true),
    col('community', ['社区'], true),
    col('registeredOn', ['登记日期', '注册日期'], true),
    col('status', ['状态', '审核状态'], true),
    col('core', ['骨干']),
  ],
  hours: [
    col('name', ['姓名'], true),
    col('phone', ['手机号', '手机'], true),
    col('day', ['日期', '服务日期'], true),
    col('content', ['服务内容', '项目名称'], true),
    col('start', ['开始时间']),
    col('end', ['结束时间']),
    col('hours', ['时长', '时长(小时)', '时长（小时）', '服务时长(小时)', '服务时长（小时）']),
    col('reviewer', ['审核人']),
  ],
};

/** One data row of a sheet, by column key, with its row number as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: Record<string, Cell>;
}

export interface MappedSheet {
  kind: SheetKind;
  /** The sheet's name in the file (a CSV file's name). */
  name: string;
  /** column key → the header as written in the file, for messages. */
  headers: Record<string, string>;
  rows: SheetRow[];
}

const normalise = (header: Cell): string =>
  typeof header === 'string' ? header.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')') : '';

/**
 * Which kind a sheet is: by its name (活动, 签到 …), else — a CSV file named otherwise — by its
 * header row: the kind whose required columns are all there and which knows the most of its
 * headers (at least three); a tie is no answer.
 */
export function sheetKind(sheet: Sheet): SheetKind | null {
  const byName = (Object.keys(SHEET_NAMES) as SheetKind[]).find((k) => SHEET_NAMES[k] === sheet.name.trim());
  if (byName) return byName;
  const headers = new Set((sheet.rows[0] ?? []).map(normalise));
  const has = (c: ColumnSpec) => c.headers.some((h) => headers.has(normalise(h)));
  const scored = (Object.keys(COLUMNS) as SheetKind[])
    .filter((kind) => COLUMNS[kind].filter((c) => c.required).every(has))
    .map((kind) => ({ kind, known: COLUMNS[kind].filter(has).length }))
    .filter((s) => s.known >= 3)
    .sort((a, b) => b.known - a.known);
  return scored.length > 0 && scored[0]!.known !== scored[1]?.known ? scored[0]!.kind : null;
}

/**
 * Maps a sheet's header row onto the kind's columns. Missing required columns and a header used
 * twice are errors of the sheet; empty rows are skipped.
 */
export function mapSheet(sheet: Sheet, kind: SheetKind): { sheet: MappedSheet; errors: RowError[] } {
  const errors: RowError[] = [];
  const headerRow = sheet.rows[0] ?? [];
  const headers: Record<string, string> = {};
  const positions: Record<string, number> = {};
  for (const spec of COLUMNS[kind]) {
    const names = new Set(spec.headers.map(normalise));
    const found = headerRow.flatMap((h, i) => (names.has(normalise(h)) ? [i] : []));
    if (found.length > 1 && spec.key !== 'phone') {
      errors.push({ sheet: sheet.name, row: 1, column: String(headerRow[found[1]!]), message: '与另一列重复' });
    }
    if (found.length === 0) {
      if (spec.required) errors.push({ sheet: sheet.name, row: 1, column: spec.headers[0]!, message: '缺少这一列' });
      continue;
    }
    positions[spec.key] = found[0]!;
    headers[spec.key] = String(headerRow[found[0]!]).trim();
  }
  const rows: SheetRow[] = [];
  sheet.rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
    rows.push({
      row: i + 2,
      cells: Object.fromEntries(Object.entries(positions).map(([key, at]) => [key, cells[at] ?? null])),
    });
  });
  return { sheet: { kind, name: sheet.name, headers, rows }, errors };
}
