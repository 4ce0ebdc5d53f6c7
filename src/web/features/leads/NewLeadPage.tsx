import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import type { CreateLeadInput, DuplicateCandidate } from '../../lib/api';
import { notifySuccess } from '../../lib/problems';
import { LeadForm } from './LeadForm';
import { useCreateLead } from './useLeads';

/** State the detail page reads once after a create: the duplicates the server flagged. */
export interface CreatedLeadState {
  duplicates?: DuplicateCandidate[];
}

export function NewLeadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createLead = useCreateLead();

  const create = async (input: CreateLeadInput) => {
    const lead = await createLead.mutateAsync(input);
    notifySuccess(t('leads.createdDone', { title: lead.title }));
    const state: CreatedLeadState = { duplicates: lead.duplicates ?? [] };
    navigate(`/leads/${lead.id}`, { state });
  };

  return (
    <>
      <PageHeader title={t('leads.new')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <LeadForm onSubmit={create} onCancel={() => navigate('/leads')} />
      </Paper>
    </>
  );
}
