import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCsvBytes, parseCsv } from './csv';
import { SHEET_NAMES } from './format';
import type { Sheet } from './sheet';
import { readXlsx } from './xlsx-reader';

/** Import files are 台账 of a station: a few thousand rows. Far larger is a mistake (a wrong file). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The sheets of a records file. An .xlsx file has its sheets; a .csv file is one sheet, named
 * after the file when the name says which (活动.csv, 签到-2024.csv), else left for its header row
 * to tell (format.ts sheetKind).
 */
export function readRecordsFile(file: string): { sheets: Sheet[]; date1904: boolean } {
  const bytes = readFileSync(file);
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请分成几个文件导入`);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx') return readXlsx(new Uint8Array(bytes));
  if (extension === '.csv') {
    const stem = path.basename(file, path.extname(file));
    const name = Object.values(SHEET_NAMES).find((sheet) => stem === sheet || stem.startsWith(`${sheet}-`)) ?? stem;
    return { sheets: [{ name, rows: parseCsv(decodeCsvBytes(new Uint8Array(bytes))) }], date1904: false };
  }
  throw new Error('只能导入 .xlsx、.csv（台账）或 .json（合同）文件；.xls 请先在 Excel/WPS 中另存为 .xlsx');
}
