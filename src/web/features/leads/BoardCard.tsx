import { ActionIcon, Anchor, Group, Loader, Menu, Paper, Text } from '@mantine/core';
import { IconDotsVertical } from '@tabler/icons-react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEAD_STAGES, type LeadStage } from '../../../domain/leads/stages';
import type { LeadListItem } from '../../lib/api';
import { TemperatureBadge } from './LeadBadges';

interface BoardCardProps {
  lead: LeadListItem;
  /** Converted leads stay where the pipeline put them. */
  movable: boolean;
  /** A stage change of this card is waiting for the server's answer. */
  moving: boolean;
  onDragStart: (lead: LeadListItem) => void;
  onDragEnd: () => void;
  /** The same move as a drop, for the keyboard and for touch screens (no HTML5 drag there). */
  onMove: (lead: LeadListItem, stage: LeadStage) => void;
}

/** A lead on the board: title, person, temperature; dragged natively (HTML5) to another column. */
export function BoardCard({ lead, movable, moving, onDragStart, onDragEnd, onMove }: BoardCardProps) {
  const { t } = useTranslation();
  const startDrag = (event: DragEvent) => {
    event.dataTransfer.setData('text/plain', lead.id);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(lead);
  };
  return (
    <Paper
      withBorder
      p="xs"
      draggable={movable && !moving}
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
      style={{ cursor: movable ? 'grab' : undefined, opacity: moving ? 0.6 : 1 }}
      data-testid="board-card"
      data-lead-id={lead.id}
      aria-busy={moving}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
        <Anchor
          component={Link}
          to={`/leads/${lead.id}`}
          draggable={false}
          fw={500}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {lead.title}
        </Anchor>
        {moving ? <Loader size={14} aria-label={t('app.loading')} /> : null}
        {movable && !moving ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('board.moveMenu', { title: lead.title })}
              >
                <IconDotsVertical size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('leads.moveTo')}</Menu.Label>
              {LEAD_STAGES.filter((stage) => stage !== lead.stage && stage !== 'converted').map((stage) => (
                <Menu.Item key={stage} onClick={() => onMove(lead, stage)}>
                  {t(`stages.${stage}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {lead.personName && lead.personName !== lead.title ? (
        <Text size="xs" c="dimmed">
          {lead.personName}
        </Text>
      ) : null}
      <Group gap={6} mt={6} justify="space-between">
        <TemperatureBadge temperature={lead.temperature} />
        {lead.ownerName ? (
          <Text size="xs" c="dimmed" truncate maw={140}>
            {lead.ownerName}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}
