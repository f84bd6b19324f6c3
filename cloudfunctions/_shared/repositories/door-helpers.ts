import { z } from 'zod';
import { db } from '../runtime/cloud';
import { narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'door_helpers';

/**
 * A volunteer allowed to scan personal codes at one activity (pretix's "device" idea, per
 * person): `_id` is `<activityId>.<openid>`; revoking keeps the record with the time.
 */
export const doorHelperDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  openid: z.string(),
  grantedBy: z.string(),
  grantedAt: storedDate,
  revokedAt: storedDate.optional(),
});
export type DoorHelperDoc = z.output<typeof doorHelperDocSchema>;

export const doorHelperId = (activityId: string, openid: string) => `${activityId}.${openid}`;

export const doorHelpersRepository = {
  async isActive(activityId: string, openid: string): Promise<boolean> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: doorHelperId(activityId, openid) })
      .limit(1)
      .get();
    return !!data[0] && !narrow(doorHelperDocSchema, data[0], 'door helper').revokedAt;
  },
  async grant(doc: DoorHelperDoc): Promise<void> {
    const { _id, ...fields } = doc;
    await db.collection(COLLECTION).doc(_id).set({ data: fields });
  },
  async revoke(activityId: string, openid: string, at: Date): Promise<void> {
    await db
      .collection(COLLECTION)
      .where({ _id: doorHelperId(activityId, openid) })
      .update({ data: { revokedAt: at } });
  },
  async forActivity(activityId: string): Promise<DoorHelperDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ activityId }).limit(100).get();
    return narrowAll(doorHelperDocSchema, data, 'door helper').filter((d) => !d.revokedAt);
  },
  async forHelper(openid: string): Promise<DoorHelperDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ openid }).orderBy('grantedAt', 'desc').limit(50).get();
    return narrowAll(doorHelperDocSchema, data, 'door helper').filter((d) => !d.revokedAt);
  },
};
