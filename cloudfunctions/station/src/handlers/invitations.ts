import { randomBytes } from 'node:crypto';
import type { Invitation } from '@linli/types/entities/user';
import { INVITATION_TTL_MS, invitationCodeFromBytes } from '../../../_shared/domain/invitations';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { invitationsRepository, type InvitationDoc } from '../../../_shared/repositories/invitations';

const toInvitation = (doc: InvitationDoc): Invitation => ({
  code: doc._id,
  stationId: doc.stationId,
  role: doc.role,
  expiresAt: doc.expiresAt.toISOString(),
  ...(doc.usedBy ? { usedBy: doc.usedBy } : {}),
  ...(doc.usedAt ? { usedAt: doc.usedAt.toISOString() } : {}),
});

/** One-time code that makes whoever redeems it staff of the admin's station. */
export const createInvitation = defineAction('station', 'createInvitation', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ role }, { caller, now }) {
    const doc: InvitationDoc = {
      _id: invitationCodeFromBytes(randomBytes(8)),
      stationId: caller.stationId,
      role,
      createdBy: caller._id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await invitationsRepository.create(doc);
    return toInvitation(doc);
  },
});

export const listInvitations = defineAction('station', 'listInvitations', {
  access: ['admin'],
  scope: 'station',
  writes: false,
  async handle(_input, { caller }) {
    return { items: (await invitationsRepository.listRecent(caller.stationId)).map(toInvitation) };
  },
});
