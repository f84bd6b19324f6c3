import path from 'node:path';
import '@linli/types/zod-locale';
import { clock } from '../cloudfunctions/_shared/runtime/clock';
import { parseArgs, UsageError, USAGE, type Command } from './args';
import { importContract } from './commands/import-contract';
import { importRecords, summaryLines } from './commands/import-records';
import { refreshRollups } from './commands/refresh-rollups';
import { report, ReportRefused } from './commands/report';
import { dataDirOf, DatabaseUnavailable, openDatabase } from './database';
import { formatRowError, type RowError } from './import/sheet';
import { consoleOutput, type Output } from './output';

/**
 * `npx linli <command>` (bin/linli.js runs this through tsx). Exit codes: 0 done, 1 the input had
 * problems (nothing was written), 2 the command could not run (usage, database in use or
 * missing, a file missing).
 */
export async function main(argv: readonly string[], out: Output = consoleOutput()): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  try {
    switch (command.name) {
      case 'help':
        out.result(USAGE);
        return 0;
      case 'import':
        return path.extname(command.file).toLowerCase() === '.json'
          ? await runContractImport(command, out)
          : await runImport(command, out);
      case 'report':
        return await runReport(command, out);
    }
  } catch (error) {
    if (error instanceof DatabaseUnavailable) {
      out.error(error.message);
      return 2;
    }
    if (error instanceof ReportRefused) {
      out.error(error.message);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      out.error(`找不到文件：${(error as NodeJS.ErrnoException).path ?? ''}`);
      return 2;
    }
    out.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

type ImportCommand = Extract<Command, { name: 'import' }>;

function printProblems(out: Output, file: string, errors: readonly RowError[]): number {
  out.error(`${path.basename(file)} 有 ${errors.length} 处问题，未导入任何记录：`);
  for (const error of errors) out.error(`  ${formatRowError(error)}`);
  return 1;
}

async function runImport(command: ImportCommand, out: Output): Promise<number> {
  const file = path.resolve(process.cwd(), command.file);
  const db = await openDatabase(dataDirOf(command.data));
  try {
    const now = clock.now();
    const result = await importRecords(db, file, {
      ...(command.station !== undefined ? { station: command.station } : {}),
      dryRun: command.dryRun,
      now,
      out,
    });
    if (!result.ok) return printProblems(out, file, result.errors);
    const refreshed = result.written > 0 ? await refreshRollups(db, result.stationId!, result.months!, now) : [];
    const name = path.basename(file);
    const heading = command.dryRun
      ? `校验通过（试运行，未写入）：${name}`
      : result.written === 0
        ? `没有新记录：${name} 的内容都已导入过`
        : `已导入 ${name}，写入 ${result.written} 条记录`;
    const lines = [heading, ...summaryLines(result.summary!)];
    if (refreshed.length > 0) lines.push(`  已重新汇总指标月份：${refreshed.join('、')}`);
    out.result(lines.join('\n'));
    return 0;
  } finally {
    await db.close();
  }
}

async function runContractImport(command: ImportCommand, out: Output): Promise<number> {
  const file = path.resolve(process.cwd(), command.file);
  const db = await openDatabase(dataDirOf(command.data));
  try {
    if (command.dryRun) {
      out.error('合同文件不支持 --dry-run');
      return 2;
    }
    const result = await importContract(db, file, {
      ...(command.station !== undefined ? { station: command.station } : {}),
      now: clock.now(),
    });
    if (!result.ok) return printProblems(out, file, result.errors);
    out.result(
      `${result.created ? '已导入合同' : '合同已存在，未改动'}：${result.name}\n合同编号：${result.contractId}` +
        `（用于 npx linli report --contract ${result.contractId}）`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function runReport(command: Extract<Command, { name: 'report' }>, out: Output): Promise<number> {
  const db = await openDatabase(dataDirOf(command.data));
  try {
    await report(db, {
      contract: command.contract,
      from: command.from,
      to: command.to,
      format: command.format,
      ...(command.out !== undefined ? { out: command.out } : {}),
      now: clock.now(),
      output: out,
    });
    return 0;
  } finally {
    await db.close();
  }
}
