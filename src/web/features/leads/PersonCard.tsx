import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconMail, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../lib/api';

function ContactLink({ href, icon, children }: { href: string; icon: ReactNode; children: string }) {
  return (
    <Anchor
      href={href}
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, overflowWrap: 'anywhere' }}
    >
      {icon}
      {children}
    </Anchor>
  );
}

/** Who the lead is: the person (a link to their page, with duplicates and merge) and the organisation. */
export function PersonCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { person, organisation } = lead;
  return (
    <Paper withBorder p="md" data-testid="person-card">
      <Stack gap={6}>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {person ? (
            <Anchor component={Link} to={`/people/${person.id}`} inherit data-testid="person-link">
              {person.name}
            </Anchor>
          ) : (
            (organisation?.name ?? lead.title)
          )}
        </Title>
        {person?.jobTitle ? (
          <Text size="sm" c="dimmed">
            {person.jobTitle}
          </Text>
        ) : null}
        {person?.emails.map((email) => (
          <ContactLink key={email} href={`mailto:${email}`} icon={<IconMail size={14} />}>
            {email}
          </ContactLink>
        ))}
        {person?.phones.map((phone) => (
          <ContactLink key={phone} href={`tel:${phone}`} icon={<IconPhone size={14} />}>
            {phone}
          </ContactLink>
        ))}
        {organisation ? (
          <Stack gap={2} mt="xs">
            <Text size="sm" fw={500} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <IconBuilding size={14} />
              {organisation.name}
            </Text>
            {organisation.companyCode ? (
              <Text size="xs" c="dimmed">
                {t('leads.form.companyCode')}: {organisation.companyCode}
              </Text>
            ) : null}
            {organisation.domain ? (
              // Only the server-derived host name becomes a link, never a stored URL (no `javascript:`).
              <Anchor
                href={`https://${organisation.domain}`}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
              >
                {organisation.domain}
              </Anchor>
            ) : null}
          </Stack>
        ) : null}
        {!person && !organisation ? <Text c="dimmed">{t('common.none')}</Text> : null}
      </Stack>
    </Paper>
  );
}
