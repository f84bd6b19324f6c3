import { SUBSCRIPTION_TEMPLATE_KEYS, SUBSCRIPTION_TEMPLATES } from '../../types/subscriptions';

/**
 * Every environment variable a cloud function's code reads, declared once: what it is for, whether
 * the cloud needs it, and how to choose and rotate it. Which function gets which variable is not
 * written down but found in each function's bundle (bundles.ts): a function is given exactly the
 * variables its code reads, so a secret reaches no function that does not use it. A name the code
 * reads that is not declared here stops the deployment (and fails test/unit/deploy).
 */

export type VariableUse =
  /** Set by the operator in .env.cloud and deployed with the functions that read it. */
  | 'cloud'
  /** Only the local runtime sets it (local/cloud-env.ts); never deployed. */
  | 'local';

export interface DeclaredVariable {
  name: string;
  use: VariableUse;
  /** Never printed; only its presence is. */
  secret: boolean;
  /** A function that reads it cannot work without it (cloud variables only). */
  required: boolean;
  purpose: string;
  /** How to make a value (cloud variables). */
  value?: string;
  rotation?: string;
  /** Why the value is refused, or null. */
  check?: (value: string) => string | null;
}

const atLeast16 = (value: string): string | null =>
  value.length >= 16 ? null : 'must be at least 16 characters (random: openssl rand -hex 32)';

export const DECLARED_VARIABLES: readonly DeclaredVariable[] = [
  {
    name: 'LINLI_SIGNIN_SECRET',
    use: 'cloud',
    secret: true,
    required: true,
    purpose: 'signs the activity sign-in QR codes (docs/activities.md)',
    value: 'openssl rand -hex 32',
    rotation: 'any time: a code lives 60 s, so rotating only makes open sign-in screens fetch a new code',
    check: atLeast16,
  },
  {
    name: 'LINLI_CERTIFICATE_SECRET',
    use: 'cloud',
    secret: true,
    required: true,
    purpose: 'the verification code of volunteer-hour certificates (docs/volunteers.md "Hours")',
    value: 'openssl rand -hex 32',
    rotation:
      'never: printed certificates are verified by recomputing their code with it; a new value makes every issued certificate fail verification',
    check: atLeast16,
  },
  {
    name: 'LINLI_DATA_KEY',
    use: 'cloud',
    secret: true,
    required: true,
    purpose: 'AES-256-GCM key of the sealed personal fields (cloudfunctions/_shared/repositories/sealed.ts)',
    value: 'openssl rand -base64 32',
    rotation:
      'never in place: fields sealed with the old key no longer open; a new key needs every sealed field re-encrypted first',
    check: (value) =>
      /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32
        ? null
        : 'must be base64 of exactly 32 random bytes (openssl rand -base64 32)',
  },
  {
    name: 'LINLI_EVIDENCE_MAX_SESSIONS',
    use: 'cloud',
    secret: false,
    required: false,
    purpose: 'raises the 台账 evidence pack limit of sessions (default 2000; docs/indicators.md "Limits")',
    check: positiveInteger,
  },
  {
    name: 'LINLI_EVIDENCE_MAX_SIGN_INS',
    use: 'cloud',
    secret: false,
    required: false,
    purpose: 'raises the 台账 evidence pack limit of sign-ins (default 20000)',
    check: positiveInteger,
  },
  {
    name: 'LINLI_LOG_CALLS',
    use: 'cloud',
    secret: false,
    required: false,
    purpose: 'any value: log each action and its duration (diagnostics; off by default)',
  },
  {
    name: 'LINLI_PLATFORM',
    use: 'local',
    secret: false,
    required: false,
    purpose: '"local" selects the local stand-ins for WeChat services; unset in the cloud',
  },
  {
    name: 'LINLI_PUBLIC_URL',
    use: 'local',
    secret: false,
    required: false,
    purpose: 'the H5 address local mini-program codes open',
  },
  {
    name: 'LINLI_FILES_SECRET',
    use: 'local',
    secret: true,
    required: false,
    purpose: 'signs the local runtime’s file links; the cloud makes its own (cloud.getTempFileURL)',
  },
];

/**
 * Subscription-message templates, from their one table (types/subscriptions.ts): the functions
 * read LINLI_TEMPLATE_<KEY> (platform/wechat.ts); the app asks the person to accept the same id
 * as TARO_APP_TEMPLATE_<KEY> at the taps the table names. A function is given a template's
 * variable when its code names the template key. Unset: that message is simply not sent.
 */
export interface DeclaredTemplate {
  key: string;
  /** The title to choose in the console (titles asked together must differ). */
  title: string;
  /** The template's data fields, as the function fills them. */
  fields: string;
}

export const TEMPLATE_PREFIX = 'LINLI_TEMPLATE_';

export const DECLARED_TEMPLATES: readonly DeclaredTemplate[] = SUBSCRIPTION_TEMPLATE_KEYS.map((key) => ({
  key,
  title: SUBSCRIPTION_TEMPLATES[key].title,
  fields: SUBSCRIPTION_TEMPLATES[key].fields,
}));

export const templateVariable = (key: string): string => `${TEMPLATE_PREFIX}${key.toUpperCase()}`;

function positiveInteger(value: string): string | null {
  return /^[1-9]\d*$/.test(value) ? null : 'must be a positive whole number';
}

/** Every name an operator may put in .env.cloud. */
export function cloudVariableNames(): string[] {
  return [
    ...DECLARED_VARIABLES.filter((v) => v.use === 'cloud').map((v) => v.name),
    ...DECLARED_TEMPLATES.map((t) => templateVariable(t.key)),
  ];
}

export interface FunctionVariables {
  /** Cloud variables the function reads, in declaration order. */
  names: string[];
  /** Names the code reads that nobody declared: the deployment refuses to guess. */
  undeclared: string[];
}

const NAME = /LINLI_[A-Z0-9_]*[A-Z0-9]/g;

/**
 * The cloud variables one function's bundle reads. Plain names appear in the minified bundle as
 * `process.env.NAME` or as the string handed to requireSecret(); templates as the sender's
 * `LINLI_TEMPLATE_` prefix plus the template key the function names.
 */
export function variablesOf(bundle: string): FunctionVariables {
  const found = new Set(bundle.match(NAME) ?? []);
  const sendsTemplates = bundle.includes(TEMPLATE_PREFIX);
  // The prefix itself ("LINLI_TEMPLATE") is how the sender builds names, not a variable.
  found.delete(TEMPLATE_PREFIX.slice(0, -1));
  const declared = new Map(DECLARED_VARIABLES.map((v) => [v.name, v]));
  const templateNames = new Set(DECLARED_TEMPLATES.map((t) => templateVariable(t.key)));
  const names = DECLARED_VARIABLES.filter((v) => v.use === 'cloud' && found.has(v.name)).map((v) => v.name);
  if (sendsTemplates) {
    for (const template of DECLARED_TEMPLATES) {
      if (bundle.includes(`"${template.key}"`) || bundle.includes(`'${template.key}'`)) {
        names.push(templateVariable(template.key));
      }
    }
  }
  const undeclared = [...found].filter((name) => !declared.has(name) && !templateNames.has(name)).sort();
  return { names, undeclared };
}
