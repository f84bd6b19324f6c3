import type { CompletionTable, TableCell } from '../../cloudfunctions/_shared/domain/completion-table';
import { periodText } from '../../cloudfunctions/_shared/domain/completion-table';

/**
 * The completion table on the command line: JSON for other programs (every number as the app
 * shows it) and a plain-text table for a person at a terminal.
 */

export interface JsonCell {
  target: number | null;
  done: number | null;
  /** "166.67%", or null without a target. */
  completion: string | null;
}

export interface JsonReport {
  station: string;
  contract: { id: string; name: string };
  from: string;
  to: string;
  indicators: {
    id: string;
    section: string;
    name: string;
    unit: string;
    areas: (JsonCell & { id: string; name: string })[];
    total: JsonCell;
    /** Why there is no number (a source not enabled yet), else absent. */
    unavailable?: string;
  }[];
}

const jsonCell = (c: TableCell): JsonCell => ({ target: c.target, done: c.done, completion: c.completion });

export function reportJson(table: CompletionTable, contractId: string): JsonReport {
  return {
    station: table.stationName,
    contract: { id: contractId, name: table.contractName },
    from: table.range.from,
    to: table.range.to,
    indicators: table.indicators.map((i) => ({
      id: i.id,
      section: i.section,
      name: i.name,
      unit: i.unit,
      areas: table.areas.map((area, a) => ({ id: area.id, name: area.name, ...jsonCell(i.cells[a]!) })),
      total: jsonCell(i.total),
      ...(i.unavailable ? { unavailable: i.unavailable } : {}),
    })),
  };
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** "55/200 27.50%"; "—" when it cannot be counted; just the number without a target. */
function cellText(cell: TableCell): string {
  const done = cell.done === null ? '—' : cell.doneText;
  if (cell.target === null) return done;
  return `${done}/${cell.target} ${cell.completion ?? ''}`.trim();
}

export function reportTable(table: CompletionTable): string {
  const head = ['指标', ...table.areas.map((a) => a.name), '合计'];
  const rows = table.indicators.map((i) => [
    `${i.section ? `${i.section}·` : ''}${i.name}（${i.unit}）`,
    ...i.cells.map(cellText),
    cellText(i.total),
  ]);
  const widths = head.map((_, c) => Math.max(...[head, ...rows].map((row) => displayWidth(row[c]!))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c]!))
      .join('  ')
      .trimEnd();
  const notes = table.indicators.filter((i) => i.unavailable).map((i) => `注：${i.name}：${i.unavailable}`);
  return [
    `${table.stationName} ${table.contractName} 指标完成情况（${periodText(table.range)}）`,
    '每格：完成量/协议量 百分比',
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
