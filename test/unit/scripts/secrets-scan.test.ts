import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureCloudEnv, configureLocalPlatform } from '../../../local/cloud-env';
import { knownSecretValues, scanDirectory, scanText } from '../../../scripts/secrets-scan';

const ROOT = path.join(__dirname, '../../..');

let fixture: string;
beforeEach(() => {
  fixture = mkdtempSync(path.join(os.tmpdir(), 'linli-secrets-'));
});
afterEach(() => rmSync(fixture, { recursive: true, force: true }));

const kinds = (text: string, secrets: string[] = []) => scanText('bundle.js', text, secrets).map((f) => f.kind);

describe('the secrets scanner', () => {
  it('finds each kind of planted secret', () => {
    expect(kinds('var k="-----BEGIN RSA PRIVATE KEY-----\\nMIIE…"')).toEqual(['private key']);
    expect(kinds('-----BEGIN PRIVATE KEY-----')).toEqual(['private key']);
    expect(kinds('cred={id:"AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"}')).toEqual(['Tencent Cloud SecretId']);
    expect(kinds('{SecretKey:"Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"}')).toEqual(['cloud API key assignment']);
    expect(kinds('const appSecret = "0123456789abcdef0123456789abcdef";')).toEqual(['AppSecret-like value']);
    expect(kinds('x="LINLI_TEMPLATE_TOKEN=abcdefgh12345678"')).toEqual(['server .env line']);
    expect(kinds('process.env.LINLI_SIGNIN_SECRET')).toEqual(['server secret name']);
    expect(kinds('e.exports={a:"s3cr3t-value-from-the-cloud"}', ['s3cr3t-value-from-the-cloud'])).toEqual([
      'known secret value',
    ]);
  });

  it('leaves ordinary build output alone', () => {
    const ordinary = [
      'var a=function(e){return e.appid="wx1234567890abcdef"};',
      '.icon{background:url(assets/0123456789abcdef0123456789abcdef.png)}',
      'const TARO_APP_CLOUD_ENV="linli-prod-8g2k4";',
      '"secret":"保密","secretHint":"只有社工能看到"',
      'function t(n){return n.SecretId?1:0}',
    ].join('\n');
    expect(scanText('bundle.js', ordinary, [])).toEqual([]);
  });

  it('reports where, and never the whole secret', () => {
    const [finding] = scanText('app.js', 'ok\nok\nvar s="0123456789abcdef0123456789abcdef-secret-value";', [
      '0123456789abcdef0123456789abcdef-secret-value',
    ]);
    expect(finding).toMatchObject({ file: 'app.js', line: 3, kind: 'known secret value' });
    expect(finding!.excerpt).not.toContain('0123456789abcdef0123456789abcdef');
  });

  it('knows the server settings of .env files, the environment and the data folder, not the client ones', () => {
    writeFileSync(
      path.join(fixture, '.env.cloud'),
      '# comment\nLINLI_SIGNIN_SECRET=9f2c1e7a55b04d3c8e6f\nLINLI_LOG_CALLS=\n',
    );
    writeFileSync(path.join(fixture, '.env.production'), 'TARO_APP_CLOUD_ENV=linli-prod-8g2k4\n');
    mkdirSync(path.join(fixture, 'data'));
    writeFileSync(path.join(fixture, 'data', 'data-key'), 'c2VhbGVkLWZpZWxkcy1rZXktZm9yLXRlc3Rz\n');
    const values = knownSecretValues(fixture, {
      LINLI_DATA_DIR: 'data',
      LINLI_FILES_SECRET: 'files-secret-0123456789',
      TENCENTCLOUD_SECRETKEY: 'tc-secret-key-0123456789',
      PATH: '/usr/bin:/bin:/usr/local/bin',
    });
    expect(values.sort()).toEqual(
      [
        '9f2c1e7a55b04d3c8e6f',
        'c2VhbGVkLWZpZWxkcy1rZXktZm9yLXRlc3Rz',
        'files-secret-0123456789',
        'tc-secret-key-0123456789',
      ].sort(),
    );
  });

  it('fails a build folder with a planted secret anywhere in it', () => {
    mkdirSync(path.join(fixture, 'pages', 'index'), { recursive: true });
    writeFileSync(path.join(fixture, 'app.js'), 'require("./common");');
    writeFileSync(path.join(fixture, 'pages', 'index', 'index.js'), 'var k="files-secret-0123456789";');
    writeFileSync(path.join(fixture, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const findings = scanDirectory(fixture, ['files-secret-0123456789']);
    expect(findings.map((f) => [path.relative(fixture, f.file), f.kind])).toEqual([
      [path.join('pages', 'index', 'index.js'), 'known secret value'],
    ]);
  });
});

describe('the built app', () => {
  it('ships no secret: the WeChat build (and the H5 build where present)', () => {
    // The local runtime's own secrets too (some are fixed values): none may reach a client bundle.
    configureCloudEnv('http://127.0.0.1:1/__tcb');
    configureLocalPlatform('http://linli.test/');
    const secrets = knownSecretValues(ROOT, process.env);
    const weapp = path.join(ROOT, 'dist', 'weapp');
    // `npm test` builds the WeChat app first; a bare jest run without a build has nothing to scan.
    if (process.env.CI) expect(existsSync(weapp)).toBe(true);
    const dirs = ['weapp', 'h5', 'mp-fixtures']
      .map((dir) => path.join(ROOT, 'dist', dir))
      .filter((dir) => existsSync(dir));
    const findings = dirs.flatMap((dir) => scanDirectory(dir, secrets));
    expect(findings.map((f) => `${path.relative(ROOT, f.file)}:${f.line} ${f.kind} ${f.excerpt}`)).toEqual([]);
  });
});
