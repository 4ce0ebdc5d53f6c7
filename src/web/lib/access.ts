import { can, mayConfigure } from '../../domain/access/policy';
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

/**
 * Scoring (and later routing) settings, as the server's policy says: admins and marketers change
 * them, managers read them, reps neither.
 */
export function mayConfigureScoring(
  user: Pick<UserDto, 'id' | 'role' | 'teamId' | 'grants'>,
  action: 'read' | 'change',
): boolean {
  return mayConfigure({ ...user, managedTeamIds: [] }, action);
}
