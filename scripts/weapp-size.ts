/**
 * Sizes of the WeChat build (dist/weapp): the main package, each subpackage and the total, as
 * WeChat counts them when uploading — every file under the package's root, except what is
 * never uploaded (webpack's *.LICENSE.txt and source maps, which no page references).
 *
 * Budgets: main package ≤ 1 MB (WeChat's hard limit is 2 MB; the first screen downloads it all),
 * every package ≤ 2 MB and all together ≤ 20 MB (WeChat's limits). The main budget holds *with
 * every resident page in it*: the only subpackages allowed are those of a role a resident has to
 * be given (staff, volunteer). Exits 1 when a budget or that rule is broken, 2 when there is no
 * build. `npm test` runs it after building, so CI fails on a breach.
 *
 * Usage: tsx scripts/weapp-size.ts [--json [file]] [--dir dist/weapp]
 *   --json        print the figures as JSON instead of the table
 *   --json file   write the figures to `file` and print the table
 */
import fs from 'node:fs';
import path from 'node:path';

export const MAIN_BUDGET = 1024 * 1024;
export const PACKAGE_BUDGET = 2 * 1024 * 1024;
export const TOTAL_BUDGET = 20 * 1024 * 1024;
/** Subpackages of pages a resident never sees unless given the role; anything else is a resident page. */
export const ROLE_SUBPACKAGES: readonly string[] = ['subpackages/staff', 'subpackages/volunteer'];

export interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  files: number;
  budget: number;
}
export interface WeappSizes {
  dir: string;
  packages: PackageSize[];
  totalBytes: number;
  /** Packages over their budget, and 'total' when everything together is over 20 MB. */
  overBudget: string[];
  /** Subpackages that are not a role's: resident pages that left the main package. */
  residentSubpackages: string[];
}

const NOT_UPLOADED = /(\.LICENSE\.txt|\.map)$/;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

interface AppJson {
  subPackages?: { root: string; name?: string }[];
  subpackages?: { root: string; name?: string }[];
}

export function measureWeapp(dir: string): WeappSizes {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
  const subpackages = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => ({
    name: sub.name ?? sub.root,
    root: sub.root.replace(/\/+$/, ''),
  }));
  const packages: PackageSize[] = [
    { name: 'main', root: '', bytes: 0, files: 0, budget: MAIN_BUDGET },
    ...subpackages.map((sub) => ({ ...sub, bytes: 0, files: 0, budget: PACKAGE_BUDGET })),
  ];
  for (const file of listFiles(dir)) {
    const relative = path.relative(dir, file).split(path.sep).join('/');
    if (NOT_UPLOADED.test(relative)) continue;
    const owner = packages.find((pkg) => pkg.root && relative.startsWith(`${pkg.root}/`)) ?? packages[0]!;
    owner.bytes += fs.statSync(file).size;
    owner.files += 1;
  }
  const totalBytes = packages.reduce((sum, pkg) => sum + pkg.bytes, 0);
  return {
    dir,
    packages,
    totalBytes,
    overBudget: [
      ...packages.filter((pkg) => pkg.bytes > pkg.budget).map((pkg) => pkg.name),
      ...(totalBytes > TOTAL_BUDGET ? ['total'] : []),
    ],
    residentSubpackages: subpackages.map((sub) => sub.root).filter((root) => !ROLE_SUBPACKAGES.includes(root)),
  };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

export function formatTable(sizes: WeappSizes): string {
  const rows = [
    ['package', 'root', 'files', 'bytes', 'KB', 'budget KB', ''],
    ...sizes.packages.map((pkg) => [
      pkg.name,
      pkg.root || '/',
      String(pkg.files),
      String(pkg.bytes),
      kb(pkg.bytes),
      kb(pkg.budget),
      pkg.bytes > pkg.budget ? 'OVER' : 'ok',
    ]),
    [
      'total',
      '',
      String(sizes.packages.reduce((n, pkg) => n + pkg.files, 0)),
      String(sizes.totalBytes),
      kb(sizes.totalBytes),
      '',
      '',
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}

function main(argv: string[]): number {
  const dirFlag = argv.indexOf('--dir');
  const dir = path.resolve(
    dirFlag >= 0 && argv[dirFlag + 1] ? argv[dirFlag + 1]! : path.join(__dirname, '..', 'dist', 'weapp'),
  );
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    console.error(`no weapp build in ${dir}: run \`taro build --type weapp\` first`);
    return 2;
  }
  const sizes = measureWeapp(dir);
  const jsonFlag = argv.indexOf('--json');
  const jsonFile =
    jsonFlag >= 0 && argv[jsonFlag + 1] && !argv[jsonFlag + 1]!.startsWith('--') ? argv[jsonFlag + 1] : undefined;
  const figures = JSON.stringify({ ...sizes, dir: path.relative(process.cwd(), dir) || '.' }, null, 2);
  if (jsonFlag >= 0 && !jsonFile) {
    console.log(figures);
  } else {
    console.log(formatTable(sizes));
    if (jsonFile) fs.writeFileSync(jsonFile, `${figures}\n`);
  }
  let exitCode = 0;
  if (sizes.overBudget.length > 0) {
    console.error(
      `over budget: ${sizes.overBudget.join(', ')} (main ≤ ${kb(MAIN_BUDGET)} KB, each package ≤ ${kb(PACKAGE_BUDGET)} KB, total ≤ ${kb(TOTAL_BUDGET)} KB)`,
    );
    exitCode = 1;
  }
  if (sizes.residentSubpackages.length > 0) {
    console.error(
      `resident pages outside the main package: ${sizes.residentSubpackages.join(', ')} (only ${ROLE_SUBPACKAGES.join(', ')} may be subpackages)`,
    );
    exitCode = 1;
  }
  return exitCode;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
