import type { ImportMatch, ImportMode } from '../../../domain/imports/outcome';
import type { ImportSettingsInput } from '../../lib/api';
import { type Mapping, mapsExternalId } from './mapping';

/** The wizard's settings besides the mapping, and how they become the upload's fields. */

/** The match keys offered, in the order they are tried (matching on a company code is not built yet). */
export const MATCH_CHOICES = [
  'email',
  'phone',
  'external_id',
  'company',
] as const satisfies readonly ImportMatch[];
export type MatchChoice = (typeof MATCH_CHOICES)[number];

export type MemberStatus = NonNullable<ImportSettingsInput['memberStatus']>;
export const MEMBER_STATUSES = [
  'invited',
  'registered',
  'attended',
  'no_show',
  'responded',
  'unsubscribed',
] as const satisfies readonly MemberStatus[];

export interface ImportOptionsValues {
  match: MatchChoice[];
  mode: ImportMode;
  sourceId: string | null;
  campaignId: string | null;
  /** The campaign status the leads get (the server's default is `registered`). */
  memberStatus: MemberStatus;
  ownerId: string | null;
  externalSystem: string;
  dryRun: boolean;
}

export const DEFAULT_OPTIONS: ImportOptionsValues = {
  match: ['email'],
  mode: 'create_only',
  sourceId: null,
  campaignId: null,
  memberStatus: 'registered',
  ownerId: null,
  externalSystem: '',
  dryRun: true,
};

/**
 * The settings of an upload: match keys in the order offered, the campaign status only with a
 * campaign, the external system (lower-cased) only when a column holds external ids.
 * Example: `{ match: ['phone', 'email'], campaignId: null, … }` → `{ match: ['email', 'phone'], memberStatus: null, … }`.
 */
export function toSettings(mapping: Mapping, options: ImportOptionsValues): ImportSettingsInput {
  const system = options.externalSystem.trim().toLowerCase();
  return {
    mapping,
    match: MATCH_CHOICES.filter((key) => options.match.includes(key)),
    mode: options.mode,
    dryRun: options.dryRun,
    sourceId: options.sourceId,
    campaignId: options.campaignId,
    memberStatus: options.campaignId ? options.memberStatus : null,
    ownerId: options.ownerId,
    externalSystem: mapsExternalId(mapping) && system !== '' ? system : null,
  };
}
