import type { Contract, ContractSummary } from '@linli/types/entities/indicator-report';
import type { ContractDraft } from '@linli/types/entities/indicators';
import type { FieldError } from '@linli/types/errors';
import { indicatorProblem } from '../../_shared/domain/indicators';
import { AppError } from '../../_shared/runtime/app-error';
import { contractsRepository, type ContractDoc, type ContractFields } from '../../_shared/repositories/contracts';
import { stationsRepository, type StationDoc } from '../../_shared/repositories/stations';

/**
 * Contracts as the indicators function keeps them: loaded only within the caller's station
 * (another station's is NOT_FOUND, like one that does not exist), checked against the station's
 * 片区 and communities before anything is written, and shown as the contract types say.
 */

export async function loadStation(stationId: string): Promise<StationDoc> {
  const station = await stationsRepository.findById(stationId);
  if (!station) throw new AppError('NOT_FOUND', '未找到所在的社工站');
  return station;
}

export async function loadContract(contractId: string, stationId: string): Promise<ContractDoc> {
  const contract = await contractsRepository.findById(contractId);
  if (!contract || contract.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该合同');
  return contract;
}

export function assertActive(contract: ContractDoc): void {
  if (contract.status === 'archived') throw new AppError('CONTRACT_ARCHIVED');
}

/**
 * The draft's 片区 and communities must be the station's, and every indicator must be one the
 * engine can count as written. All problems are reported at once, each at its field, and
 * nothing is written.
 */
export function checkDraft(draft: ContractDraft, station: StationDoc, prefix = 'draft'): ContractFields {
  const areaIds = new Set(station.areas.map((a) => a.id));
  const communityIds = new Set(station.communities.map((c) => c.id));
  const fields: FieldError[] = [];
  draft.areaIds.forEach((id, i) => {
    if (!areaIds.has(id)) fields.push({ path: `${prefix}.areaIds.${i}`, message: '不是本站的片区' });
  });
  const inScope = draft.areaIds.length > 0 ? new Set(draft.areaIds) : areaIds;
  draft.indicators.forEach((indicator, i) => {
    const at = `${prefix}.indicators.${i}`;
    for (const areaId of Object.keys(indicator.targets.byArea)) {
      if (!inScope.has(areaId))
        fields.push({ path: `${at}.targets.byArea.${areaId}`, message: '片区不在本合同范围内' });
    }
    indicator.filter.communityIds.forEach((id, j) => {
      if (!communityIds.has(id)) fields.push({ path: `${at}.filter.communityIds.${j}`, message: '不是本站的社区' });
    });
    const problem = indicatorProblem(indicator);
    if (problem) fields.push({ path: at, message: `${indicator.name}：${problem}` });
  });
  if (fields.length > 0) throw new AppError('INVALID_INPUT', fields[0]!.message, fields);
  return {
    name: draft.name,
    purchaser: draft.purchaser,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    areaIds: draft.areaIds,
    settings: draft.settings,
    indicators: draft.indicators,
  };
}

export function toContractSummary(doc: ContractDoc): ContractSummary {
  return {
    id: doc._id,
    name: doc.name,
    purchaser: doc.purchaser,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    status: doc.status,
    indicatorCount: doc.indicators.length,
    version: doc.version,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function toContract(doc: ContractDoc): Contract {
  return {
    ...toContractSummary(doc),
    areaIds: doc.areaIds,
    settings: doc.settings,
    indicators: doc.indicators,
    ...(doc.templateId ? { templateId: doc.templateId } : {}),
  };
}

/** The 片区 columns of a contract's table: its own, else all of the station's, in the station's order. */
export function contractAreas(
  contract: Pick<ContractDoc, 'areaIds'>,
  station: StationDoc,
): { id: string; name: string }[] {
  const areas = station.areas.map((a) => ({ id: a.id, name: a.name }));
  return contract.areaIds.length > 0 ? areas.filter((a) => contract.areaIds.includes(a.id)) : areas;
}
