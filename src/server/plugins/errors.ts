import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  type ErrorCode,
  FIELD_MESSAGES,
  type FieldError,
  type FieldErrorCode,
} from '../../domain/errors/app-error.js';
import { redactToken } from './sse.js';

/** The one map from error code to HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  locked: 429,
  rate_limited: 429,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): FastifyReply {
  const body: ProblemBody = {
    type: `urn:piltuvas:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
  };
  if (errors?.length) body.errors = errors;
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Ajv keyword → the field error code the UI translates. */
const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  additionalProperties: 'not_allowed',
  type: 'invalid_type',
  format: 'invalid_format',
  pattern: 'invalid_format',
  minLength: 'too_short',
  maxLength: 'too_long',
  minItems: 'too_short',
  maxItems: 'too_long',
  enum: 'invalid_value',
  const: 'invalid_value',
  anyOf: 'invalid_value',
  uniqueItems: 'invalid_value',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
  minProperties: 'empty',
};

/** Ajv's errors as one `{ field, code, message }` per field (`email`, `params.id`, `isAdmin`…). */
export function fieldErrors(context: string | undefined, validation: AjvError[]): FieldError[] {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of validation) {
    const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const named =
      e.keyword === 'required'
        ? e.params.missingProperty
        : e.keyword === 'additionalProperties'
          ? e.params.additionalProperty
          : undefined;
    const field = `${prefix}${[path, named].filter(Boolean).join('.') || '(root)'}`;
    const code = KEYWORD_CODES[e.keyword] ?? 'invalid';
    // why: a union failure repeats one field several times; one line per field is clearer.
    if (seen.has(field)) continue;
    seen.add(field);
    const own = code === 'required' || code === 'not_allowed' || code === 'empty';
    out.push({ field, code, message: own ? FIELD_MESSAGES[code] : (e.message ?? FIELD_MESSAGES[code]) });
  }
  return out;
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const status = STATUS[error.code];
      if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
      return sendProblem(reply, status, error.code, error.message, error.errors);
    }
    if (error.validation) {
      const errors = fieldErrors(error.validationContext, error.validation as AjvError[]);
      const detail = `Invalid request: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
      return sendProblem(reply, 400, 'validation', detail, errors);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, 413, 'payload_too_large', 'The request body is too large');
    if (status === 429) {
      return sendProblem(reply, 429, 'rate_limited', 'Too many requests; try again later');
    }
    if (status < 500) {
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'malformed_json'
          : 'bad_request';
      const detail = code === 'malformed_json' ? 'The request body is not valid JSON' : error.message;
      return sendProblem(reply, status, code, detail);
    }
    // The URL may carry a secret (the chat stream's ?token=): it never reaches the log.
    request.log.error(
      { err: error, url: redactToken(request.url), method: request.method },
      'request failed',
    );
    return sendProblem(reply, 500, 'internal', 'Something went wrong on our side; it has been logged');
  });
});
