import writeXlsxFile from 'write-excel-file/node';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeCsvBytes, parseCsv } from '../../../cli/import/csv';
import { readXlsx } from '../../../cli/import/xlsx-reader';
import { readDateTime, readDay, readTimeOn } from '../../../cli/import/cells';
import { EXAMPLE_SHEETS, EXAMPLE_WORKBOOK, exampleCsv } from '../../../scripts/build-import-example';

const excel = { date1904: false };

describe('readXlsx', () => {
  it('reads text (escaped characters too), numbers, dates as serial days, booleans and gaps, per sheet', async () => {
    const buffer = await writeXlsxFile([
      {
        sheet: '活动',
        data: [
          [{ value: '活动名称' }, { value: '开始时间' }, { value: '名额' }, { value: '公开' }],
          [
            { value: '春节 & <游园> "会"' },
            { value: new Date(Date.UTC(2024, 1, 8, 9, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' },
            { value: 100, type: Number },
            { value: true, type: Boolean },
          ],
          [null, { value: '2024-02-09 10:00' }, null, null],
        ],
      },
      { sheet: '签到', data: [[{ value: '姓名' }], [{ value: '梁婆婆' }]] },
    ]).toBuffer();
    const { sheets, date1904 } = readXlsx(new Uint8Array(buffer));
    expect(date1904).toBe(false);
    expect(sheets.map((s) => s.name)).toEqual(['活动', '签到']);
    const [header, first, second] = sheets[0]!.rows;
    expect(header).toEqual(['活动名称', '开始时间', '名额', '公开']);
    expect(first![0]).toBe('春节 & <游园> "会"');
    expect(first![1]).toBeCloseTo(45330.395833, 5); // 2024-02-08 09:30
    expect(first!.slice(2)).toEqual([100, true]);
    expect(second).toEqual([null, '2024-02-09 10:00']);
    expect(sheets[1]!.rows).toEqual([['姓名'], ['梁婆婆']]);
  });

  it('refuses a file that is not a workbook', () => {
    expect(() => readXlsx(new TextEncoder().encode('姓名,手机号'))).toThrow('不是有效的 xlsx 文件');
  });

  it('reads the example workbook as exactly what the example CSV files say', () => {
    const { sheets } = readXlsx(new Uint8Array(readFileSync(EXAMPLE_WORKBOOK)));
    expect(sheets.map((s) => s.name)).toEqual([...EXAMPLE_SHEETS]);
    for (const sheet of sheets) {
      const csv = exampleCsv(sheet.name);
      expect(sheet.rows.length).toBe(csv.length);
      const headers = csv[0]!.map(String);
      sheet.rows.forEach((row, r) =>
        headers.forEach((header, c) => {
          const expected = csv[r]![c] ?? null;
          const cell = row[c] ?? null;
          if (typeof cell === 'number' && r > 0 && /时间|日期/.test(header)) {
            // Dates: the workbook's serial day, read as the CSV's text would be.
            const read = header === '登记日期' ? readDay(cell, excel) : readDateTime(cell, excel);
            const text = header === '登记日期' ? readDay(expected, excel) : readDateTime(expected, excel);
            expect([sheet.name, r, header, read]).toEqual([sheet.name, r, header, text]);
          } else {
            expect([sheet.name, r, header, cell === null ? null : String(cell)]).toEqual([
              sheet.name,
              r,
              header,
              expected,
            ]);
          }
        }),
      );
    }
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and LF, and empty cells as null', () => {
    const text = '姓名,备注\r\n"梁,婆婆","说""好""\n明天来"\n黎伯,\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '备注'],
      ['梁,婆婆', '说"好"\n明天来'],
      ['黎伯', null],
    ]);
  });

  it('decodes UTF-8 with its BOM, and GB18030 as Excel saves CSV on a Chinese Windows', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名')]);
    expect(decodeCsvBytes(utf8)).toBe('姓名');
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc9, 0xe7, 0xc7, 0xf8]); // 姓名,社区 in GBK
    expect(decodeCsvBytes(gbk)).toBe('姓名,社区');
  });

  it('reads the example CSV files', () => {
    const text = decodeCsvBytes(readFileSync(path.join(__dirname, '../../../docs/examples/活动.csv')));
    expect(parseCsv(text)[0]).toEqual([
      '活动编号',
      '活动名称',
      '活动类型',
      '服务领域',
      '片区',
      '社区',
      '开始时间',
      '结束时间',
      '地点',
      '名额',
    ]);
  });
});

describe('cells', () => {
  const at = (iso: string) => new Date(iso).toISOString();

  it.each([
    ['2024-03-05 14:30', '2024-03-05T06:30:00.000Z'],
    ['2024/3/5 14:30', '2024-03-05T06:30:00.000Z'],
    ['2024年3月5日 14:30', '2024-03-05T06:30:00.000Z'],
    ['2024-03-05T14:30:15', '2024-03-05T06:30:15.000Z'],
    ['2024.03.05 9:05', '2024-03-05T01:05:00.000Z'],
  ])('reads %s as China time', (text, expected) => {
    const read = readDateTime(text, excel);
    expect(read.ok && read.value.toISOString()).toBe(at(expected));
  });

  it('reads an Excel date-time as the wall-clock time typed in China', () => {
    const read = readDateTime(45356.604166666664, excel); // 2024-03-05 14:30 in Excel
    expect(read.ok && read.value.toISOString()).toBe('2024-03-05T06:30:00.000Z');
  });

  it.each([
    ['2024-02-30 10:00', '不是有效的日期'],
    ['2024-03-05', '应为日期和时间，如 2024-03-05 14:30'],
    ['明天上午', '应为日期和时间，如 2024-03-05 14:30'],
    ['2024-03-05 14:61', '不是有效的时间'],
  ])('refuses %s: %s', (text, message) => {
    expect(readDateTime(text, excel)).toEqual({ ok: false, message });
  });

  it('puts a time of day on the day given, or takes a whole date-time as it is', () => {
    const onDay = readTimeOn('08:30', '2024-02-08', excel);
    expect(onDay.ok && onDay.value.toISOString()).toBe('2024-02-08T00:30:00.000Z');
    const whole = readTimeOn('2024-02-09 08:30', '2024-02-08', excel);
    expect(whole.ok && whole.value.toISOString()).toBe('2024-02-09T00:30:00.000Z');
    const fraction = readTimeOn(0.5, '2024-02-08', excel);
    expect(fraction.ok && fraction.value.toISOString()).toBe('2024-02-08T04:00:00.000Z');
  });
});
