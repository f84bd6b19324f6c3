import writeXlsxFile from 'write-excel-file/node';
import {
  completionGrid,
  type CompletionTable,
  type GridCell,
  type GridRow,
} from '../../_shared/domain/completion-table';

/**
 * The laid-out completion table (domain/completion-table.ts) as write-excel-file cells: numbers
 * stay numbers (hours with two decimals, percentages as 0.00%), so an evaluator's spreadsheet
 * can check them, and the text is what the app shows.
 */
const BORDER = { borderStyle: 'thin' as const, borderColor: '#999999' };

function cellOf(cell: GridCell) {
  switch (cell.kind) {
    case 'title':
      return {
        value: cell.text,
        type: String,
        fontWeight: 'bold' as const,
        align: 'center' as const,
        columnSpan: cell.columnSpan,
      };
    case 'header':
      return {
        value: cell.text,
        type: String,
        fontWeight: 'bold' as const,
        align: 'center' as const,
        alignVertical: 'center' as const,
        wrap: true,
        ...BORDER,
        ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
        ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
      };
    case 'label':
      return { value: cell.text, type: String, ...BORDER };
    case 'note':
      return { value: cell.text, type: String };
    case 'number':
      return { value: cell.value, type: Number, format: cell.decimals === 2 ? '0.00' : '0', ...BORDER };
    case 'percent':
      return { value: cell.value, type: Number, format: '0.00%', ...BORDER };
    case 'empty':
      return { value: cell.text, type: String, align: 'center' as const, ...BORDER };
  }
}

export function gridSheetData(grid: readonly GridRow[]) {
  return grid.map((row) => row.map((cell) => (cell ? cellOf(cell) : null)));
}

/** Column widths: the 片区 labels, then 协议量 / 完成量 / 百分比 triples. */
export function gridColumns(grid: readonly GridRow[]) {
  const width = Math.max(...grid.map((row) => row.length));
  return Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 10 : (i - 1) % 3 === 2 ? 10 : 9 }));
}

export async function completionWorkbook(table: CompletionTable): Promise<Buffer> {
  const grid = completionGrid(table);
  return writeXlsxFile(gridSheetData(grid), { sheet: '指标完成情况', columns: gridColumns(grid) }).toBuffer();
}

export const completionFileName = (table: CompletionTable): string =>
  `指标完成情况-${table.contractName}-${table.range.from}至${table.range.to}.xlsx`;
