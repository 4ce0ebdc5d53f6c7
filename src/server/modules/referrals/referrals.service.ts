import { AppError } from '../../../domain/errors/app-error.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import { personName } from '../../../domain/people/person.js';
import { REFERRAL_SOURCE_KEY, referralEarned, thankYouDueAt } from '../../../domain/referrals/referral.js';
import type { ActorContext, CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { insertActivity } from '../activities/activities.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { CaptureResult } from '../capture/capture.service.js';
import { newToken } from '../engagement/engagement.service.js';
import { findLead } from '../leads/leads.repository.js';
import { systemEvent } from '../leads/leads.view.js';
import { visiblePerson } from '../people/people.query.service.js';
import { findPeople, peopleMatching } from '../people/people.repository.js';
import { findSourceIdByKey } from '../sources/sources.repository.js';
import {
  insertLink,
  latestOwnedLeadOf,
  liveLinkByToken,
  liveLinkOf,
  type ReferralLink,
  referralFormId,
} from './referrals.repository.js';
import type { ReferralLinkDto } from './referrals.schemas.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A person's personal referral link, for anyone who may see the person: their live link when they
 * have one, else a new one (`created`). One live link per person, however many ask at once.
 */
export async function referralLinkFor(
  deps: Deps,
  caller: ActorContext,
  personId: string,
  appOrigin: string,
): Promise<ReferralLinkDto & { created: boolean }> {
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await visiblePerson(trx, caller, personId);
    const dto = (l: ReferralLink, created: boolean) => ({
      token: l.token,
      url: `${appOrigin}/r/${l.token}`,
      created,
    });
    const live = await liveLinkOf(trx, personId);
    if (live) return dto(live, false);
    const link: ReferralLink = {
      id: newId(),
      personId,
      token: newToken(),
      formId: null,
      createdBy: caller.user.id,
      createdAt: now,
    };
    if (!(await insertLink(trx, link))) {
      const winner = await liveLinkOf(trx, personId);
      if (winner) return dto(winner, false);
      throw new AppError('conflict', 'The referral link changed meanwhile; try again');
    }
    await recordAudit(trx, caller, {
      entityType: 'referral_link',
      entityId: link.id,
      action: 'create',
      after: { personId, formId: null },
      at: now,
    });
    return dto(link, true);
  });
}

/** Where `/r/{token}` sends a visitor: the referral form with the token; 404 for an unknown link or no form. */
export async function referralFormPath(deps: Deps, token: string): Promise<string> {
  const link = TOKEN_PATTERN.test(token) ? await liveLinkByToken(deps.db, token) : undefined;
  if (!link) throw new AppError('not_found', 'No such referral link');
  const formId = await referralFormId(deps.db, link.formId);
  if (!formId) throw new AppError('not_found', 'No referral form is active');
  return `/embed/forms/${formId}?_ref=${encodeURIComponent(link.token)}`;
}

/** What a referred submission earns: who referred it, and the source it is credited to. */
export interface ReferralCredit {
  linkId: string;
  referrerId: string;
  referrerName: string;
  /** The seeded customer-referral source, when it still exists. */
  sourceId: string | null;
}

/**
 * The credit a submission's referral token earns, resolved from the stored link (never from an id
 * in the payload): none for an unknown or disabled token, a referrer who is gone, or a referrer
 * referring themselves (the submitter's e-mail is theirs).
 */
export async function referralCredit(
  trx: Db,
  token: string | null,
  submitterEmails: readonly string[],
): Promise<ReferralCredit | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const link = await liveLinkByToken(trx, token);
  const referrer = link && (await findPeople(trx, [link.personId])).get(link.personId);
  if (!link || !referrer) return null;
  const emailKeys = submitterEmails.map(emailKey);
  const submitters = emailKeys.length ? await peopleMatching(trx, { emailKeys, phones: [] }) : [];
  if (
    !referralEarned(
      referrer.id,
      submitters.map((m) => m.personId),
    )
  )
    return null;
  return {
    linkId: link.id,
    referrerId: referrer.id,
    referrerName: personName(referrer),
    sourceId: (await findSourceIdByKey(trx, REFERRAL_SOURCE_KEY)) ?? null,
  };
}

/**
 * The thanks a referral earns, in the capture's transaction: only when it made a new lead (a known
 * person's open lead is no new referral) for someone other than the referrer. A task "Thank …" for
 * the owner of the referrer's latest lead (else the new lead's owner), due the next working day,
 * and a timeline entry on the new lead naming the referrer.
 */
export async function thankReferrer(
  trx: Db,
  deps: Deps,
  credit: ReferralCredit,
  result: CaptureResult,
): Promise<void> {
  if (!result.created || result.personId === credit.referrerId) return;
  const now = deps.now();
  const at = now.toISOString();
  const caller: CaptureContext = {
    user: null,
    channel: 'referral',
    origin: { kind: 'referral_link', id: credit.linkId },
  };
  const referred = await findLead(trx, result.leadId);
  const referrerLead = await latestOwnedLeadOf(trx, credit.referrerId);
  await insertActivity(trx, {
    leadId: referrerLead?.id ?? result.leadId,
    personId: referrerLead ? credit.referrerId : result.personId,
    type: 'task',
    subject: `Thank ${credit.referrerName} for the referral`.slice(0, 300),
    body: null,
    occurredAt: at,
    dueAt: thankYouDueAt(deps.config.timeZone, now),
    doneAt: null,
    assigneeId: referrerLead?.ownerId ?? referred?.ownerId ?? null,
    data: { event: 'referral_thanks', referrerPersonId: credit.referrerId, referredLeadId: result.leadId },
    channel: caller.channel,
    createdBy: null,
    at,
  });
  await insertActivity(
    trx,
    systemEvent(caller, { id: result.leadId, personId: result.personId }, at, {
      event: 'referred',
      referrerPersonId: credit.referrerId,
      referrerName: credit.referrerName,
    }),
  );
}
