import fc from 'fast-check';
import { z } from 'zod';
import {
  HOSTILE_KEYS,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  OPERATOR_INJECTIONS,
  ONE_MB_STRING,
  bigArray,
  deeplyNested,
  withPrototypeKeys,
} from './hostile-values';

/**
 * Payloads for an action, generated from its zod input schema (through `z.toJSONSchema`, which
 * gives property names, types and limits): first a value of the right shape whose strings are
 * often hostile text and whose ids are often real ones from the demo data (so the call gets past
 * validation into the handler), then, usually, one mutation that breaks the shape — a dropped
 * field, a wrong type, an operator object, a 1 MB string, a 10,000-element array, deep nesting,
 * prototype keys. The dispatcher's own schema check decides which payloads were valid; the test
 * does not guess.
 */

/** The subset of JSON Schema that zod 4 emits for our contracts. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export interface PayloadContext {
  /** Ids that exist in the database (documents' `_id`s, station areas and communities …). */
  knownIds: readonly string[];
  /** The instant dates are generated around (the demo data is seeded around it). */
  now: Date;
}

const DAY_MS = 86_400_000;
/** Generated arrays stay short: length limits are tested by the oversized mutation instead. */
const MAX_GENERATED_ITEMS = 4;

/** A value that fits the schema's shape (the schema's refinements may still refuse it). */
export function shapedValue(schema: JsonSchema, ctx: PayloadContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => shapedValue(alt, ctx)));
  if (schema.allOf?.[0]) return shapedValue(schema.allOf[0], ctx);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => shapedValue({ ...schema, type }, ctx)));
  }
  switch (schema.type) {
    case 'string':
      return stringValue(schema, ctx);
    case 'number':
    case 'integer':
      return numberValue(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? shapedValue(schema.items, ctx) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS),
        ),
      });
    case 'object':
      return objectValue(schema, ctx);
    default:
      // z.unknown() / z.any(): anything JSON can carry, hostile objects included.
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...OPERATOR_INJECTIONS));
  }
}

function stringValue(schema: JsonSchema, ctx: PayloadContext): fc.Arbitrary<string> {
  if (schema.format === 'date-time') {
    // Mostly within days of now (where spans, windows and deadlines are decided), sometimes weeks.
    const offset = fc.oneof(
      { arbitrary: fc.integer({ min: -72, max: 72 }).map((hours) => hours * 3_600_000), weight: 3 },
      { arbitrary: fc.integer({ min: -60 * DAY_MS, max: 60 * DAY_MS }), weight: 1 },
    );
    return offset.map((ms) => new Date(ctx.now.getTime() + ms).toISOString());
  }
  if (schema.format === 'uri') return fc.webUrl();
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const known = [...ctx.knownIds, ...datesAround(ctx.now)].filter(fits);
  const hostile = HOSTILE_STRINGS.filter(fits);
  const generated = pattern
    ? fc.stringMatching(pattern).filter(fits)
    : fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' });
  const atTheLimit = pattern ? [] : [fc.constant('长'.repeat(max))];
  return fc.oneof(
    ...(known.length > 0 ? [{ arbitrary: fc.constantFrom(...known), weight: 3 }] : []),
    ...(hostile.length > 0 ? [{ arbitrary: fc.constantFrom(...hostile), weight: 2 }] : []),
    { arbitrary: generated, weight: 2 },
    ...atTheLimit.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

/**
 * Dates and months near `now` in the forms the contracts use (2024-05-01, 2024-05): a random
 * string matching `^\d{4}-\d{2}-\d{2}$` is rarely a date, and then nothing reaches the handler.
 */
function datesAround(now: Date): string[] {
  const out: string[] = [];
  for (const days of [-400, -90, -30, -7, -1, 0, 1, 7, 30, 90]) {
    const iso = new Date(now.getTime() + days * DAY_MS).toISOString();
    out.push(iso.slice(0, 10), iso.slice(0, 7));
  }
  return out;
}

function numberValue(schema: JsonSchema): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
  const ranged = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
  return fc.oneof(ranged, fc.constantFrom(min, max));
}

function objectValue(schema: JsonSchema, ctx: PayloadContext): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, shapedValue(sub, ctx)])),
    { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
  );
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return record;
  // A record (`z.record(key, value)`): keys are data too — hostile ones included.
  const keys = schema.propertyNames
    ? fc.oneof(stringValue(schema.propertyNames, ctx), fc.constantFrom(...HOSTILE_KEYS))
    : fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_KEYS));
  return fc
    .tuple(record, fc.array(fc.tuple(keys, shapedValue(extra, ctx)), { maxLength: 3 }))
    .map(([fixed, entries]) => {
      const out = { ...(fixed as Record<string, unknown>) };
      // defineProperty: a '__proto__' key becomes an own key, as JSON.parse would make it.
      for (const [key, value] of entries)
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

// ---- mutations

export type MutationKind =
  | 'hostileText'
  | 'drop'
  | 'wrongType'
  | 'operator'
  | 'hugeString'
  | 'hugeArray'
  | 'deepObject'
  | 'deepArray'
  | 'prototypeKeys'
  | 'unknownKey'
  | 'badNumber';

const MUTATIONS: readonly MutationKind[] = [
  'hostileText',
  'drop',
  'wrongType',
  'operator',
  'hugeString',
  'hugeArray',
  'deepObject',
  'deepArray',
  'prototypeKeys',
  'unknownKey',
  'badNumber',
];

const WRONG_TYPES: readonly unknown[] = [42, -1.5, 'text', '', true, false, null, [], {}, [['x']], { a: 1 }];

export interface Mutation {
  kind: MutationKind;
  /** Which slot of the value (0 = the whole input; then depth-first over keys and items). */
  slot: number;
  /** Picks among the kind's candidate values. */
  pick: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  slot: fc.nat(),
  pick: fc.nat(),
});

interface Slot {
  parent: Record<string, unknown> | unknown[] | null;
  key: string | number;
  value: unknown;
}

function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [{ parent: null, key: '', value: root }];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        slots.push({ parent: value, key: i, value: item });
        visit(item);
      });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        slots.push({ parent: value as Record<string, unknown>, key, value: item });
        visit(item);
      }
    }
  };
  visit(root);
  return slots;
}

const nth = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** Applies one mutation to a copy of `value`; answers the mutated copy. */
export function mutate(value: unknown, mutation: Mutation): unknown {
  const root = structuredClone(value);
  const slots = slotsOf(root);
  const slot = nth(slots, mutation.slot);
  const replace = (next: unknown): unknown => {
    if (slot.parent === null) return next;
    (slot.parent as Record<string | number, unknown>)[slot.key] = next;
    return root;
  };
  switch (mutation.kind) {
    case 'hostileText':
      // In a string's place this keeps the shape: the handler gets the text.
      return replace(nth(HOSTILE_STRINGS, mutation.pick));
    case 'drop':
      if (slot.parent === null) return undefined; // no input at all
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return root;
    case 'wrongType':
      return replace(nth(WRONG_TYPES, mutation.pick));
    case 'operator':
      return replace(nth(OPERATOR_INJECTIONS, mutation.pick));
    case 'hugeString':
      return replace(ONE_MB_STRING);
    case 'hugeArray':
      return replace(bigArray(slot.value ?? 'x'));
    case 'deepObject':
      return replace(deeplyNested(2000, 'object'));
    case 'deepArray':
      return replace(deeplyNested(2000, 'array'));
    case 'prototypeKeys':
      return replace(
        slot.value && typeof slot.value === 'object' && !Array.isArray(slot.value)
          ? withPrototypeKeys(slot.value as Record<string, unknown>)
          : withPrototypeKeys(),
      );
    case 'unknownKey': {
      const target =
        slot.value && typeof slot.value === 'object' && !Array.isArray(slot.value)
          ? (slot.value as Record<string, unknown>)
          : null;
      if (!target) return replace({ [nth(HOSTILE_KEYS, mutation.pick)]: slot.value });
      Object.defineProperty(target, nth(HOSTILE_KEYS, mutation.pick), {
        value: nth(OPERATOR_INJECTIONS, mutation.pick),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return root;
    }
    case 'badNumber':
      return replace(nth(HOSTILE_NUMBERS, mutation.pick));
  }
}

/**
 * An action's payloads: a shaped value (or one of the action's valid examples, examples.ts),
 * mutated three times in four; the fourth reaches the handler with hostile content in valid places.
 */
export function actionPayload(
  schema: JsonSchema,
  ctx: PayloadContext,
  examples: readonly unknown[] = [],
): fc.Arbitrary<unknown> {
  const base =
    examples.length > 0 ? fc.oneof(shapedValue(schema, ctx), fc.constantFrom(...examples)) : shapedValue(schema, ctx);
  return fc
    .tuple(base, fc.option(mutationArbitrary, { freq: 4, nil: null }))
    .map(([value, mutation]) => (mutation ? mutate(value, mutation) : structuredClone(value)));
}

/** Strings in the database's documents that look like ids: what handlers look things up by. */
export function collectKnownIds(collections: Record<string, readonly Record<string, unknown>[]>): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === '_id' || key === 'id' || /Id$/.test(key)) ids.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, item] of Object.entries(value)) visit(item, k);
    }
  };
  for (const docs of Object.values(collections)) for (const doc of docs) visit(doc, '');
  return [...ids].sort();
}
