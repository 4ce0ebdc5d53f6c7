import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadStage } from '../../../domain/leads/stages';
import type { LeadListItem, LeadListQueryInput } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { problemMessage } from '../../lib/problems';
import { BoardCard } from './BoardCard';
import { useLeadColumn } from './useLeadBoard';

interface BoardColumnProps {
  stage: LeadStage;
  query: LeadListQueryInput;
  /** The card being dragged, if any: a column accepts it unless it is already there. */
  dragged: LeadListItem | null;
  movingId: string | null;
  onDragStart: (lead: LeadListItem) => void;
  onDragEnd: () => void;
  onDrop: (stage: LeadStage) => void;
  onMove: (lead: LeadListItem, stage: LeadStage) => void;
}

function ColumnCount({ count }: { count: { value: number; capped: boolean } | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  const label = count.capped
    ? t('leads.countCapped', { count: count.value })
    : t('leads.count', { count: count.value });
  return (
    <Badge variant="light" color="gray" aria-label={label} title={label} data-testid="column-count">
      {formatNumber(count.value)}
      {count.capped ? '+' : ''}
    </Badge>
  );
}

/** One stage of the board: its first cards, its capped count, more on request, and a drop target. */
export function BoardColumn({
  stage,
  query,
  dragged,
  movingId,
  onDragStart,
  onDragEnd,
  onDrop,
  onMove,
}: BoardColumnProps) {
  const { t } = useTranslation();
  const column = useLeadColumn(stage, query);
  const [over, setOver] = useState(false);
  const cards = column.data?.pages.flatMap((page) => page.items) ?? [];
  const accepts = dragged !== null && dragged.stage !== stage;

  const dragOver = (event: DragEvent) => {
    if (!accepts) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const dragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (accepts) onDrop(stage);
  };

  return (
    <Paper
      withBorder
      p="xs"
      w={248}
      miw={248}
      bg={over ? 'teal.0' : 'gray.0'}
      style={{
        alignSelf: 'flex-start',
        outline: over ? '2px dashed var(--mantine-color-teal-6)' : undefined,
      }}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
      data-testid="board-column"
      data-stage={stage}
      aria-busy={column.isFetching}
    >
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text fw={600} size="sm">
          {t(`stages.${stage}`)}
        </Text>
        <ColumnCount count={column.data?.pages[0]?.count} />
      </Group>
      {stage === 'converted' ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('board.convertedHint')}
        </Text>
      ) : null}
      {column.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {column.isError ? <Alert color="red">{problemMessage(column.error)}</Alert> : null}
      <Stack gap="xs">
        {cards.map((lead) => (
          <BoardCard
            key={lead.id}
            lead={lead}
            movable={stage !== 'converted'}
            moving={movingId === lead.id}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onMove={onMove}
          />
        ))}
        {column.isSuccess && cards.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="sm">
            {t('board.emptyColumn')}
          </Text>
        ) : null}
      </Stack>
      {column.hasNextPage ? (
        <Button
          variant="subtle"
          size="compact-sm"
          fullWidth
          mt="xs"
          onClick={() => void column.fetchNextPage()}
          loading={column.isFetchingNextPage}
          data-testid="column-load-more"
        >
          {t('leads.loadMore')}
        </Button>
      ) : null}
    </Paper>
  );
}
