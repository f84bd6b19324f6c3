import { strFromU8, unzipSync } from 'fflate';
import type { Cell, Sheet } from './sheet';

/**
 * Reads the cell values of an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice
 * save it): every sheet's rows, shared and inline strings, numbers and booleans. Styles are not
 * read: a date is the number Excel stores (a serial day count), and the column that expects a
 * date converts it (cells.ts). Formulas give their cached value. Enough for 台账 sheets; not a
 * general spreadsheet library (the project writes xlsx with write-excel-file, which cannot read).
 */
export function readXlsx(bytes: Uint8Array): { sheets: Sheet[]; date1904: boolean } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('不是有效的 xlsx 文件（无法解压）');
  }
  const text = (name: string): string | null => {
    const file = files[name];
    return file ? strFromU8(file) : null;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('不是有效的 xlsx 文件（缺少 xl/workbook.xml）');
  const targets = relationshipTargets(text('xl/_rels/workbook.xml.rels') ?? '');
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);

  const sheets: Sheet[] = [];
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attributes = attrs(match[1] ?? '');
    const name = decodeXml(attributes.name ?? '');
    const target = targets.get(attributes['r:id'] ?? '');
    if (!target) continue;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (xml === null) continue;
    sheets.push({ name, rows: sheetRows(xml, shared) });
  }
  return { sheets, date1904 };
}

/** rId → part path, from the workbook's relationships. */
function relationshipTargets(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attrs(match[1] ?? '');
    if (a.Id && a.Target) map.set(a.Id, decodeXml(a.Target));
  }
  return map;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runText(m[1] ?? ''));
}

/** The text of a string item: its <t> runs joined, phonetic guides (<rPh>) left out. */
function runText(xml: string): string {
  const withoutPhonetics = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return [...withoutPhonetics.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');
}

function sheetRows(xml: string, shared: readonly string[]): Cell[][] {
  const rows: Cell[][] = [];
  let nextRow = 0;
  for (const rowMatch of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attrs(rowMatch[1] ?? '').r);
    const rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : nextRow;
    nextRow = rowIndex + 1;
    const row: Cell[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attrs(cellMatch[1] ?? '');
      const column = a.r ? columnIndex(a.r) : nextColumn;
      nextColumn = column + 1;
      const value = cellValue(a.t, cellMatch[2] ?? '', shared);
      if (value !== null) row[column] = value;
    }
    rows[rowIndex] = Array.from(row, (cell) => cell ?? null);
  }
  return Array.from(rows, (row) => row ?? []);
}

function cellValue(type: string | undefined, inner: string, shared: readonly string[]): Cell {
  if (type === 'inlineStr') return runText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
  const raw = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (raw === undefined) return null;
  const v = decodeXml(raw);
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
    case 'd':
      return v;
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return null;
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/** "AB12" → 27 (zero-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? 'A') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function attrs(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  for (const m of source.matchAll(/([\w:]+)\s*=\s*'([^']*)'/g)) out[m[1]!] ??= m[2]!;
  return out;
}

/** XML entities, and OOXML's _xHHHH_ escapes for characters XML cannot hold. */
function decodeXml(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, entity: string) => {
      switch (entity.toLowerCase()) {
        case 'lt':
          return '<';
        case 'gt':
          return '>';
        case 'amp':
          return '&';
        case 'quot':
          return '"';
        case 'apos':
          return "'";
        default: {
          const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
          return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
        }
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
