import type { Migration } from 'kysely';
import type { DialectName } from '../connect.js';
import { foundation } from './20261126T2300-foundation.js';
import { leads } from './20261126T2330-leads.js';
import { viewsAndBulk } from './20261127T0000-views-bulk.js';
import { notifications } from './20261127T0010-notifications.js';
import { leadSearch } from './20261127T0020-lead-search.js';
import { leadTerms } from './20261127T0030-lead-terms.js';
import { leadTemperature } from './20261127T0040-lead-temperature.js';
import { capture } from './20261127T0100-capture.js';
import { importsAndWebhooks } from './20261127T0110-imports-webhooks.js';
import { engagementAndReferrals } from './20261127T0120-engagement-referrals.js';
import { chat } from './20261127T0130-chat.js';
import { chatQuestions } from './20261127T0140-chat-questions.js';
import { scoring } from './20261127T0200-scoring.js';
import { routing } from './20261127T0210-routing.js';
import { sla } from './20261127T0220-sla.js';
import { predictive } from './20261127T0230-predictive.js';
import { termsOwner } from './20261127T0240-terms-owner.js';

/** A migration may branch on the dialect (auto-increment, locking, types) where it must. */
export type MigrationFactory = (dialect: DialectName) => Migration;

/** Every migration, in order. Names are timestamps; applied ones are never edited (forward-only). */
export const MIGRATIONS: Record<string, MigrationFactory> = {
  '20261126T2300-foundation': foundation,
  '20261126T2330-leads': leads,
  '20261127T0000-views-bulk': viewsAndBulk,
  '20261127T0010-notifications': notifications,
  '20261127T0020-lead-search': leadSearch,
  '20261127T0030-lead-terms': leadTerms,
  '20261127T0040-lead-temperature': leadTemperature,
  '20261127T0100-capture': capture,
  '20261127T0110-imports-webhooks': importsAndWebhooks,
  '20261127T0120-engagement-referrals': engagementAndReferrals,
  '20261127T0130-chat': chat,
  '20261127T0140-chat-questions': chatQuestions,
  '20261127T0200-scoring': scoring,
  '20261127T0210-routing': routing,
  '20261127T0220-sla': sla,
  '20261127T0230-predictive': predictive,
  '20261127T0240-terms-owner': termsOwner,
};
