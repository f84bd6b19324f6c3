import dataFields from '../../../config/data-fields.json';
import dbIndexes from '../../../config/db-indexes.json';
import { ERASURE_RULES, NOT_ERASED } from '../../../cloudfunctions/_shared/domain/erasure';
import { SEALED_FIELDS } from '../../../cloudfunctions/_shared/repositories/sealed';
import { STORED_SCHEMAS } from './stored-schemas';

/**
 * Minimum collection, checked: config/data-fields.json declares every field each collection
 * stores — personal or not, sensitive or not, sealed or not, and why — and nothing else. A field
 * added to a repository's schema without a declaration (or a declaration left behind) fails here.
 */
type FieldSpec = { personal: boolean; sensitive: boolean; purpose: string; sealed?: boolean };
const collections = dataFields.collections as Record<string, { purpose: string; fields: Record<string, FieldSpec> }>;
const names = (o: object) => Object.keys(o).sort();

it('covers exactly the collections of config/db-indexes.json, each with a stored schema', () => {
  expect(names(collections)).toEqual(names(dbIndexes.collections));
  expect(names(STORED_SCHEMAS)).toEqual(names(dbIndexes.collections));
});

describe.each(Object.keys(collections))('%s', (collection) => {
  const declared = collections[collection]!;

  it('declares exactly the fields its repository stores, each with a purpose', () => {
    expect(names(declared.fields)).toEqual(names(STORED_SCHEMAS[collection]!.shape));
    for (const spec of Object.values(declared.fields)) expect(spec.purpose.length).toBeGreaterThan(1);
  });

  it('seals every sensitive field, and exactly the fields the repository seals', () => {
    const sealed = Object.entries(declared.fields)
      .filter(([, spec]) => spec.sealed)
      .map(([field]) => field);
    const sensitive = Object.entries(declared.fields)
      .filter(([, spec]) => spec.sensitive)
      .map(([field]) => field);
    expect(sealed.sort()).toEqual([...new Set((SEALED_FIELDS[collection] ?? []).map((p) => p.split('.')[0]))].sort());
    expect(sensitive.filter((field) => !sealed.includes(field))).toEqual([]);
  });

  it('says what a deletion does to it when it holds personal data', () => {
    const personal = Object.values(declared.fields).some((spec) => spec.personal);
    const rule = ERASURE_RULES.find((r) => r.collection === collection);
    if (rule) {
      for (const field of rule.subjectFields) expect(Object.keys(declared.fields)).toContain(field.split('.')[0]);
    }
    if (personal) expect(Boolean(rule) || collection in NOT_ERASED).toBe(true);
  });
});
