import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { IS_ISO8601, IS_OPTIONAL, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };
export type JsonSchema = Schema;

// Markers the converters leave on a property, resolved (and removed) by `finishProperty`.
const OPTIONAL = 'x-mash-optional';
const CONDITIONAL = 'x-mash-conditional';
const REQUIRED_WHEN = 'x-mash-required-when';

/**
 * JSON Schemas generated from the class-validator rules of every class loaded so far (the contract's,
 * and any service's request classes), keyed by class name, with `$ref`s under `refPointerPrefix`.
 * One generator serves the AsyncAPI document and every service's OpenAPI document, so both describe
 * exactly what the code enforces.
 */
export function jsonSchemasFromValidators(
  refPointerPrefix = '#/components/schemas/',
): Record<string, JsonSchema> {
  const all = validationMetadatasToSchemas({
    refPointerPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      isCalendarDate: { type: 'string', format: 'date' },
      // A rule between fields (IsAbsentWhen), said in the field's description where it matters.
      isAbsent: {},
      // A timestamp, though a bare date is accepted too. anyOf, not the default oneOf: a validator that
      // ignores formats would find both branches match and refuse a valid message.
      [IS_ISO8601]: { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] },
      // IsOptional accepts null as well as absence; ValidateIf makes the other rules conditional.
      [ValidationTypes.CONDITIONAL_VALIDATION]: (meta: { name?: string }) =>
        meta.name === IS_OPTIONAL ? { [OPTIONAL]: true } : { [CONDITIONAL]: true },
      // Every IsDefined property has a type already; keep a custom message, which says when it is required.
      [ValidationTypes.IS_DEFINED]: (meta: { message?: unknown }) =>
        typeof meta.message === 'string' ? { [REQUIRED_WHEN]: meta.message } : {},
    },
  }) as unknown as Record<string, Schema>;
  return Object.fromEntries(Object.entries(all).map(([name, schema]) => [name, finishSchema(schema)]));
}

function finishSchema(schema: Schema): Schema {
  const properties = (schema.properties ?? {}) as Schema;
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, finishProperty(property as Schema)]),
    ),
  };
}

/** Resolves the markers: optional and conditional properties may be null; a conditional one says when it is required. */
function finishProperty(property: Schema): Schema {
  const {
    [OPTIONAL]: optional,
    [CONDITIONAL]: conditional,
    [REQUIRED_WHEN]: requiredWhen,
    ...schema
  } = property;
  let out = optional || conditional ? nullable(schema) : schema;
  if (conditional && typeof requiredWhen === 'string') out = { ...out, description: requiredWhen };
  return out;
}

function nullable(schema: Schema): Schema {
  // `type: [x, 'null']` reads best, and is right unless a $ref or a typed subschema would still refuse null.
  const subschemas = ['anyOf', 'oneOf', 'allOf'].flatMap((key) =>
    Array.isArray(schema[key]) ? schema[key] : [],
  );
  const untyped = subschemas.every(
    (sub) => sub !== null && typeof sub === 'object' && !('type' in sub) && !('$ref' in sub),
  );
  if (typeof schema.type === 'string' && !schema.$ref && !('const' in schema) && untyped) {
    const out: Schema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
