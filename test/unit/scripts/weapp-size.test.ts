import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAIN_BUDGET, measureWeapp } from '../../../scripts/weapp-size';

/** A fake WeChat build: app.json naming the subpackages, and files of the given sizes. */
function fakeBuild(subpackageRoots: string[], files: Record<string, number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-size-'));
  fs.writeFileSync(
    path.join(dir, 'app.json'),
    JSON.stringify({ pages: ['pages/index/index'], subPackages: subpackageRoots.map((root) => ({ root, pages: [] })) }),
  );
  for (const [file, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), Buffer.alloc(bytes));
  }
  return dir;
}

describe('weapp size check', () => {
  it('counts each file in the package whose root holds it, skipping what is never uploaded', () => {
    const dir = fakeBuild(['subpackages/staff'], {
      'app.js': 1000,
      'pages/index/index.js': 500,
      'subpackages/staff/pages/a/index.js': 300,
      'vendors.js.LICENSE.txt': 9999,
      'app.js.map': 9999,
    });
    const sizes = measureWeapp(dir);
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as object;
    const appBytes = JSON.stringify(app).length;
    expect(sizes.packages.map((p) => [p.name, p.bytes])).toEqual([
      ['main', 1500 + appBytes],
      ['subpackages/staff', 300],
    ]);
    expect(sizes.overBudget).toEqual([]);
    expect(sizes.residentSubpackages).toEqual([]);
  });

  it('fails a main package over 1 MB', () => {
    const sizes = measureWeapp(fakeBuild([], { 'vendors.js': MAIN_BUDGET + 1 }));
    expect(sizes.overBudget).toEqual(['main']);
  });

  it('fails a subpackage that is not a role’s: resident pages belong in the main package', () => {
    const sizes = measureWeapp(fakeBuild(['subpackages/staff', 'subpackages/volunteer', 'subpackages/wishes'], {}));
    expect(sizes.residentSubpackages).toEqual(['subpackages/wishes']);
  });
});
