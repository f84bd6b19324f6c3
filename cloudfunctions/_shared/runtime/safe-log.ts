/**
 * What may go into a function's log (docs/privacy.md "Logs"): what failed and where, never whose
 * data. Logs are kept by the platform, read by operators, and not covered by deletion requests,
 * so they hold no names, phone numbers, OPENIDs, texts or record contents.
 *
 * An unexpected error's message is the risk: a database error quotes the duplicate key
 * (`dup key: { _id: "a1.o6_bmjr…" }`), a failed call quotes its arguments. The message is kept
 * for its shape and stripped of anything that could be data; the stack frames (file and line)
 * are kept whole.
 */

/** Chinese text: names, complaint texts, addresses. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g;
/** Quoted values, as error messages quote what they were given. */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
/** An innermost `{ … }`: a document or key printed whole. */
const BRACED = /\{[^{}]*\}/g;
/** Runs of digits long enough to be a phone or an ID number. */
const DIGITS = /\d{7,}/g;
/**
 * OPENID-like tokens: WeChat's start with `o` and mix letters and digits (28 characters; the
 * local runtime's look the same). Plain words (`objectId`) have no digit and stay.
 */
const OPENID_LIKE = /\bo[A-Za-z0-9_-]{9,}/g;

export function scrubLogText(text: string): string {
  let out = text.replace(QUOTED, '"…"');
  // Nested braces: strip from the inside out (bounded, a message is short).
  for (let i = 0; i < 5 && BRACED.test(out); i += 1) out = out.replace(BRACED, '{…}');
  return out
    .replace(CJK, '…')
    .replace(OPENID_LIKE, (token) => (/\d/.test(token) ? 'o…' : token))
    .replace(DIGITS, '#…');
}

/** An error in one line for the log: its name and its scrubbed message (a failed platform call, say). */
export const errorSummary = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${scrubLogText(error.message)}` : `non-error thrown (${typeof error})`;

/** An unexpected error for the log: its name, its scrubbed message, and its stack frames. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return errorSummary(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => scrubLogText(line));
  return [errorSummary(error), ...frames].join('\n');
}
