import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconArrowMerge, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate, Lead } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useOrganisationNotDuplicate } from '../organisations/useOrganisations';
import { matchedText } from '../people/PersonDuplicates';

/** An organisation like the lead's: merge the lead's into it, or say they are different organisations. */
function OrganisationActions({
  lead,
  organisationId,
  candidate,
  onDismissed,
}: {
  lead: Pick<Lead, 'id'>;
  organisationId: string;
  candidate: DuplicateCandidate;
  onDismissed: () => void;
}) {
  const { t } = useTranslation();
  const notDuplicate = useOrganisationNotDuplicate(organisationId);
  const dismiss = () =>
    notDuplicate.mutate(candidate.id, {
      onSuccess: () => {
        notifySuccess(t('organisationMerge.notDuplicateDone', { name: candidate.name }));
        onDismissed();
      },
      onError: (error) => notifyProblem(error),
    });
  return (
    <Group gap="xs" mt={4}>
      <Button size="compact-sm" variant="default" loading={notDuplicate.isPending} onClick={dismiss}>
        {t('people.notDuplicate')}
      </Button>
      <Button
        size="compact-sm"
        component={Link}
        to={`/organisations/${candidate.id}/merge/${organisationId}?lead=${encodeURIComponent(lead.id)}`}
        leftSection={<IconArrowMerge size={14} />}
      >
        {t('people.merge')}
      </Button>
    </Group>
  );
}

/** After a create: people or organisations that look like the ones just entered; organisations can be merged from here. */
export function DuplicatesNotice({
  lead,
  duplicates,
  onClose,
}: {
  lead: Pick<Lead, 'id' | 'organisationId'>;
  duplicates: DuplicateCandidate[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = duplicates.filter((candidate) => !dismissed.includes(candidate.id));
  if (shown.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconCopy size={18} />}
      title={t('leads.duplicatesTitle', { count: shown.length })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      mb="md"
      data-testid="duplicates-notice"
    >
      <List size="sm">
        {shown.map((candidate) => (
          <List.Item key={`${candidate.kind}-${candidate.id}`} data-testid={`duplicate-${candidate.kind}`}>
            <Text size="sm" span>
              {t(`leads.duplicateKind.${candidate.kind}`)}: {candidate.name} — {matchedText(candidate, t)}
            </Text>
            {candidate.kind === 'organisation' &&
            lead.organisationId &&
            lead.organisationId !== candidate.id ? (
              <OrganisationActions
                lead={lead}
                organisationId={lead.organisationId}
                candidate={candidate}
                onDismissed={() => setDismissed((old) => [...old, candidate.id])}
              />
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
