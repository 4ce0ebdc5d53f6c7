/**
 * Every failure the product reports on purpose. The domain names the code; the server maps
 * codes to HTTP statuses in one place (plugins/errors.ts), so the domain never knows HTTP.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'csrf',
  'payload_too_large',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = opts.errors ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** A validation failure naming one field: `invalidField('email', 'is already in use')`. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation', `${field} ${message}`, { errors: [{ field, message }] });
}
