// PLACEHOLDER (uncommitted): every action answers UNKNOWN_ACTION until its handler lands.
import { API, type FunctionName } from '@linli/types/api';
import { AppError } from './app-error';
import type { FunctionActions } from './dispatcher';

export function placeholderActions<F extends FunctionName>(fn: F): FunctionActions<F> {
  return Object.fromEntries(
    Object.keys(API[fn]).map((name) => [
      name,
      {
        access: ['admin'],
        async handle() {
          throw new AppError('UNKNOWN_ACTION', `${fn}.${name} is not built yet`);
        },
      },
    ]),
  ) as unknown as FunctionActions<F>;
}
