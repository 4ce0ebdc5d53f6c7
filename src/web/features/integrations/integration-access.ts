import { can } from '../../../domain/access/policy';
import type { UserDto } from '../../lib/api';

/**
 * Whether the user may see and change integrations. The server asks the access policy whether the
 * caller may change campaigns — even to read them, since the mapping and endpoint are how leads get
 * in — so the navigation and the screens ask the same rule.
 * Example: a marketer or an admin → true; a manager or a rep → false.
 */
export function mayManageIntegrations(user: Pick<UserDto, 'id' | 'role' | 'teamId' | 'grants'>): boolean {
  return can({ ...user, managedTeamIds: [] }, 'update', 'campaign');
}
