import { Button } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** List ⇄ board; the filters in the address go along. */
export function LeadsViewSwitch({ current }: { current: 'list' | 'board' }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const keep = (path: string) => {
    const params = new URLSearchParams(search);
    params.delete('bin'); // the board has no bin
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <Button.Group aria-label={t('board.viewAs')}>
      <Button
        component={Link}
        to={keep('/leads')}
        variant={current === 'list' ? 'filled' : 'default'}
        leftSection={<IconList size={16} />}
        aria-current={current === 'list' ? 'page' : undefined}
        data-testid="view-list"
      >
        {t('board.list')}
      </Button>
      <Button
        component={Link}
        to={keep('/leads/board')}
        variant={current === 'board' ? 'filled' : 'default'}
        leftSection={<IconLayoutKanban size={16} />}
        aria-current={current === 'board' ? 'page' : undefined}
        data-testid="view-board"
      >
        {t('board.board')}
      </Button>
    </Button.Group>
  );
}
