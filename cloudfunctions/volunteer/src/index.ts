import { volunteerActions } from '@linli/types/actions/volunteer';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { me, register } from './handlers/registration';
import { detail, registrations, setCore } from './handlers/registrations';
import { review } from './handlers/review';
import { shiftRoster } from './handlers/shift-roster';
import { cancelSignUp, shifts, signUp } from './handlers/shifts';
import { joinTeam, leaveTeam, setTeamLeader } from './handlers/team-membership';
import { createTeam, teamMembers, teams } from './handlers/teams';

/** volunteer: registration and review, teams, shifts (an activity's volunteer roles). */
export const main = createFunction('volunteer', volunteerActions, {
  register,
  me,
  registrations,
  detail,
  review,
  setCore,
  teams,
  createTeam,
  teamMembers,
  setTeamLeader,
  joinTeam,
  leaveTeam,
  shifts,
  signUp,
  cancelSignUp,
  shiftRoster,
});
