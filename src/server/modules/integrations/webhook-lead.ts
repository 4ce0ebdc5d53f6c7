import { type Touch, touchFrom } from '../../../domain/capture/attribution.js';
import { type CustomValue, validateCustomValues } from '../../../domain/custom-fields/validate-values.js';
import { type FieldError, fieldError } from '../../../domain/errors/app-error.js';
import type { StandardTarget, WebhookTarget } from '../../../domain/integrations/mapping.js';
import { parseTimeframe } from '../../../domain/leads/temperature.js';
import { type CountryCode, isValidEmail, normalisePhone } from '../../../domain/people/contact-keys.js';
import type { Db } from '../../db/database.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';
import type { CustomFieldDto } from '../custom-fields/custom-fields.schemas.js';
import type { CreateLeadInput } from '../leads/leads.schemas.js';

/**
 * What a webhook's mapped values mean for the lead write path, checked the way that path would
 * check them (its length limits, e-mail and phone formats, a person to file the lead under), but
 * named by mapping target (`person.email`, `cf.budget`) so a sender learns which field to fix.
 * Run at receipt — a refused event stores nothing — and again by the worker, against the
 * mapping and custom fields as they are then.
 */
export interface WebhookLead {
  /** The lead's own fields; source, campaign and owner come from the integration. */
  lead: Pick<CreateLeadInput, 'person' | 'organisation' | 'title' | 'timeframe' | 'customFields'> & {
    sourceDetail?: string;
  };
  message: string | null;
  /** The campaign parameters as a touch, when any `utm.*` target gave a value. */
  touch: Touch | null;
  /** Values the lead has no place for (a company code without a company name), kept on the timeline entry. */
  unused: Partial<Record<WebhookTarget, string>>;
}

/** The write path's limits (people.schemas.ts, leads.schemas.ts); a message is timeline text. */
const MAX_LENGTH: Partial<Record<StandardTarget, number>> = {
  'person.firstName': 100,
  'person.lastName': 100,
  'person.email': 254,
  'person.phone': 40,
  'person.jobTitle': 150,
  'person.city': 100,
  'organisation.name': 200,
  'organisation.companyCode': 40,
  'organisation.website': 300,
  'lead.title': 200,
  'lead.timeframe': 10,
  'lead.message': 10_000,
  'lead.sourceDetail': 300,
};

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const YES = new Set(['yes', 'true', '1', 'on', 'taip']);
const NO = new Set(['no', 'false', '0', 'off', 'ne']);
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

type Values = Partial<Record<WebhookTarget, string>>;

/** Checks mapped values with the lead custom fields loaded from `db`. */
export async function readWebhookLead(
  db: Db,
  values: Values,
  receivedAt: string,
): Promise<{ lead: WebhookLead; errors: FieldError[] }> {
  const custom = Object.keys(values).some((k) => k.startsWith('cf.'))
    ? await listCustomFields(db, { entity: 'lead' })
    : [];
  return webhookLead(values, custom, receivedAt);
}

/**
 * Sorts mapped values into a lead, naming every problem at once: a value over the write path's
 * limit → too_long, a bad e-mail, phone, country or timeframe → invalid_format, a custom field
 * that does not exist → not_allowed (or the type problem of one that does), and no e-mail, phone
 * or name at all → `person` required.
 * Example: `webhookLead({ 'person.email': 'x' }, [], at).errors` → `[{ field: 'person.email', code: 'invalid_format', … }]`.
 */
export function webhookLead(
  values: Values,
  customFields: readonly CustomFieldDto[],
  receivedAt: string,
): { lead: WebhookLead; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const ok: Values = {};
  for (const [target, text] of Object.entries(values) as [WebhookTarget, string][]) {
    const max = MAX_LENGTH[target as StandardTarget];
    if (max !== undefined && text.length > max) {
      errors.push(fieldError(target, 'too_long'));
    } else {
      ok[target] = text;
    }
  }
  const country = ok['person.country'];
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    errors.push(fieldError('person.country', 'invalid_format'));
    delete ok['person.country'];
  }
  const email = ok['person.email'];
  if (email !== undefined && !isValidEmail(email)) errors.push(fieldError('person.email', 'invalid_format'));
  const phone = ok['person.phone'];
  const region = (ok['person.country']?.toUpperCase() ?? 'LT') as CountryCode;
  if (phone !== undefined && normalisePhone(phone, region) === null) {
    errors.push(fieldError('person.phone', 'invalid_format'));
  }
  const timeframe = ok['lead.timeframe'];
  if (timeframe !== undefined && typeof parseTimeframe(timeframe) !== 'object') {
    errors.push(fieldError('lead.timeframe', 'invalid_format'));
  }
  const hasPerson = ['person.firstName', 'person.lastName', 'person.email', 'person.phone'].some(
    (t) => values[t as WebhookTarget] !== undefined,
  );
  if (!hasPerson) errors.push(fieldError('person', 'required'));
  const customValues = customFieldValues(ok, customFields, errors);
  return { lead: leadOf(ok, customValues, receivedAt), errors };
}

function leadOf(v: Values, customFields: Record<string, CustomValue>, receivedAt: string): WebhookLead {
  const person: NonNullable<CreateLeadInput['person']> = {
    ...(v['person.firstName'] ? { firstName: v['person.firstName'] } : {}),
    ...(v['person.lastName'] ? { lastName: v['person.lastName'] } : {}),
    ...(v['person.email'] ? { emails: [v['person.email']] } : {}),
    ...(v['person.phone'] ? { phones: [v['person.phone']] } : {}),
    ...(v['person.jobTitle'] ? { jobTitle: v['person.jobTitle'] } : {}),
    ...(v['person.city'] ? { city: v['person.city'] } : {}),
    ...(v['person.country'] ? { country: v['person.country'].toUpperCase() } : {}),
  };
  const orgName = v['organisation.name'];
  const unused: Values = {};
  if (!orgName) {
    // why: the write path files a company only under its name; the rest is kept on the timeline, not lost.
    for (const t of ['organisation.companyCode', 'organisation.website'] as const) {
      if (v[t]) unused[t] = v[t];
    }
  }
  const utm: Record<string, string> = {};
  for (const part of UTM) {
    const value = v[`utm.${part}`];
    if (value) utm[`utm_${part}`] = value;
  }
  return {
    lead: {
      person,
      ...(orgName
        ? {
            organisation: {
              name: orgName,
              ...(v['organisation.companyCode'] ? { companyCode: v['organisation.companyCode'] } : {}),
              ...(v['organisation.website'] ? { website: v['organisation.website'] } : {}),
            },
          }
        : {}),
      ...(v['lead.title'] ? { title: v['lead.title'] } : {}),
      ...(v['lead.timeframe'] ? { timeframe: v['lead.timeframe'] } : {}),
      ...(v['lead.sourceDetail'] ? { sourceDetail: v['lead.sourceDetail'] } : {}),
      ...(Object.keys(customFields).length ? { customFields } : {}),
    },
    message: v['lead.message'] ?? null,
    touch: Object.keys(utm).length ? touchFrom(utm, receivedAt) : null,
    unused,
  };
}

/** `cf.<key>` texts as the custom field's type wants them, checked like any lead's custom values. */
function customFieldValues(
  v: Values,
  definitions: readonly CustomFieldDto[],
  errors: FieldError[],
): Record<string, CustomValue> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const raw: Record<string, unknown> = {};
  for (const [target, text] of Object.entries(v) as [WebhookTarget, string][]) {
    if (!target.startsWith('cf.')) continue;
    const key = target.slice(3);
    const converted = typed(byKey.get(key), text);
    if (converted === undefined) errors.push(fieldError(target, 'invalid_type'));
    else raw[key] = converted;
  }
  if (!Object.keys(raw).length) return {};
  const checked = validateCustomValues(definitions, raw);
  if (checked.ok) return checked.value;
  for (const e of checked.errors) errors.push({ ...e, field: e.field.replace(/^customFields\./, 'cf.') });
  return {};
}

/** A text as a custom field's type reads it; undefined when it cannot be that type. */
function typed(def: CustomFieldDto | undefined, text: string): unknown {
  switch (def?.type) {
    case 'number':
      return NUMBER.test(text) ? Number(text.replace(',', '.')) : undefined;
    case 'boolean': {
      const word = text.toLowerCase();
      return YES.has(word) ? true : NO.has(word) ? false : undefined;
    }
    case 'multiselect':
      return text
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text;
  }
}
