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
 * is, each a different one, so no target is dropped or silently added to another's (a station
 * with fewer 片区 edits the targets after creating the contract). Totals stay as printed. The
 * app's indicators.createFromTemplate answers the same problems at the same fields.
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
  const taken = new Set<string>();
  for (const key of keys) {
    const target = choice.areaMap[key];
    if (target === undefined) problems.push({ path: `areaMap.${key}`, message: `请选择模板中“${key}”对应的本站片区` });
    else if (!stationAreas.has(target)) problems.push({ path: `areaMap.${key}`, message: '不是本站的片区' });
    else if (taken.has(target)) {
      problems.push({ path: `areaMap.${key}`, message: '两个模板片区不能对应同一个本站片区' });
    } else taken.add(target);
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
    areaIds: template.draft.areaIds.map(mapped),
    indicators: template.draft.indicators.map((indicator) => ({
      ...indicator,
      targets: {
        ...indicator.targets,
        byArea: Object.fromEntries(Object.entries(indicator.targets.byArea).map(([key, n]) => [mapped(key), n])),
      },
    })),
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
