/**
 * Bundles each cloud function's TypeScript (its src/, the shared runtime, domain, repositories
 * and the zod contracts) into the one `index.js` WeChat deploys. wx-server-sdk stays external:
 * the cloud installs it from the function's package.json.
 *
 *   npm run build:functions            all functions
 *   npm run build:functions -- account  one
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions');

export function functionFolders(): string[] {
  return readdirSync(FUNCTIONS_DIR).filter(
    (name) => !name.startsWith('_') && existsSync(path.join(FUNCTIONS_DIR, name, 'src/index.ts')),
  );
}

/** How one function is bundled; the deployment reads the same bundle in memory (scripts/deploy). */
export function bundleOptions(name: string): BuildOptions {
  return {
    entryPoints: [path.join(FUNCTIONS_DIR, name, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    // The oldest Node runtime the WeChat cloud still offers for functions.
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

export async function buildFunction(name: string): Promise<{ name: string; bytes: number }> {
  const outfile = path.join(FUNCTIONS_DIR, name, 'index.js');
  await build({ ...bundleOptions(name), outfile });
  return { name, bytes: statSync(outfile).size };
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : functionFolders();
  for (const name of names) {
    const { bytes } = await buildFunction(name);
    console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  cloudfunctions/${name}/index.js`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
