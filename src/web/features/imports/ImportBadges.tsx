import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../lib/api';

const COLORS: Record<ImportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  previewed: 'cyan',
  done: 'green',
  failed: 'red',
  cancelled: 'orange',
  undoing: 'grape',
  undone: 'dark',
};

// why: a status badge may shrink to "PERŽIŪR…" in a table column; it must stay readable.
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** An import's status; `data-status` carries the code for tests and styles. */
export function ImportStatusBadge({ status, testId }: { status: ImportStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      styles={NO_TRUNCATION}
      data-status={status}
      data-testid={testId}
    >
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

/** Marks an import that only decided and wrote nothing (a dry run not yet run). */
export function DryRunBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" styles={NO_TRUNCATION}>
      {t('imports.dryRunBadge')}
    </Badge>
  );
}
