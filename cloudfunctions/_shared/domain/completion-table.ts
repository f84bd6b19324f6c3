import type { Indicator } from '@linli/types/entities/indicators';
import type { DayRange } from './indicator-periods';
import { elapsedOf } from './indicator-periods';
import { cellOf, isRateMeasure, measureDone, type ContractContext, type IndicatorFacts } from './indicators';

/**
 * The completion table as the evaluator lays it out (seed 004, 附件1-1): per indicator three
 * columns — 协议量, 完成量, 百分比 — and one row per 片区 plus 合计. The numbers are the indicator
 * engine's (indicators.ts: measureDone, cellOf — done ÷ target with two decimals, half up, exact:
 * 10 ÷ 6 is 166.67%, not the 166.00% the hand-made table printed); this module only chooses the
 * days (a report period inside the contract's, e.g. a mid-term 2024-01-25 to 2024-04-30) and
 * arranges the cells. Pure; the xlsx writer and the command line's table and JSON read from it.
 */

/** One cell as shown to people. */
export interface TableCell {
  /** 协议量; null: none set for this column. */
  target: number | null;
  /** 完成量 as a number (hours with two decimals); null when it cannot be counted. */
  done: number | null;
  /** 完成量 as printed: "1753", "3024.85", or why there is no number. */
  doneText: string;
  /** 百分比: "166.67%"; null without a target. */
  completion: string | null;
}

export interface TableIndicator {
  id: string;
  section: string;
  name: string;
  unit: string;
  /** A share (%): done is the rate, the target the required rate. */
  rate: boolean;
  /** One per 片区 column, in the table's order. */
  cells: TableCell[];
  total: TableCell;
  /** Why the numbers are missing (a source not enabled yet), shown as a footnote. */
  unavailable: string | null;
}

export interface CompletionTable {
  stationName: string;
  contractName: string;
  range: DayRange;
  areas: { id: string; name: string }[];
  indicators: TableIndicator[];
}

/** The rows for the report's days: each indicator counted over `range`, per 片区 and in total. */
export function completionRows(
  indicators: readonly Indicator[],
  ctx: ContractContext,
  facts: IndicatorFacts,
  areaIds: readonly string[],
  range: DayRange,
  now: Date,
): TableIndicator[] {
  const elapsed = elapsedOf(ctx.period, now);
  return indicators.map((indicator) => {
    const cell = (areaId: string | null): TableCell & { message: string | null } => {
      const done = measureDone(indicator, ctx, facts, range, areaId);
      const c = cellOf(indicator, done, areaId, elapsed);
      return {
        target: c.target,
        done: c.done,
        doneText: c.doneText,
        completion: c.completion,
        message: done.type === 'unavailable' ? done.message : null,
      };
    };
    const cells = areaIds.map(cell);
    const total = cell(null);
    const strip = ({ message: _message, ...rest }: TableCell & { message: string | null }): TableCell => rest;
    return {
      id: indicator.id,
      section: indicator.section,
      name: indicator.name,
      unit: indicator.unit,
      rate: isRateMeasure(indicator.measure),
      cells: cells.map(strip),
      total: strip(total),
      // Station-wide measures have no 片区 number by design; only a missing total is a footnote.
      unavailable: total.message,
    };
  });
}

/** "2024年1月25日至2024年4月30日" as the evaluator's title prints the period. */
export function periodText(range: DayRange): string {
  const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return `${day(range.from)}至${day(range.to)}`;
}

/** A cell of the laid-out sheet. */
export type GridCell =
  | { kind: 'title' | 'header' | 'label' | 'note'; text: string; columnSpan?: number; rowSpan?: number }
  | { kind: 'number'; value: number; decimals: 0 | 2 }
  | { kind: 'percent'; value: number; text: string }
  | { kind: 'empty'; text: '/' | '—' };
export type GridRow = (GridCell | null)[];

/** Indicators per block: seed 004 prints about seven side by side; wider is hard to read and print. */
export const INDICATORS_PER_BLOCK = 6;

/**
 * The sheet: a title, then blocks of indicators side by side. Each block has three header rows —
 * the contract's 项目 (section, spanning its indicators), the indicator (spanning its three
 * columns), and 协议量 / 完成量 / 百分比 — then one row per 片区 and the 合计 row. Without a
 * target the 协议量 and 百分比 read "/", as the evaluator's table writes it; a number that cannot
 * be counted reads "—" and its reason is a footnote under the block.
 */
export function completionGrid(table: CompletionTable, perBlock = INDICATORS_PER_BLOCK): GridRow[] {
  const width = 1 + 3 * Math.min(perBlock, Math.max(1, table.indicators.length));
  const rows: GridRow[] = [
    [{ kind: 'title', text: `${table.stationName} ${table.contractName} 指标完成情况统计表`, columnSpan: width }],
    [{ kind: 'title', text: `（${periodText(table.range)}）`, columnSpan: width }],
  ];
  for (let start = 0; start < table.indicators.length; start += perBlock) {
    const block = table.indicators.slice(start, start + perBlock);
    rows.push([]);
    rows.push(...blockRows(table, block));
  }
  return rows.map((row) => pad(row, width));
}

function blockRows(table: CompletionTable, block: readonly TableIndicator[]): GridRow[] {
  const sections: GridRow = [{ kind: 'header', text: '片区', rowSpan: 3 }];
  for (let i = 0; i < block.length; ) {
    let j = i + 1;
    while (j < block.length && block[j]!.section === block[i]!.section) j += 1;
    sections.push({ kind: 'header', text: block[i]!.section || block[i]!.name, columnSpan: 3 * (j - i) });
    for (let k = 1; k < 3 * (j - i); k += 1) sections.push(null);
    i = j;
  }
  const names: GridRow = [null];
  const parts: GridRow = [null];
  for (const indicator of block) {
    names.push({ kind: 'header', text: `${indicator.name}（${indicator.unit}）`, columnSpan: 3 }, null, null);
    parts.push(
      { kind: 'header', text: '协议量' },
      { kind: 'header', text: '完成量' },
      { kind: 'header', text: '百分比' },
    );
  }
  const line = (label: string, pick: (indicator: TableIndicator) => TableCell): GridRow => [
    { kind: 'label', text: label },
    ...block.flatMap((indicator) => cellTriple(pick(indicator), indicator)),
  ];
  const rows: GridRow[] = [
    sections,
    names,
    parts,
    ...table.areas.map((area, a) => line(area.name, (indicator) => indicator.cells[a]!)),
    line('合计', (indicator) => indicator.total),
  ];
  for (const indicator of block) {
    if (indicator.unavailable) rows.push([{ kind: 'note', text: `注：${indicator.name}：${indicator.unavailable}` }]);
  }
  return rows;
}

function cellTriple(cell: TableCell, indicator: TableIndicator): GridCell[] {
  const decimals = (n: number): 0 | 2 => (Number.isInteger(n) ? 0 : 2);
  const target: GridCell =
    cell.target === null
      ? { kind: 'empty', text: '/' }
      : indicator.rate
        ? { kind: 'percent', value: cell.target / 100, text: `${cell.target}%` }
        : { kind: 'number', value: cell.target, decimals: decimals(cell.target) };
  const done: GridCell =
    cell.done === null
      ? { kind: 'empty', text: '—' }
      : indicator.rate
        ? { kind: 'percent', value: fractionOf(cell.doneText), text: cell.doneText }
        : { kind: 'number', value: cell.done, decimals: indicator.unit === '小时' ? 2 : decimals(cell.done) };
  const completion: GridCell =
    cell.completion === null
      ? { kind: 'empty', text: '/' }
      : { kind: 'percent', value: fractionOf(cell.completion), text: cell.completion };
  return [target, done, completion];
}

/**
 * "166.67%" → 1.6667: the shown percentage as the fraction a spreadsheet formats as 0.00%, from
 * its digits (16667 ÷ 10000), so the cell holds exactly what is shown, not 1.6666999999999998.
 */
const fractionOf = (percent: string): number => Number(percent.replace(/[%.]/g, '')) / 10000;

const pad = (row: GridRow, width: number): GridRow => [
  ...row,
  ...Array<null>(Math.max(0, width - row.length)).fill(null),
];
