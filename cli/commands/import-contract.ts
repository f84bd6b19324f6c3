import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contractDraftSchema, type ContractDraft } from '@linli/types/entities/indicators';
import { CONTRACT_TEMPLATE_FILES } from '../../config/contract-templates';
import { contractFromTemplate, parseTemplates } from '../../cloudfunctions/_shared/domain/contract-templates';
import { AppError } from '../../cloudfunctions/_shared/runtime/app-error';
import { checkDraft } from '../../cloudfunctions/indicators/src/contracts';
import type { StationDoc } from '../../cloudfunctions/_shared/repositories/stations';
import type { LocalDatabase } from '../../local/db';
import type { RowError } from '../import/sheet';

/**
 * `linli import <contract.json>` (docs/import.md, "The contract file"): a contract from a template
 * (its 片区 mapped onto the station's, by name or id) or written out in full (the contract model,
 * types/entities/indicators.ts). Checked as the app checks one (the engine's checkDraft), stored
 * with an id derived from the station, name and period — so importing the file again finds it.
 */
const templateFileSchema = z
  .object({
    template: z.string(),
    name: z.string().trim().min(2).max(60).optional(),
    periodStart: z.string().optional(),
    periodEnd: z.string().optional(),
    areaMap: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export interface ContractImport {
  ok: boolean;
  errors: RowError[];
  contractId?: string;
  name?: string;
  created?: boolean;
}

export async function importContract(
  db: LocalDatabase,
  file: string,
  options: { station?: string; now: Date },
): Promise<ContractImport> {
  const fileName = path.basename(file);
  const fail = (column: string, message: string): ContractImport => ({
    ok: false,
    errors: [{ sheet: fileName, row: 0, column, message }],
  });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    return fail('', '不是有效的 JSON 文件');
  }
  const stations = (await db.dump('stations')) as unknown as StationDoc[];
  const station =
    options.station !== undefined
      ? stations.find((s) => s._id === options.station)
      : stations.length === 1
        ? stations[0]
        : undefined;
  if (!station) {
    const list = stations.map((s) => `${s._id}（${s.name}）`).join('、') || '（无）';
    throw new Error(
      options.station !== undefined
        ? `数据库中没有编号为 ${options.station} 的社工站。已有：${list}`
        : `数据库中有多个社工站，请用 --station 指定导入到哪一个：${list}`,
    );
  }
  // 片区 may be written by name (第一片区) or id (area1).
  const areaId = (ref: string) => station.areas.find((a) => a.name === ref)?.id ?? ref;

  let draft: ContractDraft;
  let templateId: string | undefined;
  if (typeof json === 'object' && json !== null && 'template' in json) {
    const parsed = templateFileSchema.safeParse(json);
    if (!parsed.success) return issues(fileName, parsed.error.issues);
    const template = parseTemplates(CONTRACT_TEMPLATE_FILES).find((t) => t.id === parsed.data.template);
    if (!template) {
      const ids = parseTemplates(CONTRACT_TEMPLATE_FILES).map((t) => t.id);
      return fail('template', `没有模板 ${parsed.data.template}（可用：${ids.join('、')}）`);
    }
    const { areaMap, template: id, ...choice } = parsed.data;
    const made = contractFromTemplate(template, {
      ...choice,
      areaMap: Object.fromEntries(Object.entries(areaMap).map(([key, ref]) => [key, areaId(ref)])),
      stationAreaIds: station.areas.map((a) => a.id),
    });
    if (!made.ok)
      return {
        ok: false,
        errors: made.problems.map((p) => ({ sheet: fileName, row: 0, column: p.path, message: p.message })),
      };
    draft = made.draft;
    templateId = id;
  } else {
    const raw = json as { areaIds?: unknown; indicators?: unknown };
    const withIds = {
      ...(json as object),
      ...(Array.isArray(raw.areaIds)
        ? { areaIds: raw.areaIds.map((a) => (typeof a === 'string' ? areaId(a) : a)) }
        : {}),
      ...(Array.isArray(raw.indicators)
        ? {
            indicators: raw.indicators.map((i: { targets?: { byArea?: Record<string, unknown> } }) =>
              i?.targets?.byArea
                ? {
                    ...i,
                    targets: {
                      ...i.targets,
                      byArea: Object.fromEntries(Object.entries(i.targets.byArea).map(([k, v]) => [areaId(k), v])),
                    },
                  }
                : i,
            ),
          }
        : {}),
    };
    const parsed = contractDraftSchema.safeParse(withIds);
    if (!parsed.success) return issues(fileName, parsed.error.issues);
    draft = parsed.data;
  }

  let fields;
  try {
    fields = checkDraft(draft, station, '');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ok: false,
      errors: (error.fields ?? [{ path: '', message: error.message }]).map((f) => ({
        sheet: fileName,
        row: 0,
        column: f.path.replace(/^\./, ''),
        message: f.message,
      })),
    };
  }
  const id = `ct-${createHash('sha256')
    .update(JSON.stringify([station._id, fields.name, fields.periodStart, fields.periodEnd]))
    .digest('hex')
    .slice(0, 16)}`;
  const existing = (await db.dump('contracts')).find((c) => c._id === id);
  if (existing) return { ok: true, errors: [], contractId: id, name: fields.name, created: false };
  await db.putAll([
    {
      collection: 'contracts',
      insert: true,
      doc: {
        _id: id,
        stationId: station._id,
        ...fields,
        status: 'active',
        version: 1,
        ...(templateId ? { templateId } : {}),
        createdBy: 'import',
        createdAt: options.now,
        updatedBy: 'import',
        updatedAt: options.now,
        importedFrom: fileName,
      },
    },
  ]);
  return { ok: true, errors: [], contractId: id, name: fields.name, created: true };
}

function issues(fileName: string, list: readonly z.core.$ZodIssue[]): ContractImport {
  return {
    ok: false,
    errors: list.map((issue) => ({ sheet: fileName, row: 0, column: issue.path.join('.'), message: issue.message })),
  };
}
