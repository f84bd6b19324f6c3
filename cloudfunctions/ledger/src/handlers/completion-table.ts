import { defineAction } from '../../../_shared/runtime/dispatcher';
import { deliverFile } from '../../../_shared/runtime/generated-files';
import { loadCompletionTable } from '../completion';
import { completionFileName, completionWorkbook } from '../grid-xlsx';

/**
 * 指标完成情况统计表 as the evaluator's table (seed 004 附件1-1): per indicator 协议量, 完成量 and
 * 百分比, one row per 片区 and 合计, for any days inside the contract (a mid-term reads part of the
 * year). Staff of the contract's station only.
 */
export const completionTableAction = defineAction('ledger', 'completionTable', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ contractId, fromDate, toDate }, { caller, now }) {
    const table = await loadCompletionTable(caller.stationId, contractId, { from: fromDate, to: toDate }, now);
    const bytes = await completionWorkbook(table);
    return deliverFile(caller.stationId, { fileName: completionFileName(table), extension: 'xlsx', bytes }, now);
  },
});
