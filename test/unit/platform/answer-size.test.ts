/**
 * A function's answer is at most 1 MB in the WeChat cloud (EXCEED_MAX_RESPONSE_SIZE). Files travel
 * as links (types/files.ts generatedFileSchema); the only binary left in answers are small PNG
 * codes, each under a stated bound (INLINE_PNG_MAX_BASE64). docs/files.md "Generated files".
 */
import { z } from 'zod';
import { API } from '@linli/types/api';
import { generatedFileSchema, INLINE_PNG_MAX_BASE64, inlinePngSchema } from '@linli/types/files';
import { localPlatform } from '../../../cloudfunctions/_shared/platform/local';
import { qrPngBase64 } from '../../../cloudfunctions/_shared/qr';

const ONE_MB = 1024 * 1024;

type JsonSchema = { properties?: Record<string, JsonSchema>; maxLength?: number; [key: string]: unknown };

/** Every property in a JSON schema, with its path. */
function properties(schema: unknown, path = ''): Array<{ path: string; name: string; schema: JsonSchema }> {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const own = Object.entries(node.properties ?? {}).flatMap(([name, child]) => [
    { path: `${path}.${name}`, name, schema: child },
    ...properties(child, `${path}.${name}`),
  ]);
  const nested = Object.entries(node)
    .filter(([key]) => key !== 'properties')
    .flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.flatMap((v, i) => properties(v, `${path}.${key}${i}`))
        : properties(value, `${path}.${key}`),
    );
  return [...own, ...nested];
}

const outputs = Object.entries(API).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, { output: z.ZodType }>).map(([action, spec]) => ({
    name: `${fn}.${action}`,
    json: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
  })),
);

it('has no action answer a file as base64: every ledger export and the personal data export answer a link', () => {
  for (const [action, spec] of Object.entries(API.ledger))
    expect([action, spec.output]).toEqual([action, generatedFileSchema]);
  expect(API.account.exportMyData.output).toBe(generatedFileSchema);
  const carriers = outputs.flatMap(({ name, json }) =>
    properties(json)
      .filter((p) => /base64/i.test(p.name))
      .map((p) => ({ at: `${name}${p.path}`, maxLength: p.schema.maxLength })),
  );
  // What is left are the PNG codes, each bounded.
  expect(carriers.length).toBeGreaterThan(0);
  for (const carrier of carriers) expect(carrier).toEqual({ at: carrier.at, maxLength: INLINE_PNG_MAX_BASE64 });
  expect(carriers.map((c) => c.at).every((at) => at.endsWith('.imageBase64'))).toBe(true);
});

it('keeps a generated file’s answer to a few hundred bytes, and drops any file bytes a handler adds', () => {
  const answer = generatedFileSchema.parse({
    fileName: `台账-${'岭南街社工服务站购买服务项目'.repeat(4)}-2024-01-25至2024-12-31.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: 3 * ONE_MB,
    // A WeChat temporary link is a CDN URL with a signature: a few hundred characters.
    url: `https://7465-env-1258717764.tcb.qcloud.la/exports/st-lingnan/AAAAAAAAAAAAAAAAAAAAAA.xlsx?sign=${'a'.repeat(200)}&t=1767225600`,
    expiresAt: '2026-01-01T08:10:00.000Z',
    base64: 'UEsDBBQ'.repeat(500_000),
  });
  expect(answer).not.toHaveProperty('base64');
  expect(Buffer.byteLength(JSON.stringify({ ok: true, data: answer }))).toBeLessThan(1024);
});

it('bounds inline PNG codes far below the answer limit, with room for what the local runtime makes', async () => {
  expect(INLINE_PNG_MAX_BASE64 * 2).toBeLessThan(ONE_MB);
  // The largest codes the local runtime draws: a 32-character scene's H5 link, a personal code.
  const signIn = (await localPlatform.miniProgramCode({ scene: 'Z'.repeat(32), page: 'pages/checkin/index' })).toString(
    'base64',
  );
  const personal = await qrPngBase64('LC0123456789');
  for (const code of [signIn, personal]) {
    expect(code.length).toBeLessThan(INLINE_PNG_MAX_BASE64 / 20);
    expect(inlinePngSchema.safeParse(code).success).toBe(true);
  }
  expect(inlinePngSchema.safeParse('A'.repeat(INLINE_PNG_MAX_BASE64 + 1)).success).toBe(false);
});
