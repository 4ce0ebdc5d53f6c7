import { Button, Modal, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { SecretOnceModal } from '../../components/SecretOnceModal';
import type { CreateTokenInput, TokenDto } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useCurrentUser } from '../auth/useSession';
import { useUsers } from '../users/useUsers';
import { TokenForm } from './TokenForm';
import { TokensTable } from './TokensTable';
import { useCreateToken, useRevokeToken, useTokens } from './useTokens';

export function TokensPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tokens = useTokens();
  const users = useUsers();
  const createToken = useCreateToken();
  const revokeToken = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const revoking = useModalState<TokenDto>();

  const create = async (input: CreateTokenInput) => {
    const created = await createToken.mutateAsync(input);
    setCreating(false);
    setSecret(created.secret);
  };

  const revoke = (token: TokenDto) =>
    revokeToken.mutate(token.id, {
      onSuccess: () => notifySuccess(t('tokens.revokedDone', { name: token.name })),
      onError: (error) => notifyProblem(error),
      onSettled: revoking.close,
    });

  const list = tokens.data ?? [];
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={
          tokens.data
            ? `${t('tokens.intro')} ${t('tokens.count', { count: list.length })}`
            : t('tokens.intro')
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('tokens.new')}
          </Button>
        }
      />
      <Paper withBorder p={0}>
        <QueryStatus query={tokens} empty={list.length === 0} emptyText={t('tokens.empty')} />
        {list.length > 0 ? <TokensTable tokens={list} onRevoke={revoking.open} /> : null}
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('tokens.new')}>
        {creating ? (
          <TokenForm
            users={users.data ?? [me]}
            defaultUserId={me.id}
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        ) : null}
      </Modal>
      <SecretOnceModal
        secret={secret}
        title={t('tokens.secretTitle')}
        warning={t('tokens.secretWarning')}
        label={t('tokens.secretLabel')}
        onClose={() => setSecret(null)}
      />
      <ConfirmModal
        opened={revoking.opened}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeText', { name: revoking.value?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        loading={revokeToken.isPending}
        onConfirm={() => revoking.value && revoke(revoking.value)}
        onClose={revoking.close}
      />
    </>
  );
}
