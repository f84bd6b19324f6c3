/** A cell as read from a file: text, a number (Excel keeps dates as serial day numbers), a boolean, or empty. */
export type Cell = string | number | boolean | null;

/** One sheet of a workbook (a CSV file is one sheet): rows of cells, the header row first. */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A problem with one cell (or row, when `column` is empty), shown to the person fixing the file. */
export interface RowError {
  sheet: string;
  /** The row number as the spreadsheet shows it (the header is row 1). 0: the sheet as a whole. */
  row: number;
  /** The column header as written in the file, or '' for the row or the sheet. */
  column: string;
  message: string;
}

/** "签到 第5行 手机号：…" — one line per problem, as the command line prints them. */
export function formatRowError(error: RowError): string {
  const where = [error.sheet ? `「${error.sheet}」` : '', error.row > 0 ? `第${error.row}行` : '', error.column]
    .filter(Boolean)
    .join(' ');
  return `${where}：${error.message}`;
}

/** In the file's order: sheet by sheet (as listed), row by row; one row's problems as found. */
export function sortRowErrors(errors: readonly RowError[], sheetOrder: readonly string[]): RowError[] {
  const order = new Map(sheetOrder.map((name, i) => [name, i]));
  return [...errors].sort(
    (a, b) => (order.get(a.sheet) ?? sheetOrder.length) - (order.get(b.sheet) ?? sheetOrder.length) || a.row - b.row,
  );
}
