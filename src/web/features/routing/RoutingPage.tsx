import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { mayConfigureScoring } from '../../lib/access';
import type { RoutingPersonDto, RoutingRuleDto } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { notifyProblem, notifySuccess, problemMessage } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useCurrentUser } from '../auth/useSession';
import { ruleText, type ValueNames } from '../scoring/rule-text';
import { useValueNames } from '../scoring/useValueNames';
import { RoutingRuleModal } from './RoutingRuleModal';
import { RoutingTester } from './RoutingTester';
import { SlaSettingsCard } from './SlaSettingsCard';
import {
  useAddRoutingRule,
  useDeleteRoutingRule,
  useRoutingPeople,
  useRoutingRules,
  useUpdateRoutingRule,
} from './useRouting';

/** A rule's conditions in words, joined by "and"; none: every lead. */
export function conditionsText(rule: RoutingRuleDto, t: TFunction, names: ValueNames): string {
  if (rule.conditions.length === 0) return t('routing.everyLead');
  return rule.conditions
    .map((c) =>
      ruleText(
        {
          id: '',
          kind: 'fit',
          field: c.field,
          operator: c.operator,
          value: c.value ?? null,
          points: 0,
          group: null,
        },
        t,
        names,
      ),
    )
    .join(` ${t('routing.and')} `);
}

function targetText(rule: RoutingRuleDto, people: readonly RoutingPersonDto[]): string {
  if (rule.teamId) return people.find((p) => p.teamId === rule.teamId)?.teamName ?? '—';
  return rule.userIds.map((id) => people.find((p) => p.id === id)?.name ?? '—').join(', ');
}

function PeopleTable({ people }: { people: readonly RoutingPersonDto[] }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="routing-people-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('routing.person')}</Table.Th>
          <Table.Th>{t('routing.team')}</Table.Th>
          <Table.Th>{t('routing.availability')}</Table.Th>
          <Table.Th ta="right">{t('routing.openLeads')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.id} data-testid="routing-person">
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.teamName ?? '—'}</Table.Td>
            <Table.Td>
              {p.available ? (
                <Badge color="teal" variant="light">
                  {t('routing.available')}
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  {t(`assignment.skip.${p.unavailableBecause ?? 'inactive'}`)}
                </Badge>
              )}
              {p.outOfOfficeFrom || p.outOfOfficeUntil ? (
                <Text size="xs" c="dimmed">
                  {t('routing.away', {
                    from: formatDate(p.outOfOfficeFrom) || '…',
                    until: formatDate(p.outOfOfficeUntil) || '…',
                  })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right">
              {p.capacity === null
                ? formatNumber(p.openLeads)
                : t('routing.ofCapacity', {
                    open: formatNumber(p.openLeads),
                    capacity: formatNumber(p.capacity),
                  })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Routing: ordered rules, who would get a lead, and who is available with how much room. */
export function RoutingPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canChange = mayConfigureScoring(user, 'change');
  // working time and targets are the organisation's settings: administrators change them
  const canChangeSla = user?.role === 'admin';
  const rules = useRoutingRules();
  const people = useRoutingPeople();
  const names = useValueNames();
  const modal = useModalState<RoutingRuleDto | null>();
  const add = useAddRoutingRule();
  const update = useUpdateRoutingRule();
  const remove = useDeleteRoutingRule();
  const everyone = people.data ?? [];
  return (
    <>
      <PageHeader
        title={t('routing.title')}
        subtitle={t('routing.subtitle')}
        actions={
          canChange ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => modal.open(null)}
              data-testid="add-routing-rule"
            >
              {t('routing.addRule')}
            </Button>
          ) : null
        }
      />
      <Stack maw={1100}>
        {rules.isPending ? <Loader aria-label={t('app.loading')} /> : null}
        {rules.isError ? <Alert color="red">{problemMessage(rules.error)}</Alert> : null}
        <Paper withBorder p="md">
          {rules.data?.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('routing.noRules')}
            </Text>
          ) : (
            <Table data-testid="routing-rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t('routing.rule')}</Table.Th>
                  <Table.Th>{t('routing.goesTo')}</Table.Th>
                  {canChange ? <Table.Th w={90} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(rules.data ?? []).map((rule, i) => (
                  <Table.Tr key={rule.id} data-testid="routing-rule" opacity={rule.active ? 1 : 0.55}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {rule.name}
                        </Text>
                        {rule.active ? null : (
                          <Badge variant="light" color="gray">
                            {t('routing.off')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {conditionsText(rule, t, names)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{targetText(rule, everyone)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`assignment.strategies.${rule.strategy}`)}
                      </Text>
                    </Table.Td>
                    {canChange ? (
                      <Table.Td>
                        <RowActions
                          onEdit={() => modal.open(rule)}
                          onDelete={() => remove.mutate(rule.id, { onError: (e) => notifyProblem(e) })}
                          deleteLabel={t('routing.deleteRule')}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <RoutingTester />
        <SlaSettingsCard canChange={canChangeSla} />
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('routing.peopleTitle')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('routing.peopleHint')}
          </Text>
          <PeopleTable people={everyone} />
        </Paper>
      </Stack>
      <RoutingRuleModal
        opened={modal.opened}
        rule={modal.value}
        people={everyone}
        onClose={modal.close}
        onSave={async (input) => {
          const rule = modal.value;
          if (rule) await update.mutateAsync({ id: rule.id, input });
          else await add.mutateAsync(input);
          notifySuccess(t('routing.saved'));
        }}
      />
    </>
  );
}
