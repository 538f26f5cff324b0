import type { OpenAPIObject } from '@nestjs/swagger';
import { jsonSchemasFromValidators } from '@mash/contracts';

/**
 * The contract's classes carry class-validator rules, not Swagger decorators. Rather than describe every
 * field twice, fill the OpenAPI schemas Swagger left empty from the validation rules themselves (the same
 * generator as the AsyncAPI document), so /docs shows exactly what the endpoints enforce.
 */
export function fillSchemasFromValidators(document: OpenAPIObject): OpenAPIObject {
  const generated = jsonSchemasFromValidators('#/components/schemas/');
  const schemas = (document.components ??= {}).schemas ?? {};
  const refs = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)].map((match) => match[1]);
  const queue = refs(document);
  const seen = new Set(queue);
  while (queue.length) {
    const name = queue.pop()!;
    const existing = schemas[name] as { properties?: object } | undefined;
    const schema = generated[name];
    if (!schema || (existing?.properties && Object.keys(existing.properties).length)) continue;
    schemas[name] = schema as never;
    for (const ref of refs(schema)) {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  document.components.schemas = schemas;
  return document;
}
