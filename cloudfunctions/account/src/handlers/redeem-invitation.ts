import { defineAction } from '../../../_shared/runtime/dispatcher';
import { invitationsRepository } from '../../../_shared/repositories/invitations';
import { toProfile } from '../../../_shared/views/profile';

/** A registered user becomes a social worker (or director) of the inviting station. */
export const redeemInvitation = defineAction('account', 'redeemInvitation', {
  access: 'registered',
  scope: 'none',
  writes: true,
  async handle({ code }, { caller, now }) {
    return toProfile(await invitationsRepository.redeem(code, caller, now));
  },
});
