import { defineAction } from '../../../_shared/runtime/dispatcher';
import { normaliseRoles } from '../../../_shared/domain/roles';
import { usersRepository } from '../../../_shared/repositories/users';

/** The station's staff, for the admin: names and roles only, no contact details. */
export const listMembers = defineAction('station', 'listMembers', {
  access: ['admin'],
  scope: 'station',
  writes: false,
  async handle(_input, { caller }) {
    const staff = await usersRepository.listStaff(caller.stationId);
    return {
      items: staff.map((u) => ({
        openid: u._id,
        name: u.name,
        roles: normaliseRoles(u.roles),
        communityId: u.communityId,
      })),
    };
  },
});
