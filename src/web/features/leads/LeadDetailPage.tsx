import { Alert, Anchor, Button, Grid, Loader, Stack } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifyProblem, notifySuccess, problemMessage } from '../../lib/problems';
import { MessagePage } from '../home/MessagePage';
import { LeadAssignmentCard } from '../routing/LeadAssignmentCard';
import { LeadScoreCard } from '../scoring/LeadScoreCard';
import { DuplicatesNotice } from './DuplicatesNotice';
import { LeadActions } from './LeadActions';
import { LeadAttribution } from './LeadAttribution';
import { LeadFacts } from './LeadFacts';
import { LeadHeader } from './LeadHeader';
import { LeadTabs } from './LeadTabs';
import type { CreatedLeadState } from './NewLeadPage';
import { PersonCard } from './PersonCard';
import { useLead, useRestoreLead } from './useLeads';

function BinnedNotice({ leadId, deletedAt }: { leadId: string; deletedAt: string }) {
  const { t } = useTranslation();
  const restore = useRestoreLead();
  return (
    <Alert color="red" icon={<IconTrash size={18} />} mb="md" title={t('leads.inBin')}>
      {t('leads.inBinSince', { time: formatDateTime(deletedAt) })}{' '}
      <Button
        size="compact-sm"
        variant="white"
        color="red"
        loading={restore.isPending}
        onClick={() =>
          restore.mutate(leadId, {
            onSuccess: (lead) => notifySuccess(t('leads.restored', { title: lead.title })),
            onError: (error) => notifyProblem(error),
          })
        }
      >
        {t('leads.restore')}
      </Button>
    </Alert>
  );
}

/** One lead: who, what they want, what happened (timeline, history) and what to do next (quick actions). */
export function LeadDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const lead = useLead(id);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const duplicates = (location.state as CreatedLeadState | null)?.duplicates ?? [];

  if (lead.isPending) return <Loader m="md" aria-label={t('app.loading')} />;
  if (isApiError(lead.error, 404))
    return <MessagePage title={t('leads.notFound')} text={t('leads.notFoundText')} />;
  if (lead.isError) return <Alert color="red">{problemMessage(lead.error)}</Alert>;
  const data = lead.data;

  return (
    <>
      <Anchor component={Link} to="/leads" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
        <IconArrowLeft size={16} />
        {t('leads.backToList')}
      </Anchor>
      <LeadHeader lead={data} />
      {duplicates.length > 0 && dismissedFor !== id ? (
        <DuplicatesNotice lead={data} duplicates={duplicates} onClose={() => setDismissedFor(id)} />
      ) : null}
      {data.deletedAt ? <BinnedNotice leadId={data.id} deletedAt={data.deletedAt} /> : null}
      {data.deletedAt ? null : <LeadActions lead={data} />}
      <Grid gap="md" mt="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PersonCard lead={data} />
            <LeadFacts lead={data} />
            {data.deletedAt ? null : <LeadScoreCard leadId={data.id} />}
            {data.deletedAt ? null : <LeadAssignmentCard leadId={data.id} />}
            <LeadAttribution leadId={data.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <LeadTabs lead={data} />
        </Grid.Col>
      </Grid>
    </>
  );
}
