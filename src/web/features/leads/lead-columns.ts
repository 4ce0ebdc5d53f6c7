import { useLocalStorage } from '@mantine/hooks';
import { LEAD_COLUMNS, type LeadColumn } from '../../../domain/leads/list-columns';

/** The lead table's columns: which exist, which show at first, and the choice kept on this device. */

export { LEAD_COLUMNS, type LeadColumn };

export const DEFAULT_COLUMNS: readonly LeadColumn[] = [
  'title',
  'person',
  'organisation',
  'email',
  'phone',
  'stage',
  'temperature',
  'owner',
  'created',
  'lastActivity',
];

/** The title carries the link to the lead, so it always shows. */
export const FIXED_COLUMN: LeadColumn = 'title';

/** Known columns in the table's order, the title always among them; anything else is dropped. */
export function normaliseColumns(columns: readonly unknown[]): LeadColumn[] {
  const chosen = new Set(columns);
  chosen.add(FIXED_COLUMN);
  return LEAD_COLUMNS.filter((column) => chosen.has(column));
}

/** The columns this device last showed (a saved view applied, or the columns menu). */
export function useLeadColumns(): [LeadColumn[], (columns: readonly LeadColumn[]) => void] {
  const [stored, setStored] = useLocalStorage<string[]>({
    key: 'piltuvas.leadColumns',
    defaultValue: [...DEFAULT_COLUMNS],
    getInitialValueInEffect: false,
  });
  const columns = normaliseColumns(Array.isArray(stored) ? stored : DEFAULT_COLUMNS);
  return [columns, (next) => setStored(normaliseColumns(next))];
}
