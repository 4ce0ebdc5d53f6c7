import type { Touch } from '../../../domain/capture/attribution.js';
import { AppError } from '../../../domain/errors/app-error.js';
import {
  type RenderedField,
  readSubmission,
  timeframeFromChoice,
} from '../../../domain/forms/form-fields.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import type { CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { captureLead } from '../capture/capture.service.js';
import { drainInbox, InboxRunner } from '../capture/inbox.js';
import { today } from '../leads/lead-rules.js';
import { referralCredit, thankReferrer } from '../referrals/referrals.service.js';
import { renderedFields } from './form-fields.query.js';
import { type Form, findForm, type Submission, toSubmission } from './forms.repository.js';

/** A form with its fields as rendered (products, custom fields), read once per drain, not per lead. */
interface FormAsRendered {
  form: Form;
  fields: RenderedField[];
}

/**
 * One submission becomes a lead (or an activity on a known person's open lead) in the
 * transaction that marks it processed: a crash in between leaves it pending for a retry, never
 * half done and never twice. The form as it is now decides owner, source and campaign; the values
 * are checked again (the form may have changed since), and a submission that no longer fits (or
 * whose form was removed) is marked failed with the reasons, for a person to look at — not dropped.
 */
async function processOne(
  trx: Db,
  deps: Deps,
  s: Submission,
  forms: Map<string, FormAsRendered | undefined>,
): Promise<{ leadId: string; personId: string | null }> {
  if (!forms.has(s.formId)) {
    const found = await findForm(trx, s.formId);
    forms.set(s.formId, found && { form: found, fields: await renderedFields(trx, found.fields) });
  }
  const known = forms.get(s.formId);
  if (!known) throw new AppError('not_found', 'The form was removed');
  const { form, fields } = known;
  const caller: CaptureContext = { user: null, channel: 'form', origin: { kind: 'form', id: form.id } };
  const { lead, errors } = readSubmission(fields, null, form.honeypotName, {
    ...s.payload.values,
    ...(s.payload.consent ? { consent: 'yes' } : {}),
  });
  if (errors.length) throw new AppError('validation', 'The submission no longer fits the form', { errors });
  const touches = s.payload.touches as { first: Touch; last: Touch } | null;
  const referral = await referralCredit(trx, s.payload.referralToken, lead.person.emails ?? []);
  const result = await captureLead(trx, deps, caller, {
    lead: {
      person: { ...lead.person, ...(s.payload.language ? { preferredLanguage: s.payload.language } : {}) },
      ...(lead.organisation?.name
        ? { organisation: { ...lead.organisation, name: lead.organisation.name } }
        : {}),
      timeframe: timeframeFromChoice(lead.timeframeChoice, today(deps)),
      productIds: lead.productIds,
      customFields: lead.customFields,
      sourceId: referral?.sourceId ?? form.sourceId,
      campaignId: form.campaignId,
      ownerId: form.ownerId,
      sourceDetail: form.name,
      ...(referral ? { referredByPersonId: referral.referrerId } : {}),
    },
    touches,
    visitorId: s.payload.visitorId,
    consent: form.consent
      ? {
          purpose: `form:${form.id}`,
          granted: s.payload.consent,
          wording: form.consent.text[s.payload.language ?? form.defaultLanguage],
          language: s.payload.language ?? form.defaultLanguage,
          ipHash: s.ipHash,
        }
      : null,
    event: {
      name: 'form_submitted',
      data: { formName: form.name, submissionId: s.id, answers: lead.answers, message: lead.message },
    },
  });
  if (referral) await thankReferrer(trx, deps, referral, result);
  return { leadId: result.leadId, personId: result.personId };
}

/** Works through the pending submissions until none is left; returns how many it handled. */
export async function drainFormInbox(deps: Deps): Promise<number> {
  const forms = new Map<string, FormAsRendered | undefined>();
  return drainInbox(
    deps,
    'form_submissions',
    toSubmission,
    (trx, s) => processOne(trx, deps, s, forms),
    personKey,
  );
}

/**
 * What tells a submission's person apart before it is read: the key of its e-mail (as the capture
 * locks it), so one person's submissions share a lane and keep their order.
 */
function personKey(s: Submission): string {
  const email = s.payload.values['person.email'];
  return typeof email === 'string' && email.trim() ? emailKey(email) : s.id;
}

const runner = new InboxRunner('form-inbox', drainFormInbox);

/** Drains the form inbox now (see InboxRunner); submissions call it after storing. */
export const kickFormInbox = (deps: Deps): void => runner.kick(deps);
export const stopFormInbox = (deps: Deps): Promise<void> => runner.stop(deps);
export const formInboxIdle = (deps: Deps): Promise<void> => runner.idle(deps);
export const onFormInboxError = (deps: Deps, report: (error: unknown) => void): void =>
  runner.onError(deps, report);
