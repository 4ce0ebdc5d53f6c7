import { can } from '../../domain/access/policy';
import type { UserDto } from './api';

/**
 * Whether the user may manage marketing's capture tools — forms, chat widgets, integrations and
 * tracked content. The server asks the access policy whether the caller may change campaigns (even
 * to read an integration, whose mapping and endpoint are how leads get in), so the navigation and
 * the screens ask the same rule. Teams play no part in it.
 * Example: a marketer or an admin → true; a manager or a rep → false.
 */
export function mayManageMarketing(user: Pick<UserDto, 'id' | 'role' | 'teamId' | 'grants'>): boolean {
  return can({ ...user, managedTeamIds: [] }, 'update', 'campaign');
}
