import { z } from 'zod';
import { db } from '../runtime/cloud';
import { narrow, narrowAll, storedDate } from './sdk';
import { userDocSchema, type UserDoc } from './users';
import { AppError } from '../runtime/app-error';
import { invitationProblem, rolesAfterRedeem } from '../domain/invitations';

const COLLECTION = 'invitations';

export const invitationDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  role: z.enum(['social_worker', 'admin']),
  createdBy: z.string(),
  createdAt: storedDate,
  expiresAt: storedDate,
  usedBy: z.string().optional(),
  usedAt: storedDate.optional(),
});
export type InvitationDoc = z.output<typeof invitationDocSchema>;

export const invitationsRepository = {
  /** Inserts with the code as _id: a clash (1 in ~10^11) surfaces as a duplicate-key error. */
  async create(doc: InvitationDoc): Promise<void> {
    const { _id, ...data } = doc;
    await db.collection(COLLECTION).add({ data: { _id, ...data } });
  },

  /** The latest 100 invitations of a station: older ones are history nobody pages through. */
  async listRecent(stationId: string): Promise<InvitationDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ stationId }).orderBy('createdAt', 'desc').limit(100).get();
    return narrowAll(invitationDocSchema, data, 'invitation');
  },

  /**
   * Redeems a code in one transaction: the invitation is marked used and the user's roles and
   * station change together, or neither does. Two people racing for one code: the transaction's
   * conflict detection lets one win; the other sees INVITATION_USED on retry.
   */
  async redeem(code: string, user: UserDoc, now: Date): Promise<UserDoc> {
    return db.runTransaction(async (transaction) => {
      const invitations = transaction.collection(COLLECTION);
      let invitation: InvitationDoc | null;
      try {
        const { data } = await invitations.doc(code).get();
        invitation = narrow(invitationDocSchema, data, 'invitation');
      } catch (error) {
        if (error instanceof AppError) throw error;
        invitation = null; // doc(id).get() throws when there is no such document
      }
      const problem = invitationProblem(invitation, now);
      if (problem || !invitation) throw new AppError(problem ?? 'INVITATION_INVALID');

      const roles = rolesAfterRedeem(user.roles, user.stationId, invitation);
      // Moving to another station: the old community belongs to the old station.
      const communityId = invitation.stationId === user.stationId ? user.communityId : null;
      await invitations.doc(code).update({ data: { usedBy: user._id, usedAt: now } });
      await transaction
        .collection('users')
        .doc(user._id)
        .update({ data: { roles, stationId: invitation.stationId, communityId, updatedAt: now } });
      return narrow(
        userDocSchema,
        { ...user, roles, stationId: invitation.stationId, communityId, updatedAt: now },
        'user',
      );
    });
  },
};
