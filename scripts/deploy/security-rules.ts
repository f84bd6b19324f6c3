/**
 * The WeChat cloud's security-rule syntax, checked offline (the platform has no emulator). A rule
 * is a JSON object whose keys are operations and whose values are `true`, `false` or an
 * expression string:
 *
 *   database: read, write, or write split into create / update / delete
 *             `{"read": "doc._openid == auth.openid", "write": false}`
 *   storage:  read, write  `{"read": true, "write": "resource.openid == auth.openid"}`
 *
 * Expressions use the documented operators (== != < <= > >= in && || !), literals, regular
 * expressions with `.test()`, and the variables each kind offers (`auth`, `doc`, `now`, `get()`
 * for the database; `auth`, `resource`, `now` for storage). Anything else is refused here, so a
 * typo fails a test instead of the console.
 */

export type RuleKind = 'database' | 'storage';
export type RuleValue = boolean | string;
export type SecurityRule = Record<string, RuleValue>;

const OPERATIONS: Record<RuleKind, readonly string[]> = {
  database: ['read', 'write', 'create', 'update', 'delete'],
  storage: ['read', 'write'],
};
const ROOTS: Record<RuleKind, readonly string[]> = {
  database: ['auth', 'doc', 'now', 'get'],
  storage: ['auth', 'resource', 'now'],
};

/** Everything wrong with a rule, in words; empty when the platform would take it. */
export function ruleProblems(rule: unknown, kind: RuleKind): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return ['a rule is a JSON object'];
  const entries = Object.entries(rule);
  if (entries.length === 0) return ['a rule needs at least "read" and "write"'];
  const problems: string[] = [];
  const keys = entries.map(([key]) => key);
  for (const key of keys) {
    if (!OPERATIONS[kind].includes(key)) problems.push(`"${key}" is not an operation of ${kind} rules`);
  }
  if (!keys.includes('read')) problems.push('"read" is missing');
  // A database rule's write may be given whole or split into its parts, not both.
  const parts = kind === 'database' ? ['create', 'update', 'delete'].filter((part) => keys.includes(part)) : [];
  if (keys.includes('write') && parts.length > 0) problems.push(`"write" and "${parts.join('", "')}" overlap`);
  if (!keys.includes('write') && parts.length < 3) {
    problems.push(kind === 'database' ? '"write" is missing (or one of create/update/delete)' : '"write" is missing');
  }
  for (const [key, value] of entries) {
    if (typeof value === 'boolean') continue;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`"${key}" must be true, false or an expression`);
      continue;
    }
    const error = expressionError(value, ROOTS[kind]);
    if (error) problems.push(`"${key}": ${error}`);
  }
  return problems;
}

/** No client may read or write: every operation is `false`. */
export function isClosed(rule: SecurityRule): boolean {
  return Object.values(rule).every((value) => value === false);
}

/** The same rule, whatever the key order (the console answers its own order). */
export function sameRule(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([x], [y]) => x.localeCompare(y));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

// --- expressions -------------------------------------------------------------------------------

type Token =
  | { type: 'name'; text: string }
  | { type: 'number' | 'string' | 'regex'; text: string }
  | { type: 'op'; text: string };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ','];

/** Splits an expression into tokens; a `/` where a value is expected starts a regex literal. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const valueExpected = () => {
    const last = tokens[tokens.length - 1];
    return !last || (last.type === 'op' && ![')', ']'].includes(last.text));
  };
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const string = /^'(?:[^'\\]|\\.)*'|^"(?:[^"\\]|\\.)*"/.exec(rest);
    if (string) {
      tokens.push({ type: 'string', text: string[0] });
      i += string[0].length;
      continue;
    }
    if (rest.startsWith('/') && valueExpected()) {
      const regex = /^\/((?:[^/\\\n]|\\.)+)\/([gimsuy]*)/.exec(rest);
      if (!regex) throw new Error(`unterminated regular expression at ${i}`);
      try {
        new RegExp(regex[1]!, regex[2]);
      } catch {
        throw new Error(`invalid regular expression ${regex[0]}`);
      }
      tokens.push({ type: 'regex', text: regex[0] });
      i += regex[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new Error(`unexpected "${rest[0]}" at ${i}`);
    tokens.push({ type: 'op', text: op });
    i += op.length;
  }
  return tokens;
}

/** Why an expression is not one the platform takes, or null. Recursive descent over the grammar. */
export function expressionError(source: string, roots: readonly string[]): string | null {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (error) {
    return (error as Error).message;
  }
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (text: string) => peek()?.type === 'op' && peek()!.text === text;
  const expect = (text: string) => {
    if (!isOp(text)) throw new Error(`expected "${text}"${peek() ? ` before "${peek()!.text}"` : ' at the end'}`);
    at += 1;
  };

  const or = (): void => {
    and();
    while (isOp('||')) {
      at += 1;
      and();
    }
  };
  const and = (): void => {
    unary();
    while (isOp('&&')) {
      at += 1;
      unary();
    }
  };
  const unary = (): void => {
    if (isOp('!')) {
      at += 1;
      unary();
      return;
    }
    comparison();
  };
  const comparison = (): void => {
    postfix();
    const token = peek();
    const compares =
      (token?.type === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(token.text)) ||
      (token?.type === 'name' && token.text === 'in');
    if (compares) {
      at += 1;
      postfix();
    }
  };
  const postfix = (): void => {
    const rootName = primary();
    if (rootName !== null && !roots.includes(rootName)) throw new Error(`unknown variable "${rootName}"`);
    for (;;) {
      if (isOp('.')) {
        at += 1;
        if (peek()?.type !== 'name') throw new Error('expected a field name after "."');
        at += 1;
      } else if (isOp('[')) {
        at += 1;
        or();
        expect(']');
      } else if (isOp('(')) {
        at += 1;
        if (!isOp(')')) {
          or();
          while (isOp(',')) {
            at += 1;
            or();
          }
        }
        expect(')');
      } else return;
    }
  };
  /** Reads a value; answers the variable's name when it is one (so its root can be checked). */
  const primary = (): string | null => {
    const token = peek();
    if (!token) throw new Error('the expression ends too early');
    at += 1;
    if (token.type === 'name') {
      return ['true', 'false', 'null'].includes(token.text) ? null : token.text;
    }
    if (token.type !== 'op') return null;
    if (token.text === '(') {
      or();
      expect(')');
      return null;
    }
    if (token.text === '[') {
      if (!isOp(']')) {
        or();
        while (isOp(',')) {
          at += 1;
          or();
        }
      }
      expect(']');
      return null;
    }
    throw new Error(`unexpected "${token.text}"`);
  };

  try {
    or();
    if (at < tokens.length) throw new Error(`unexpected "${tokens[at]!.text}"`);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}
