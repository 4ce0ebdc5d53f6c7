import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadStage } from '../../../domain/leads/stages';
import type { Temperature } from '../../../domain/leads/temperature';

const STAGE_COLORS: Record<LeadStage, string> = {
  suspect: 'gray',
  mql: 'cyan',
  sql: 'indigo',
  converted: 'green',
  disqualified: 'dark',
  parked: 'yellow',
};

const TEMPERATURE_COLORS: Record<Temperature, string> = { hot: 'red', warm: 'orange', cold: 'blue' };

// why: a badge's label may shrink to "SUSPE…" in a table column; a stage name must stay readable.
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

export function StageBadge({ stage }: { stage: LeadStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      variant="light"
      styles={NO_TRUNCATION}
      data-testid="stage-badge"
      data-stage={stage}
    >
      {t(`stages.${stage}`)}
    </Badge>
  );
}

export function TemperatureBadge({ temperature }: { temperature: Temperature }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={TEMPERATURE_COLORS[temperature]}
      variant="filled"
      styles={NO_TRUNCATION}
      data-testid="temperature-badge"
      data-temperature={temperature}
    >
      {t(`temperatures.${temperature}`)}
    </Badge>
  );
}
