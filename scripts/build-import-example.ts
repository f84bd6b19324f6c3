/**
 * Builds docs/examples/台账示例.xlsx from the example CSV files beside it (docs/import.md): one
 * sheet per file, as a station's workbook would have them — dates and times as Excel dates,
 * counts as numbers, the rest as text. A unit test checks the workbook still says what the CSV
 * files say; run `npx tsx scripts/build-import-example.ts` after editing them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { decodeCsvBytes, parseCsv } from '../cli/import/csv';

const DIR = path.join(__dirname, '..', 'docs', 'examples');
export const EXAMPLE_SHEETS = ['活动', '签到', '志愿者', '志愿时长'] as const;
export const EXAMPLE_WORKBOOK = path.join(DIR, '台账示例.xlsx');

/** Columns written as Excel dates (wall-clock China time, as a person types it into Excel). */
const DATE_TIME_COLUMNS = new Set(['开始时间', '结束时间']);
const DAY_COLUMNS = new Set(['登记日期']);
const NUMBER_COLUMNS = new Set(['名额', '人数', '时长']);

function cell(header: string, sheet: string, text: string | null) {
  if (text === null) return null;
  if (sheet === '活动' && DATE_TIME_COLUMNS.has(header)) {
    const [d, t] = text.split(' ') as [string, string];
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const [h, min] = t.split(':').map(Number) as [number, number];
    return { value: new Date(Date.UTC(y, m - 1, day, h, min)), type: Date, format: 'yyyy-mm-dd hh:mm' };
  }
  if (DAY_COLUMNS.has(header)) {
    const [y, m, day] = text.split('-').map(Number) as [number, number, number];
    return { value: new Date(Date.UTC(y, m - 1, day)), type: Date, format: 'yyyy-mm-dd' };
  }
  if (NUMBER_COLUMNS.has(header)) return { value: Number(text), type: Number };
  return { value: text, type: String };
}

export function exampleCsv(sheet: string) {
  return parseCsv(decodeCsvBytes(readFileSync(path.join(DIR, `${sheet}.csv`))));
}

async function main(): Promise<void> {
  const sheets = EXAMPLE_SHEETS.map((sheet) => {
    const [header, ...rows] = exampleCsv(sheet);
    return {
      sheet,
      data: [
        header!.map((h) => ({ value: String(h), fontWeight: 'bold' as const })),
        ...rows.map((row) => header!.map((h, i) => cell(String(h), sheet, (row[i] as string | null) ?? null))),
      ],
    };
  });
  const buffer = await writeXlsxFile(sheets).toBuffer();
  writeFileSync(EXAMPLE_WORKBOOK, buffer);
  console.log(`wrote ${EXAMPLE_WORKBOOK}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
