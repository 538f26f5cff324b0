import type { OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');

/**
 * The contract's classes carry class-validator rules, not Swagger decorators. Rather than describe every
 * field twice, fill the OpenAPI schemas Swagger left empty from the validation rules themselves, so /docs
 * shows exactly what the endpoints enforce.
 */
export function fillSchemasFromValidators(document: OpenAPIObject): OpenAPIObject {
  const generated = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  });
  const schemas = (document.components ??= {}).schemas ?? {};
  const referenced = new Set<string>(
    [...JSON.stringify(document).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)].map((m) => m[1]),
  );
  const queue = [...referenced];
  while (queue.length) {
    const name = queue.pop()!;
    const schema = generated[name];
    const existing = schemas[name] as { properties?: object } | undefined;
    if (!schema || (existing && existing.properties && Object.keys(existing.properties).length)) continue;
    schemas[name] = schema as never;
    for (const match of JSON.stringify(schema).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)) {
      if (!referenced.has(match[1])) {
        referenced.add(match[1]);
        queue.push(match[1]);
      }
    }
  }
  document.components.schemas = schemas;
  return document;
}
