import { isFreeMailDomain } from '../people/contact-keys.js';
import type { Behaviour } from './rules.js';

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
