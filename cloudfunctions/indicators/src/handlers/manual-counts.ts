import { randomBytes } from 'node:crypto';
import type { ManualCount } from '@linli/types/entities/indicator-report';
import { dayOf } from '../../../_shared/domain/indicator-periods';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { assertOwnUpload } from '../../../_shared/runtime/uploads';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import type { ContractDoc } from '../../../_shared/repositories/contracts';
import {
  manualCountsRepository,
  manualVersionId,
  type ManualCountDoc,
} from '../../../_shared/repositories/manual-counts';
import type { StationDoc } from '../../../_shared/repositories/stations';
import { assertActive, contractAreas, loadContract, loadStation } from '../contracts';

/**
 * Manual counts: the numbers no record in the app holds (宣传册派发本数, 媒体报道篇数, 建档份数 …),
 * entered by staff with the evidence they rest on. Every entry and every correction is kept with
 * who and when; only each record's latest version counts.
 */
const STAFF = ['social_worker', 'admin'] as const;

const toHundredths = (value: number): number => Math.round(value * 100);

function areaNameOf(station: StationDoc): (areaId: string | null) => string | null {
  return (areaId) => (areaId === null ? null : (station.areas.find((a) => a.id === areaId)?.name ?? areaId));
}

function toManualCount(
  doc: ManualCountDoc,
  current: boolean,
  areaName: (id: string | null) => string | null,
): ManualCount {
  return {
    id: doc._id,
    rootId: doc.rootId,
    version: doc.version,
    contractId: doc.contractId,
    indicatorId: doc.indicatorId,
    areaId: doc.areaId,
    areaName: areaName(doc.areaId),
    date: doc.date,
    value: doc.hundredths / 100,
    note: doc.note,
    photoFileIds: doc.photoFileIds,
    recordedByName: doc.recordedByName,
    recordedAt: doc.recordedAt.toISOString(),
    ...(doc.reason ? { reason: doc.reason } : {}),
    current,
  };
}

/** The record's indicator, 片区 and date must fit the contract; a date cannot be in the future. */
function checkPlacement(
  contract: ContractDoc,
  station: StationDoc,
  entry: { indicatorId: string; areaId: string | null; date: string },
  now: Date,
): void {
  const indicator = contract.indicators.find((i) => i.id === entry.indicatorId);
  if (!indicator) throw new AppError('NOT_FOUND', '合同中没有这个指标');
  if (indicator.measure !== 'manual_count') {
    throw new AppError('INVALID_INPUT', '该指标由系统根据记录自动统计，不能手工填报', [
      { path: 'indicatorId', message: '不是手工填报的指标' },
    ]);
  }
  if (entry.areaId !== null && !contractAreas(contract, station).some((a) => a.id === entry.areaId)) {
    throw new AppError('INVALID_INPUT', '片区不在本合同范围内', [{ path: 'areaId', message: '片区不在本合同范围内' }]);
  }
  if (entry.date < contract.periodStart || entry.date > contract.periodEnd) {
    const message = `日期须在合同期内（${contract.periodStart} 至 ${contract.periodEnd}）`;
    throw new AppError('INVALID_INPUT', message, [{ path: 'date', message }]);
  }
  if (entry.date > dayOf(now)) {
    throw new AppError('INVALID_INPUT', '不能填报未来日期的数量', [{ path: 'date', message: '不能晚于今天' }]);
  }
}

export const recordCount = defineAction('indicators', 'recordCount', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle(input, { caller, now }) {
    const [contract, station] = await Promise.all([
      loadContract(input.contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    assertActive(contract);
    checkPlacement(contract, station, input, now);
    // Evidence photos must be the caller's own uploads: nobody attaches someone else's file.
    input.photoFileIds.forEach((fileId, i) => assertOwnUpload(fileId, caller._id, `photoFileIds.${i}`));
    const rootId = `mc_${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;
    const doc: ManualCountDoc = {
      _id: rootId,
      rootId,
      version: 1,
      stationId: caller.stationId,
      contractId: contract._id,
      indicatorId: input.indicatorId,
      areaId: input.areaId,
      date: input.date,
      hundredths: toHundredths(input.value),
      note: input.note,
      photoFileIds: input.photoFileIds,
      recordedBy: caller._id,
      recordedByName: caller.name,
      recordedAt: now,
    };
    if (!(await manualCountsRepository.insert(doc))) {
      console.error('[indicators] a new manual count id was taken');
      throw new AppError('INTERNAL');
    }
    return toManualCount(doc, true, areaNameOf(station));
  },
});

export const correctCount = defineAction('indicators', 'correctCount', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ rootId, version, value, note, photoFileIds, reason }, { caller, now }) {
    photoFileIds?.forEach((fileId, i) => assertOwnUpload(fileId, caller._id, `photoFileIds.${i}`));
    const versions = await manualCountsRepository.versionsOf(rootId);
    const latest = versions.at(-1);
    if (!latest || latest.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到该填报记录');
    const [contract, station] = await Promise.all([
      loadContract(latest.contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    assertActive(contract);
    const stale = () => new AppError('CONFLICT', '这条记录刚被他人更正，请刷新后再改');
    if (latest.version !== version) throw stale();
    const next: ManualCountDoc = {
      ...latest,
      _id: manualVersionId(rootId, version + 1),
      version: version + 1,
      hundredths: toHundredths(value),
      note: note ?? latest.note,
      photoFileIds: photoFileIds ?? latest.photoFileIds,
      recordedBy: caller._id,
      recordedByName: caller.name,
      recordedAt: now,
      correctionOf: latest._id,
      reason,
    };
    // The version's id is derived: of two corrections of the same version, one is inserted.
    if (!(await manualCountsRepository.insert(next))) throw stale();
    return toManualCount(next, true, areaNameOf(station));
  },
});

export const counts = defineAction('indicators', 'counts', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ contractId, indicatorId }, { caller }) {
    const [contract, station] = await Promise.all([
      loadContract(contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    const docs = await manualCountsRepository.forContract(contract._id, indicatorId);
    return { items: manualCountViews(docs, areaNameOf(station)) };
  },
});

/**
 * Every version, newest record first and each record's versions newest first; `current` marks
 * the version that counts.
 */
export function manualCountViews(
  docs: readonly ManualCountDoc[],
  areaName: (id: string | null) => string | null,
): ManualCount[] {
  const latest = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const d of docs) {
    latest.set(d.rootId, Math.max(latest.get(d.rootId) ?? 0, d.version));
    if (d.version === 1) firstAt.set(d.rootId, d.recordedAt.getTime());
  }
  return [...docs]
    .sort(
      (a, b) =>
        (firstAt.get(b.rootId) ?? 0) - (firstAt.get(a.rootId) ?? 0) ||
        a.rootId.localeCompare(b.rootId) ||
        b.version - a.version,
    )
    .map((d) => toManualCount(d, latest.get(d.rootId) === d.version, areaName));
}

export { areaNameOf };
