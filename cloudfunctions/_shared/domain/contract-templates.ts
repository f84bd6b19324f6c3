import {
  contractDraftSchema,
  contractTemplateSchema,
  type ContractDraft,
  type ContractTemplate,
} from '@linli/types/entities/indicators';
import type { FieldError } from '@linli/types/errors';

/**
 * Contract templates (config/contract-templates/*.json, transcribed from the seeds' indicator
 * tables) and how a station turns one into its own contract. A template's 片区 are placeholders
 * (seed 004: pianqu1, pianqu2, pianqu3 for 片区1/2/3); the station says which of its 片区 each one
 * is. Two template 片区 may go to one station 片区 (a station with two 片区 taking a three-片区
 * contract): their targets add up. Totals stay as the template prints them.
 */

/** Parses the template files; a file that does not fit the schema is a build error, said loudly. */
export function parseTemplates(files: readonly unknown[]): ContractTemplate[] {
  return files.map((file, i) => {
    const parsed = contractTemplateSchema.safeParse(file);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`contract template #${i + 1}: ${issue.path.join('.')} ${issue.message}`);
    }
    return parsed.data;
  });
}

/** The template's 片区 keys: those in scope, and any a target names, in order of appearance. */
export function templateAreaKeys(template: ContractTemplate): string[] {
  const keys = new Set(template.draft.areaIds);
  for (const indicator of template.draft.indicators)
    for (const key of Object.keys(indicator.targets.byArea)) keys.add(key);
  return [...keys];
}

export interface TemplateChoice {
  /** Template 片区 key → the station's 片区 id. */
  areaMap: Readonly<Record<string, string>>;
  /** The station's 片区 ids: a mapping must land on one of them. */
  stationAreaIds: readonly string[];
  name?: string;
  periodStart?: string;
  periodEnd?: string;
}

/**
 * The contract a station gets from a template: its 片区 put in place of the template's, the name
 * and period as chosen (else the template's). Every problem is answered at its field (areaMap.<key>,
 * periodEnd …) and no draft is made while any remains.
 */
export function contractFromTemplate(
  template: ContractTemplate,
  choice: TemplateChoice,
): { ok: true; draft: ContractDraft } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const keys = templateAreaKeys(template);
  const stationAreas = new Set(choice.stationAreaIds);
  for (const key of keys) {
    const target = choice.areaMap[key];
    if (target === undefined) problems.push({ path: `areaMap.${key}`, message: '请选择对应的本站片区' });
    else if (!stationAreas.has(target)) problems.push({ path: `areaMap.${key}`, message: '不是本站的片区' });
  }
  for (const key of Object.keys(choice.areaMap)) {
    if (!keys.includes(key)) problems.push({ path: `areaMap.${key}`, message: '模板中没有这个片区' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const mapped = (key: string) => choice.areaMap[key]!;
  const draft = {
    ...template.draft,
    ...(choice.name !== undefined ? { name: choice.name } : {}),
    ...(choice.periodStart !== undefined ? { periodStart: choice.periodStart } : {}),
    ...(choice.periodEnd !== undefined ? { periodEnd: choice.periodEnd } : {}),
    areaIds: [...new Set(template.draft.areaIds.map(mapped))],
    indicators: template.draft.indicators.map((indicator) => {
      const byArea: Record<string, number> = {};
      for (const [key, target] of Object.entries(indicator.targets.byArea)) {
        const area = mapped(key);
        // Two template 片区 in one station 片区: add, in hundredths so 0.1 + 0.2 stays 0.3.
        byArea[area] = Math.round(((byArea[area] ?? 0) + target) * 100) / 100;
      }
      return { ...indicator, targets: { ...indicator.targets, byArea } };
    }),
  };
  const parsed = contractDraftSchema.safeParse(draft);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  return { ok: true, draft: parsed.data };
}
