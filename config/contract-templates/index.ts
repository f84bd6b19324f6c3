import type { ContractTemplate } from '@linli/types/entities/indicators';
import seed000 from './seed000-xingtan.json';
import seed001 from './seed001-minzheng-2024.json';
import seed003 from './seed003-lezhi.json';
import seed004 from './seed004-lingnan.json';

/**
 * Ready-made contracts transcribed from the seeds' indicator tables (docs/indicators.md,
 * "Contract templates"). Data only: each file is checked against contractTemplateSchema by a unit
 * test, and a station turns one into its own contract with domain/contract-templates.ts
 * (its 片区 mapped onto the template's area keys). The JSON is typed loosely by the compiler, so
 * readers parse it with the schema before use.
 */
export const CONTRACT_TEMPLATE_FILES: readonly unknown[] = [seed000, seed001, seed003, seed004];

/** The area keys seed 004's table uses for its 片区1/2/3 (its targets are set per 片区). */
export const SEED004_AREA_KEYS = { 片区1: 'pianqu1', 片区2: 'pianqu2', 片区3: 'pianqu3' } as const;

export type { ContractTemplate };
