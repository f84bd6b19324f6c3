import { stationActions } from '@linli/types/actions/station';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { createInvitation, listInvitations } from './handlers/invitations';
import { listMembers } from './handlers/members';
import { searchResidents } from './handlers/residents';
import { addArea, addCommunity, get, renameArea, renameCommunity } from './handlers/structure';

/** station: the director's set-up of the station — areas, communities, staff invitations. */
export const main = createFunction('station', stationActions, {
  get,
  addArea,
  renameArea,
  addCommunity,
  renameCommunity,
  createInvitation,
  listInvitations,
  listMembers,
  searchResidents,
});
