/**
 * Errors the local database answers with. The `code` strings are the cloud's: the SDK maps them
 * to numeric errCodes (wx-server-sdk TCB_ERR_CODE, e.g. DATABASE_REQUEST_FAILED → -502001,
 * DATABASE_COLLECTION_NOT_EXIST → -502005, unknown codes → -501001) and `runTransaction` retries
 * exactly on DATABASE_TRANSACTION_CONFLICT. Messages follow the cloud's wording where we know it
 * (MongoDB's E11000 text for duplicate keys), so callers that match on them behave the same.
 */
export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'SYS_ERR';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', `[InvalidParameter] ${message}`);
}

export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`);
}

export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

export function collectionAlreadyExists(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
}

/** MongoDB's own duplicate-key text, which is what the cloud passes through. */
export function duplicateKey(collection: string, indexName: string, keyDescription: string): DbError {
  return requestFailed(
    `E11000 duplicate key error collection: local.${collection} index: ${indexName} dup key: ${keyDescription}`,
  );
}

export function transactionConflict(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] ${detail}`);
}

/** Anything thrown while evaluating (mingo errors, bad EJSON) becomes a request failure. */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return requestFailed(message);
}
