import { visitsActions } from '@linli/types/actions/visits';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { addMember, checks, removeMember, setGender, team } from './handlers/team';

/** visits: who went on a home visit (探访人员), their gender, and the seed-000 staffing check. */
export const main = createFunction('visits', visitsActions, { team, addMember, removeMember, setGender, checks });
