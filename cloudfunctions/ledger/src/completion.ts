import { completionRows, type CompletionTable } from '../../_shared/domain/completion-table';
import type { DayRange } from '../../_shared/domain/indicator-periods';
import { loadContractPeriod } from './contract-period';

/**
 * The completion table of a contract for some days: the same numbers as the dashboard (the
 * engine's facts and cells), laid out for the evaluator. Shared by ledger.completionTable and the
 * command line's `report` (which reads the same database through the same repositories).
 */
export async function loadCompletionTable(
  stationId: string,
  contractId: string,
  range: DayRange,
  now: Date,
): Promise<CompletionTable> {
  const { contract, station, areas, ctx, facts } = await loadContractPeriod(stationId, contractId, range, now);
  return {
    stationName: station.name,
    contractName: contract.name,
    range,
    areas,
    indicators: completionRows(
      contract.indicators,
      ctx,
      facts,
      areas.map((a) => a.id),
      range,
      now,
    ),
  };
}
