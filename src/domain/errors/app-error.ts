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
  'unprocessable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a field was refused, as a stable code the UI translates (the English message is for API
 * users and logs). Validation codes come from the schema; the rest from domain rules.
 */
export const FIELD_MESSAGES = {
  required: 'is required',
  not_allowed: 'is not allowed',
  invalid_type: 'has the wrong type',
  invalid_format: 'has the wrong format',
  too_short: 'is too short',
  too_long: 'is too long',
  invalid_value: 'is not one of the allowed values',
  out_of_range: 'is out of range',
  empty: 'must contain at least one field',
  invalid: 'is invalid',
  in_use: 'is already in use',
  not_found: 'does not exist',
  user_disabled: 'is a disabled user',
  not_a_manager: 'must be a user with the manager or admin role',
  not_a_time_zone: 'is not a known IANA time zone',
  date_order: 'must not be before the start date',
  last_admin: 'would leave no active administrator',
  wrong_password: 'is not your current password',
  password_too_short: 'must be at least 10 characters long',
  password_too_long: 'must be at most 256 characters long',
  password_same_as_email: 'must not be the same as the e-mail address',
  bad_cursor: 'is not a cursor from this list',
  inactive: 'is deactivated',
  other_person: 'belongs to another person',
  same_stage: 'is already the stage of this lead',
  converted_by_pipeline: 'can only become converted through the pipeline',
  lead_converted: 'cannot change: the lead is converted',
  not_in_future: 'must be after today',
  already_undone: 'has already been undone',
  undo_expired: 'can no longer be undone: the time to undo has passed',
  unknown_column: 'is not a column of the file',
  ambiguous_column: 'is a column name the file has more than once',
  unknown_field: 'is not a field an import can fill',
  duplicate_target: 'is filled from two columns',
  no_identity: 'must map a column that says who a row is (e-mail, phone, name or company)',
  not_a_spreadsheet: 'is not a CSV or XLSX file',
  xlsx_too_large:
    'is an XLSX file larger than the server reads (PILTUVAS_IMPORT_XLSX_MAX_MB): save it as CSV',
  unknown_key: 'is not a known setting here',
  unknown_target: 'is not a field a webhook can fill',
  invalid_source: 'must name exactly one source: pointer, const, fieldData, liAnswer or first',
  invalid_pointer: 'is not a JSON Pointer (RFC 6901), e.g. /data/email',
  too_deep: 'nests too many sources',
  never_matches: 'can never match: the rule would give no points',
  threshold_order: 'must be above the MQL threshold',
  below_threshold: 'is below the SQL threshold: no lead could reach it',
  all_zero: 'gives everyone a weight of 0: nobody would get a lead',
} as const;
export type FieldErrorCode = keyof typeof FIELD_MESSAGES;

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** A field error with its standard message: `fieldError('email', 'in_use')`. */
export function fieldError(field: string, code: FieldErrorCode): FieldError {
  return { field, code, message: FIELD_MESSAGES[code] };
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

/** A validation failure naming one field: `invalidField('teamId', 'not_found')`. */
export function invalidField(field: string, code: FieldErrorCode): AppError {
  return new AppError('validation', `${field} ${FIELD_MESSAGES[code]}`, {
    errors: [fieldError(field, code)],
  });
}

/** A conflict with existing data on one field: `conflictOn('email', 'in_use', 'A user with this e-mail already exists')`. */
export function conflictOn(field: string, code: FieldErrorCode, detail: string): AppError {
  return new AppError('conflict', detail, { errors: [fieldError(field, code)] });
}

/**
 * Collects every field problem of one input so the answer names all of them at once:
 * `const v = new Validation(); v.check(ok, 'email', 'invalid_format'); v.throwIfAny();`.
 */
export class Validation {
  readonly errors: FieldError[] = [];

  add(field: string, code: FieldErrorCode): void {
    this.errors.push(fieldError(field, code));
  }

  /** Adds the problem when `ok` is false; returns `ok`. */
  check(ok: boolean, field: string, code: FieldErrorCode): boolean {
    if (!ok) this.add(field, code);
    return ok;
  }

  /** Checks every item of a list, naming the bad ones by index: `emails.2`. */
  checkEach<T>(items: readonly T[], field: string, ok: (item: T) => boolean, code: FieldErrorCode): void {
    for (const [i, item] of items.entries()) this.check(ok(item), `${field}.${i}`, code);
  }

  /** Throws one error naming every collected field (`unprocessable` for rule violations, 422). */
  throwIfAny(kind: 'validation' | 'unprocessable' = 'validation'): void {
    const error = this.error(kind);
    if (error) throw error;
  }

  /** The error `throwIfAny` would throw, or null when nothing was collected. */
  error(kind: 'validation' | 'unprocessable' = 'validation'): AppError | null {
    if (this.errors.length === 0) return null;
    const detail = this.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return new AppError(kind, detail, { errors: this.errors });
  }
}
