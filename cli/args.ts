/**
 * The command line's arguments: `linli <command> [positional] [--option value] [--flag]`.
 * Pure, so every refusal (unknown option, missing value, bad date) is tested without a process.
 */

export const REPORT_FORMATS = ['table', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type Command =
  | { name: 'help' }
  | { name: 'import'; file: string; data?: string; station?: string; dryRun: boolean }
  | {
      name: 'report';
      contract: string;
      from: string;
      to: string;
      format: ReportFormat;
      out?: string;
      data?: string;
    };

export const USAGE = `邻里 Linli 命令行（站长用）

用法:
  npx linli import <文件.xlsx|文件.csv|合同.json> [--station <社工站编号>] [--dry-run] [--data <目录>]
      导入历史台账（活动、签到、志愿者、志愿时长）或一份合同。先校验全部内容，有任何错误则一条也不导入；
      重复导入同一文件不会重复记录。格式见 docs/import.md。
  npx linli report --contract <合同编号> --from <YYYY-MM-DD> --to <YYYY-MM-DD>
                   [--format table|json|xlsx] [--out <文件>] [--data <目录>]
      指标完成情况表：每个指标按片区与合计的协议量、完成量、百分比。xlsx 须配合 --out。

数据库: 默认为 npm start 使用的数据库（环境变量 LINLI_DATA_DIR，默认 .linli-data）；--data 指定其他目录。
运行前请先停止 npm start：数据库同一时间只能由一个程序打开。`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UsageError extends Error {}

/** Splits argv into positionals and --options (`--name value` or `--name=value`). */
function split(argv: readonly string[], flags: readonly string[]) {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (options.has(name)) throw new UsageError(`选项 --${name} 重复`);
    if (flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不带值`);
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`选项 --${name} 缺少值`);
    }
    if (inline === undefined) i += 1;
    options.set(name, value);
  }
  return { positionals, options };
}

function take(options: Map<string, string | true>, allowed: readonly string[]): Record<string, string | true> {
  for (const name of options.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`不认识的选项 --${name}`);
  }
  return Object.fromEntries(options);
}

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { name: 'help' };
  switch (command) {
    case 'import': {
      const { positionals, options } = split(rest, ['dry-run']);
      const o = take(options, ['data', 'station', 'dry-run']);
      if (positionals.length !== 1) throw new UsageError('请给出一个要导入的文件：npx linli import <文件>');
      return {
        name: 'import',
        file: positionals[0]!,
        ...(typeof o.data === 'string' ? { data: o.data } : {}),
        ...(typeof o.station === 'string' ? { station: o.station } : {}),
        dryRun: o['dry-run'] === true,
      };
    }
    case 'report': {
      const { positionals, options } = split(rest, []);
      const o = take(options, ['contract', 'from', 'to', 'format', 'out', 'data']) as Record<string, string>;
      if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
      for (const name of ['contract', 'from', 'to']) {
        if (o[name] === undefined) throw new UsageError(`缺少 --${name}`);
      }
      for (const name of ['from', 'to']) {
        if (!DAY.test(o[name]!)) throw new UsageError(`--${name} 应为日期，如 2024-01-25`);
      }
      if (o.to! < o.from!) throw new UsageError('--to 不能早于 --from');
      const format = (o.format ?? 'table') as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) throw new UsageError('--format 只能是 table、json 或 xlsx');
      if (format === 'xlsx' && o.out === undefined) throw new UsageError('xlsx 格式须用 --out 指定保存的文件');
      return {
        name: 'report',
        contract: o.contract!,
        from: o.from!,
        to: o.to!,
        format,
        ...(o.out !== undefined ? { out: o.out } : {}),
        ...(o.data !== undefined ? { data: o.data } : {}),
      };
    }
    default:
      throw new UsageError(`没有命令 ${command}（可用：import、report、help）`);
  }
}
