import type { DayRange } from '../../_shared/domain/indicator-periods';
import { AppError } from '../../_shared/runtime/app-error';
import { contractsRepository, type ContractDoc } from '../../_shared/repositories/contracts';
import { stationsRepository, type StationDoc } from '../../_shared/repositories/stations';
// The indicator engine's loader (roll-ups for closed months, live for the rest): the exports
// count exactly what the dashboard counts. It lives with the indicators function; the bundler
// packs it into ledger too.
import { loadContractFacts, type ContractFacts } from '../../_shared/queries/contract-facts';
import { contractAreas } from '../../indicators/src/contracts';

export interface ContractPeriod extends ContractFacts {
  contract: ContractDoc;
  station: StationDoc;
  /** The contract's 片区 columns, in the station's order. */
  areas: { id: string; name: string }[];
  range: DayRange;
}

/**
 * A contract of the caller's station (another station's is NOT_FOUND, as if it did not exist)
 * and the report's days, which must lie inside the contract's period: the facts the engine loads
 * cover that period and nothing else.
 */
export async function loadContractPeriod(
  stationId: string,
  contractId: string,
  range: DayRange,
  now: Date,
): Promise<ContractPeriod> {
  const [contract, station] = await Promise.all([
    contractsRepository.findById(contractId),
    stationsRepository.findById(stationId),
  ]);
  if (!contract || contract.stationId !== stationId || !station) throw new AppError('NOT_FOUND', '未找到该合同');
  const period = `${contract.periodStart}至${contract.periodEnd}`;
  const fields = [
    ...(range.from < contract.periodStart ? [{ path: 'fromDate', message: `须在合同期（${period}）内` }] : []),
    ...(range.to > contract.periodEnd ? [{ path: 'toDate', message: `须在合同期（${period}）内` }] : []),
  ];
  if (fields.length > 0) throw new AppError('INVALID_INPUT', `导出的期间须在合同期（${period}）内`, fields);
  const facts = await loadContractFacts(contract, station, now);
  return { ...facts, contract, station, areas: contractAreas(contract, station), range };
}
