import { strFromU8, unzipSync } from 'fflate';

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The first sheet of an xlsx file as rows of cell values (strings from the shared strings, numbers
 * as numbers, empty cells as null), enough to check what write-excel-file wrote. read-excel-file
 * is not installed; this reads the two XML parts it would.
 */
export function readSheet(content: Uint8Array): (string | number | null)[][] {
  const bytes = new Uint8Array(content);
  if (strFromU8(bytes.subarray(0, 4), true) !== 'PK\u0003\u0004') throw new Error('not a zip file');
  const files = unzipSync(bytes);
  const shared = [
    ...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map(([, si]) => unescape([...si!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(([, t]) => t).join('')));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(([, row]) => {
    const cells: (string | number | null)[] = [];
    for (const [, ref, attrs, body] of row!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const column = ref!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      while (cells.length < column) cells.push(null);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body ?? '')?.[1];
      cells.push(v === undefined ? null : / t="s"/.test(attrs!) ? shared[Number(v)]! : Number(v));
    }
    return cells;
  });
}
