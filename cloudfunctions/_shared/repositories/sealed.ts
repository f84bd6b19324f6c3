import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../runtime/app-error';

/**
 * Field encryption for sensitive personal data (PIPL art. 28: health, disability, minors; see
 * docs/privacy.md "Sensitive fields"). AES-256-GCM with the key in the function environment
 * variable LINLI_DATA_KEY (base64 of 32 random bytes; the cloud console keeps it, the local
 * runtime makes one in its data folder). A sealed value is one string:
 *
 *     sealed:v1:<base64url of 12-byte IV | ciphertext | 16-byte tag>
 *
 * The field's name (`wishes.why`) is bound in as associated data, so a value copied into another
 * field does not open. Only repositories seal and open: everything above them sees plain values.
 * A sealed field cannot be queried or indexed, so only fields that are never searched are sealed.
 */
const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function dataKey(): Buffer {
  const raw = process.env.LINLI_DATA_KEY ?? '';
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    console.error('[config] environment variable LINLI_DATA_KEY is missing or not 32 bytes of base64');
    throw new AppError('INTERNAL');
  }
  return key;
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/** Encrypts a value for the field `context` (`<collection>.<field>`). */
export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey(), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Decrypts a sealed value of the field `context`. A value that is not sealed is returned as it
 * is: records written before the field was sealed (a developer's old local data) stay readable
 * and are sealed on their next write. A sealed value that does not open (another key, another
 * field, tampering) throws.
 */
export function unseal(stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error(`sealed value of ${context} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', dataKey(), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}

/** Seals a value unless it already is (a whole stored document written back). */
export const sealOnce = (value: string, context: string): string => (isSealed(value) ? value : seal(value, context));

/**
 * A stored string field that is sealed: parses to the plain text. A value that does not open is a
 * parse issue at that field (repositories/sdk.ts narrow logs the path, never the value).
 */
export const sealedString = (context: string) =>
  z.string().transform((stored, ctx) => {
    try {
      return unseal(stored, context);
    } catch {
      ctx.addIssue({ code: 'custom', message: `cannot open ${context}` });
      return z.NEVER;
    }
  });

/** A sealed field holding a value of `schema` (stored as sealed JSON, or as the plain value from before sealing). */
export function sealedValue<T extends z.ZodType>(context: string, schema: T) {
  return z
    .unknown()
    .transform((stored, ctx) => {
      if (!isSealed(stored)) return stored;
      try {
        return JSON.parse(unseal(stored, context)) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `cannot open ${context}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const sealValue = (value: unknown, context: string): string => seal(JSON.stringify(value), context);

/**
 * A keyed one-way reference to a person (HMAC-SHA256 under the data key): lets a deleted person
 * still find the outcome of their deletion request, and an operator tell log lines of one caller
 * apart, without the OPENID itself being kept.
 */
export function personRef(openid: string): string {
  return createHmac('sha256', dataKey()).update(`person:${openid}`).digest('base64url').slice(0, 22);
}

/**
 * Every sealed field, by collection (a path through an array applies to each element:
 * `history.note`). The repositories of these collections seal and open them; code that handles
 * whole stored documents (repositories/personal-data.ts: export and deletion) goes through
 * sealStoredFields / openStoredFields. docs/privacy.md lists them.
 */
export const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  users: ['guardian', 'minor'],
  wishes: ['why', 'hardship'],
  complaints: ['text', 'reply', 'history.note'],
  privacy_requests: ['reason'],
};

/** Sealed fields that hold a JSON value rather than a text. */
const SEALED_JSON: ReadonlySet<string> = new Set(['users.guardian', 'users.minor']);

type Doc = Record<string, unknown>;

function mapPath(value: unknown, path: readonly string[], fn: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapPath(item, path, fn));
  if (path.length === 0) return value === undefined ? value : fn(value);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const [head = '', ...rest] = path;
  if (!(head in value)) return value;
  return { ...(value as Doc), [head]: mapPath((value as Doc)[head], rest, fn) };
}

function mapSealed(collection: string, doc: Doc, fn: (value: unknown, context: string) => unknown): Doc {
  let out = doc;
  for (const path of SEALED_FIELDS[collection] ?? []) {
    const context = `${collection}.${path}`;
    const [head = '', ...rest] = path.split('.');
    if (!(head in out)) continue;
    // The first step of the path is a field of the document itself (never an array).
    out = { ...out, [head]: mapPath(out[head], rest, (value) => fn(value, context)) };
  }
  return out;
}

/** A whole stored document with its sealed fields sealed (already sealed values stay as they are). */
export const sealStoredFields = (collection: string, doc: Doc): Doc =>
  mapSealed(collection, doc, (value, context) =>
    isSealed(value) ? value : typeof value === 'string' ? seal(value, context) : sealValue(value, context),
  );

/** A whole stored document with its sealed fields opened (JSON values parsed back). */
export const openStoredFields = (collection: string, doc: Doc): Doc =>
  mapSealed(collection, doc, (value, context) => {
    if (!isSealed(value)) return value;
    const plain = unseal(value, context);
    return SEALED_JSON.has(context) ? (JSON.parse(plain) as unknown) : plain;
  });
