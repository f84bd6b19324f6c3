import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleOptions } from '../build-functions';
import { variablesOf, type FunctionVariables } from './env-variables';
import { ROOT } from './repo';

/**
 * Each function's environment variables, read from its bundle: exactly the code that will run in
 * the cloud (tree-shaken, comments gone), so a variable named only in a comment or in code the
 * function never imports does not count. A dry run bundles in memory; a deployment reads the
 * index.js that `npm run build:functions` just wrote.
 */
export async function variablesFromSources(names: readonly string[]): Promise<Map<string, FunctionVariables>> {
  const result = new Map<string, FunctionVariables>();
  for (const name of names) {
    const { outputFiles } = await build({ ...bundleOptions(name), write: false, outfile: `${name}.js` });
    result.set(name, variablesOf(outputFiles![0]!.text));
  }
  return result;
}

export function variablesFromBuilt(names: readonly string[], root = ROOT): Map<string, FunctionVariables> {
  return new Map(
    names.map((name) => [name, variablesOf(readFileSync(path.join(root, 'cloudfunctions', name, 'index.js'), 'utf8'))]),
  );
}
