import { z } from 'zod';
import { contractSettingsSchema, indicatorSchema } from '@linli/types/entities/indicators';
import { db, _ } from '../runtime/cloud';
import { narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'contracts';

/**
 * A station's purchase contract (项目合同) with its indicators as data (types/entities/indicators.ts).
 * Edits are conditional on `version`, so two admins editing at once cannot silently overwrite each
 * other; archiving keeps the document (evaluators may ask about last year's contract).
 */
export const contractDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  name: z.string(),
  purchaser: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  areaIds: z.array(z.string()),
  settings: contractSettingsSchema,
  indicators: z.array(indicatorSchema),
  status: z.enum(['active', 'archived']),
  version: z.number().int().min(1),
  templateId: z.string().optional(),
  createdBy: z.string(),
  createdAt: storedDate,
  updatedBy: z.string(),
  updatedAt: storedDate,
  archivedAt: storedDate.optional(),
  demo: z.boolean().optional(),
});
export type ContractDoc = z.output<typeof contractDocSchema>;

/** The fields an edit replaces. */
export type ContractFields = Pick<
  ContractDoc,
  'name' | 'purchaser' | 'periodStart' | 'periodEnd' | 'areaIds' | 'settings' | 'indicators'
>;

/** A station keeps a contract per year and purchaser: dozens over the years, never thousands. */
const MAX_CONTRACTS = 500;

export const contractsRepository = {
  async findById(id: string): Promise<ContractDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(contractDocSchema, data[0], 'contract') : null;
  },

  async insert(doc: ContractDoc): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...doc } });
  },

  /** A station's contracts, latest period first. */
  async forStation(stationId: string, includeArchived: boolean): Promise<ContractDoc[]> {
    const where = includeArchived ? { stationId } : { stationId, status: 'active' };
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where(where)
            .orderBy('periodStart', 'desc')
            .orderBy('_id', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      MAX_CONTRACTS,
    );
    return narrowAll(contractDocSchema, raws, 'contract');
  },

  /** Replaces the contract's content if it is still the version read and not archived; false otherwise. */
  async update(id: string, version: number, fields: ContractFields, by: string, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, version, status: 'active' })
      .update({
        data: {
          ...fields,
          areaIds: _.set(fields.areaIds),
          settings: _.set(fields.settings),
          indicators: _.set(fields.indicators),
          version: version + 1,
          updatedBy: by,
          updatedAt: now,
        },
      });
    return stats.updated === 1;
  },

  /** Archives an active contract; false if it was archived already. */
  async archive(id: string, by: string, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, status: 'active' })
      .update({ data: { status: 'archived', archivedAt: now, updatedBy: by, updatedAt: now, version: _.inc(1) } });
    return stats.updated === 1;
  },
};
