import { Box, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LEAD_STAGES, type LeadStage } from '../../../domain/leads/stages';
import { PageHeader } from '../../components/PageHeader';
import type { LeadListItem } from '../../lib/api';
import { notifyRefusal, notifySuccess } from '../../lib/problems';
import { BoardColumn } from './BoardColumn';
import { DisqualifyModal } from './DisqualifyModal';
import { LeadFilterBar } from './LeadFilterBar';
import { LeadsViewSwitch } from './LeadsViewSwitch';
import { filtersFromParams, filtersToParams, type LeadFilters, toListQuery } from './lead-filters';
import { ParkModal } from './ParkModal';
import { useMoveLead } from './useLeads';

type Asking = { action: 'disqualify' | 'park' | null; leadId: string; round: number };

/**
 * The leads by stage, one column each, with the list's filters. A card moves when the server has
 * accepted the change (never before: a refusal leaves it where it was); disqualifying and parking
 * first ask for their reason or date in the same dialogs as the lead page.
 */
export function LeadBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const { stage: _stages, deleted: _bin, ...query } = toListQuery(filters);
  const stages = LEAD_STAGES.filter((stage) => filters.stages.length === 0 || filters.stages.includes(stage));
  const [dragged, setDragged] = useState<LeadListItem | null>(null);
  const [asking, setAsking] = useState<Asking>({ action: null, leadId: '', round: 0 });
  const moveLead = useMoveLead();

  const change = (next: LeadFilters) =>
    setParams(filtersToParams({ ...next, deleted: false }), { replace: true });
  const move = (lead: LeadListItem, stage: LeadStage) => {
    if (lead.stage === stage) return;
    if (stage === 'disqualified' || stage === 'parked') {
      const action = stage === 'disqualified' ? 'disqualify' : 'park';
      setAsking((old) => ({ action, leadId: lead.id, round: old.round + 1 }));
      return;
    }
    moveLead.mutate(
      { id: lead.id, input: { stage } },
      {
        onSuccess: () => notifySuccess(t('board.moved', { title: lead.title, stage: t(`stages.${stage}`) })),
        onError: notifyRefusal,
      },
    );
  };
  const closeModal = () => setAsking((old) => ({ ...old, action: null }));

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        actions={
          <>
            <LeadsViewSwitch current="board" />
            <Button component={Link} to="/leads/new" leftSection={<IconPlus size={16} />}>
              {t('leads.new')}
            </Button>
          </>
        }
      />
      <LeadFilterBar filters={filters} onChange={change} board />
      <Box style={{ overflowX: 'auto' }} pb="sm">
        <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="lead-board">
          {stages.map((stage) => (
            <BoardColumn
              key={stage}
              stage={stage}
              query={query}
              dragged={dragged}
              movingId={moveLead.isPending ? (moveLead.variables?.id ?? null) : null}
              onDragStart={setDragged}
              onDragEnd={() => setDragged(null)}
              onDrop={(to) => {
                if (dragged) move(dragged, to);
                setDragged(null);
              }}
              onMove={move}
            />
          ))}
        </Group>
      </Box>
      <DisqualifyModal
        key={`disqualify-${asking.round}`}
        leadId={asking.leadId}
        opened={asking.action === 'disqualify'}
        onClose={closeModal}
      />
      <ParkModal
        key={`park-${asking.round}`}
        leadId={asking.leadId}
        opened={asking.action === 'park'}
        onClose={closeModal}
      />
    </>
  );
}
