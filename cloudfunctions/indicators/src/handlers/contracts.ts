import { randomBytes } from 'node:crypto';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { contractsRepository, type ContractDoc, type ContractFields } from '../../../_shared/repositories/contracts';
import type { UserDoc } from '../../../_shared/repositories/users';
import { assertActive, checkDraft, loadContract, loadStation, toContract, toContractSummary } from '../contracts';

/** Staff read contracts; only the 站长 writes them (the brief: targets are the admin's). */
const READERS = ['social_worker', 'admin'] as const;
const WRITERS = ['admin'] as const;

export const newContractId = (): string => `ct_${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;

/** Stores a new contract of the caller's station; a random id, so a clash is a bug, not a retry. */
export async function insertContract(fields: ContractFields, caller: UserDoc, now: Date, templateId?: string) {
  const doc: ContractDoc = {
    _id: newContractId(),
    stationId: caller.stationId,
    ...fields,
    status: 'active',
    version: 1,
    ...(templateId ? { templateId } : {}),
    createdBy: caller._id,
    createdAt: now,
    updatedBy: caller._id,
    updatedAt: now,
  };
  await contractsRepository.insert(doc);
  return toContract(doc);
}

export const contracts = defineAction('indicators', 'contracts', {
  access: READERS,
  scope: 'station',
  writes: false,
  async handle({ includeArchived }, { caller }) {
    const docs = await contractsRepository.forStation(caller.stationId, includeArchived);
    return { items: docs.map(toContractSummary) };
  },
});

export const contract = defineAction('indicators', 'contract', {
  access: READERS,
  scope: 'station',
  writes: false,
  async handle({ contractId }, { caller }) {
    return toContract(await loadContract(contractId, caller.stationId));
  },
});

export const createContract = defineAction('indicators', 'createContract', {
  access: WRITERS,
  scope: 'station',
  writes: true,
  async handle({ draft }, { caller, now }) {
    const fields = checkDraft(draft, await loadStation(caller.stationId));
    return insertContract(fields, caller, now);
  },
});

export const updateContract = defineAction('indicators', 'updateContract', {
  access: WRITERS,
  scope: 'station',
  writes: true,
  async handle({ contractId, version, draft }, { caller, now }) {
    const [before, station] = await Promise.all([
      loadContract(contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    assertActive(before);
    const fields = checkDraft(draft, station);
    if (
      before.version !== version ||
      !(await contractsRepository.update(contractId, version, fields, caller._id, now))
    ) {
      throw new AppError('CONFLICT', '合同已被他人修改，请刷新后再改');
    }
    return toContract(await loadContract(contractId, caller.stationId));
  },
});

export const archiveContract = defineAction('indicators', 'archiveContract', {
  access: WRITERS,
  scope: 'station',
  writes: true,
  async handle({ contractId }, { caller, now }) {
    const before = await loadContract(contractId, caller.stationId);
    // Archiving twice is archived once: the second call answers the archived contract.
    if (before.status === 'active') await contractsRepository.archive(contractId, caller._id, now);
    return toContract(await loadContract(contractId, caller.stationId));
  },
});
