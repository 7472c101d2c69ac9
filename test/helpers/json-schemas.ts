// Validates JSON documents against the schemas in test/schemas/ with ajv (JSON Schema 2020-12, formats checked).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PROJECT } from './sites.ts';

// Strict, except that `required` may name properties declared beside an anyOf (how JSON Feed says "one of these").
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);

function schemaId(file: string): string {
  const schema = JSON.parse(readFileSync(path.join(PROJECT, 'test/schemas', file), 'utf8')) as { $id: string };
  if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  return schema.$id;
}

/** Every violation of the schema (or of one of its $defs) as "path: message" lines; empty when the document is valid. */
export function schemaErrors(file: string, document: unknown, definition?: string): string[] {
  const id = schemaId(file);
  const validate = ajv.getSchema(definition ? `${id}#/$defs/${definition.replace(/~/g, '~0').replace(/\//g, '~1')}` : id);
  if (!validate) throw new Error(`no schema ${definition ?? ''} in test/schemas/${file}`);
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`);
}
