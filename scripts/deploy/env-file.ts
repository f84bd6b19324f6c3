import { cloudVariableNames, DECLARED_VARIABLES } from './env-variables';

/**
 * The operator's secrets file (.env.cloud, never committed; config/cloud-env.example lists its
 * names). Dotenv's plain subset: `NAME=value` lines, `#` comments, a value optionally in matching
 * quotes. Values are handed to the CloudBase CLI, which substitutes them into its JSON config as
 * they are, so a value that would break JSON (quotes, backslashes, line breaks, a leading { or [)
 * is refused here rather than deployed half-broken.
 */

export type EnvValues = ReadonlyMap<string, string>;

export function parseEnvFile(text: string): { values: Map<string, string>; problems: string[] } {
  const values = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push(`line ${index + 1}: expected NAME=value`);
      return;
    }
    const [, name, rawValue] = match as unknown as [string, string, string];
    let value = rawValue;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    if (values.has(name)) problems.push(`line ${index + 1}: ${name} is set twice`);
    values.set(name, value);
  });
  return { values, problems };
}

/**
 * What stops a deployment: a required variable some function needs that is missing or malformed,
 * a name nobody declared (a typo would silently deploy nothing). Never quotes a value.
 */
export function envProblems(values: EnvValues, needed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const known = new Set(cloudVariableNames());
  for (const name of values.keys()) {
    if (!known.has(name)) problems.push(`${name} is not a variable any function reads (config/cloud-env.example)`);
  }
  for (const variable of DECLARED_VARIABLES) {
    if (variable.use !== 'cloud' || !needed.has(variable.name)) continue;
    const value = values.get(variable.name);
    if (value === undefined || value === '') {
      if (variable.required) problems.push(`${variable.name} is missing: ${variable.purpose}`);
      continue;
    }
    const refused = variable.check?.(value);
    if (refused) problems.push(`${variable.name} ${refused}`);
  }
  for (const [name, value] of values) {
    if (/["\\\r\n]/.test(value) || /^\s*[[{]/.test(value)) {
      problems.push(`${name} holds a quote, backslash, line break or leading bracket, which the CLI cannot pass on`);
    }
  }
  return problems;
}
