import type { FunctionName } from '@linli/types/api';
import type { CloudFunctionMain } from '../../cloudfunctions/_shared/runtime/dispatcher';

/**
 * Every deployable function's `main`, loaded from its TypeScript source: the same code the
 * bundler packs for the cloud. Loaded lazily, after the cloud environment is configured, because
 * wx-server-sdk reads its settings at init. A test checks this map covers every function.
 */
const loaders: Record<FunctionName, () => CloudFunctionMain> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  account: () => require('../../cloudfunctions/account/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  station: () => require('../../cloudfunctions/station/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  surveys: () => require('../../cloudfunctions/surveys/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  activity: () => require('../../cloudfunctions/activity/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  checkin: () => require('../../cloudfunctions/checkin/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ledger: () => require('../../cloudfunctions/ledger/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  volunteer: () => require('../../cloudfunctions/volunteer/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hours: () => require('../../cloudfunctions/hours/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  indicators: () => require('../../cloudfunctions/indicators/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  feedback: () => require('../../cloudfunctions/feedback/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wishes: () => require('../../cloudfunctions/wishes/src/index').main,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  visits: () => require('../../cloudfunctions/visits/src/index').main,
};

const loaded = new Map<string, CloudFunctionMain>();

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(loaders, name);
}

export function loadFunction(name: FunctionName): CloudFunctionMain {
  let main = loaded.get(name);
  if (!main) {
    main = loaders[name]();
    loaded.set(name, main);
  }
  return main;
}

export const localFunctionNames = (): FunctionName[] => Object.keys(loaders) as FunctionName[];
