import { isFreeMailDomain } from '../people/contact-keys.js';
import type { Behaviour, ScoreModel } from './rules.js';

/**
 * How the timeline's records read as scoring behaviours. Content engagement counts from the
 * engagement events themselves (their timeline entries summarise them and are not counted twice).
 */
export function behaviourOfActivity(activity: {
  type: string;
  data: Record<string, unknown>;
  doneAt: string | null;
}): Behaviour | null {
  switch (activity.type) {
    case 'chat':
      return 'chat';
    case 'meeting':
      // a logged meeting took place at its time; one still ahead counts once that time has come (scoreLead)
      return 'meeting_held';
    case 'call':
      return activity.data.outcome === 'connected' ? 'call_connected' : null;
    case 'email':
      if (activity.data.event === 'clicked') return 'email_clicked';
      return activity.data.event === 'opened' ? 'email_opened' : null;
    case 'system':
      return activity.data.event === 'form_submitted' ? 'form_submitted' : null;
    default:
      return null;
  }
}

const ENGAGEMENT: Record<string, Behaviour> = {
  view: 'content_viewed',
  click: 'content_viewed',
  like: 'content_liked',
  reaction: 'content_liked',
  comment: 'content_liked',
  share: 'content_shared',
};

export function behaviourOfEngagement(kind: string): Behaviour | null {
  return ENGAGEMENT[kind] ?? null;
}

/** `email.kind` of a person's first e-mail: a free mailbox, a company's, or none. */
export function emailKind(email: string | null | undefined): 'free' | 'company' | 'none' {
  const domain = email?.split('@')[1];
  if (!domain) return 'none';
  return isFreeMailDomain(domain) ? 'free' : 'company';
}

/** What a set of scores reads: the rows a rescore loads, and no more. */
export interface FactsNeeded {
  person: boolean;
  organisation: boolean;
  source: boolean;
  email: boolean;
  products: boolean;
  tags: boolean;
  leadCustom: boolean;
  /** Activity types whose rows may be behaviour (`system` for form submissions). */
  activityTypes: string[];
  engagement: boolean;
}

const ACTIVITY_OF: Partial<Record<Behaviour, string>> = {
  form_submitted: 'system',
  email_opened: 'email',
  email_clicked: 'email',
  chat: 'chat',
  meeting_held: 'meeting',
  call_connected: 'call',
};

/**
 * Which facts the rules of these scores read: a full rescore of a million leads reads only those
 * (a score of job titles and calls never loads products, tags or content engagement).
 */
export function factsNeeded(models: readonly Pick<ScoreModel, 'rules'>[]): FactsNeeded {
  const fields = new Set<string>();
  const behaviours = new Set<Behaviour>();
  for (const m of models)
    for (const r of m.rules) {
      if (r.kind === 'fit') fields.add(r.field);
      else behaviours.add(r.behaviour);
    }
  const any = (prefix: string) => [...fields].some((f) => f.startsWith(prefix));
  return {
    person: any('person.') || any('custom.person.'),
    organisation: any('organisation.') || any('custom.organisation.'),
    source: fields.has('lead.source'),
    email: fields.has('email.kind'),
    products: fields.has('lead.products'),
    tags: fields.has('lead.tags'),
    leadCustom: any('custom.lead.'),
    activityTypes: [...new Set([...behaviours].flatMap((b) => ACTIVITY_OF[b] ?? []))].sort(),
    engagement: [...behaviours].some((b) => b.startsWith('content_')),
  };
}
