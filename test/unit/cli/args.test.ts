import { parseArgs, UsageError } from '../../../cli/args';

describe('parseArgs', () => {
  it('reads import with its file and options', () => {
    expect(parseArgs(['import', '台账.xlsx', '--station', 'st-lingnan', '--dry-run', '--data=./db'])).toEqual({
      name: 'import',
      file: '台账.xlsx',
      station: 'st-lingnan',
      data: './db',
      dryRun: true,
    });
  });

  it('reads report with its days, defaulting to a table', () => {
    expect(parseArgs(['report', '--contract', 'ct-1', '--from', '2024-01-25', '--to', '2024-04-30'])).toEqual({
      name: 'report',
      contract: 'ct-1',
      from: '2024-01-25',
      to: '2024-04-30',
      format: 'table',
    });
  });

  it('is help without a command', () => {
    expect(parseArgs([])).toEqual({ name: 'help' });
    expect(parseArgs(['--help'])).toEqual({ name: 'help' });
  });

  it.each([
    [['export'], '没有命令 export（可用：import、report、help）'],
    [['import'], '请给出一个要导入的文件：npx linli import <文件>'],
    [['import', 'a.xlsx', '--stations', 'x'], '不认识的选项 --stations'],
    [['import', 'a.xlsx', '--station'], '选项 --station 缺少值'],
    [['import', 'a.xlsx', '--dry-run=yes'], '选项 --dry-run 不带值'],
    [['report', '--contract', 'c', '--from', '2024-01-25'], '缺少 --to'],
    [['report', '--contract', 'c', '--from', '2024/1/25', '--to', '2024-04-30'], '--from 应为日期，如 2024-01-25'],
    [['report', '--contract', 'c', '--from', '2024-04-30', '--to', '2024-01-25'], '--to 不能早于 --from'],
    [
      ['report', '--contract', 'c', '--from', '2024-01-25', '--to', '2024-04-30', '--format', 'pdf'],
      '--format 只能是 table、json 或 xlsx',
    ],
    [
      ['report', '--contract', 'c', '--from', '2024-01-25', '--to', '2024-04-30', '--format', 'xlsx'],
      'xlsx 格式须用 --out 指定保存的文件',
    ],
    [
      ['report', '--contract', 'c', '--contract', 'd', '--from', '2024-01-25', '--to', '2024-04-30'],
      '选项 --contract 重复',
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});
