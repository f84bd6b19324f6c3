import { indicatorsActions } from '@linli/types/actions/indicators';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { archiveContract, contract, contracts, createContract, updateContract } from './handlers/contracts';
import { dashboard } from './handlers/dashboard';
import { drillDown } from './handlers/drill-down';
import { correctCount, counts, recordCount } from './handlers/manual-counts';
import { driftCheck, recompute } from './handlers/rollups';
import { createFromTemplate, templates } from './handlers/templates';

/** indicators: contracts, manual counts and the completion table (docs/indicators.md). */
export const main = createFunction('indicators', indicatorsActions, {
  contracts,
  contract,
  createContract,
  updateContract,
  archiveContract,
  templates,
  createFromTemplate,
  recordCount,
  correctCount,
  counts,
  dashboard,
  drillDown,
  recompute,
  driftCheck,
});
