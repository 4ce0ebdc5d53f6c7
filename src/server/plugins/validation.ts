import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../../domain/errors/app-error.js';
import { fieldErrors } from './errors.js';

// why: ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

const common: Options = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false };

/** Bodies are taken as sent: a number where a string belongs is an error, not a conversion. */
const strictAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
/** Query strings, path params and headers are text by nature, so `?limit=2` may become a number. */
const coercingAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

/**
 * One validator per HTTP part. Unknown fields are refused everywhere (`additionalProperties: false`
 * in the schemas) and every error is reported, so a problem names each bad field.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema);

/**
 * A request-body schema as a plain check, for input that arrives some other way than an HTTP body
 * (an imported row): the same rules, the same `{ field, code }` errors.
 */
export function checkAgainst(schema: object): (value: unknown) => FieldError[] {
  const validate = strictAjv.compile(schema);
  return (value) =>
    validate(value) ? [] : fieldErrors('body', (validate.errors ?? []) as Parameters<typeof fieldErrors>[1]);
}
