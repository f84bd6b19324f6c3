import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contractsRepository } from '../../cloudfunctions/_shared/repositories/contracts';
import { AppError } from '../../cloudfunctions/_shared/runtime/app-error';
import { loadCompletionTable } from '../../cloudfunctions/ledger/src/completion';
import { completionWorkbook } from '../../cloudfunctions/ledger/src/grid-xlsx';
import type { LocalDatabase } from '../../local/db';
import type { ReportFormat } from '../args';
import { serveToSdk } from '../database';
import type { Output } from '../output';
import { reportJson, reportTable } from '../report/format';

export class ReportRefused extends Error {}

/**
 * `linli report`: the completion table of a contract for some days, computed by the same code as
 * the app's dashboard and the ledger export (cloudfunctions/ledger/src/completion.ts), reading the
 * database through the functions' own repositories (the SDK reads where the database is on every
 * call — local/cloud-env.ts — so serving it before the first read is enough).
 */
export async function report(
  db: LocalDatabase,
  options: {
    contract: string;
    from: string;
    to: string;
    format: ReportFormat;
    out?: string;
    now: Date;
    output: Output;
  },
): Promise<void> {
  const sdk = await serveToSdk(db);
  try {
    const contract = await contractsRepository.findById(options.contract);
    if (!contract) throw new ReportRefused(`数据库中没有编号为 ${options.contract} 的合同`);
    let table;
    try {
      table = await loadCompletionTable(
        contract.stationId,
        contract._id,
        { from: options.from, to: options.to },
        options.now,
      );
    } catch (error) {
      if (error instanceof AppError) throw new ReportRefused(error.message);
      throw error;
    }
    if (options.format === 'xlsx') {
      const file = path.resolve(process.cwd(), options.out!);
      writeFileSync(file, await completionWorkbook(table));
      options.output.result(`已保存 ${file}`);
      return;
    }
    const text =
      options.format === 'json' ? JSON.stringify(reportJson(table, contract._id), null, 2) : reportTable(table);
    if (options.out) {
      const file = path.resolve(process.cwd(), options.out);
      writeFileSync(file, `${text}\n`);
      options.output.result(`已保存 ${file}`);
    } else options.output.result(text);
  } finally {
    await sdk.close();
  }
}
