import type { Touch } from '../../../domain/capture/attribution.js';
import { AppError } from '../../../domain/errors/app-error.js';
import {
  type RenderedField,
  readSubmission,
  timeframeFromChoice,
} from '../../../domain/forms/form-fields.js';
import type { CaptureContext, Deps } from '../../context.js';
import { captureLead } from '../capture/capture.service.js';
import { claimInbox, finishInbox, InboxRunner, processInboxRow, yieldToRequests } from '../capture/inbox.js';
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
 * are checked again (the form may have changed since), and a submission that no longer fits is
 * marked failed with the reasons, for a person to look at — not dropped.
 */
async function processOne(
  deps: Deps,
  s: Submission,
  forms: Map<string, FormAsRendered | undefined>,
): Promise<void> {
  if (!forms.has(s.formId)) {
    const found = await findForm(deps.db, s.formId);
    forms.set(s.formId, found && { form: found, fields: await renderedFields(deps.db, found.fields) });
  }
  const known = forms.get(s.formId);
  if (!known) {
    const gone = {
      status: 'failed' as const,
      error: JSON.stringify({ code: 'not_found', message: 'The form was removed' }),
    };
    await finishInbox(deps.db, 'form_submissions', s, gone, deps.now().toISOString());
    return;
  }
  const { form, fields } = known;
  const caller: CaptureContext = { user: null, channel: 'form', origin: { kind: 'form', id: form.id } };
  await processInboxRow(deps, 'form_submissions', s, async (trx) => {
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
  });
}

/** Works through the pending submissions until none is left; returns how many it handled. */
export async function drainFormInbox(deps: Deps): Promise<number> {
  let handled = 0;
  const forms = new Map<string, FormAsRendered | undefined>();
  for (;;) {
    const batch = (await claimInbox<Parameters<typeof toSubmission>[0]>(deps, 'form_submissions')).map(
      toSubmission,
    );
    if (!batch.length) return handled;
    for (const s of batch) {
      await yieldToRequests();
      await processOne(deps, s, forms);
      handled += 1;
    }
  }
}

const runner = new InboxRunner('form-inbox', drainFormInbox);

/** Drains the form inbox now (see InboxRunner); submissions call it after storing. */
export const kickFormInbox = (deps: Deps): void => runner.kick(deps);
export const stopFormInbox = (deps: Deps): Promise<void> => runner.stop(deps);
export const formInboxIdle = (deps: Deps): Promise<void> => runner.idle(deps);
export const onFormInboxError = (deps: Deps, report: (error: unknown) => void): void =>
  runner.onError(deps, report);
