import { AppError } from './app-error';

/**
 * Secrets come from the function's environment variables (set in the cloud console; the local
 * runtime makes its own). A missing one is a deployment mistake: logged for the operator,
 * answered as INTERNAL to the caller.
 */
export function requireSecret(name: 'LINLI_SIGNIN_SECRET' | 'LINLI_CERTIFICATE_SECRET' | 'LINLI_FILES_SECRET'): string {
  const value = process.env[name];
  if (!value || value.length < 16) {
    console.error(`[config] environment variable ${name} is missing or shorter than 16 characters`);
    throw new AppError('INTERNAL');
  }
  return value;
}
