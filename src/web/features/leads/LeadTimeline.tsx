import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../lib/api';
import { notifyProblem, problemMessage } from '../../lib/problems';
import { TimelineEntry } from './TimelineEntry';
import { useSetTaskDone, useTimeline } from './useTimeline';

/** A lead's timeline, newest first, one page at a time (a tab of `LeadTabs`, which gives its title). */
export function LeadTimeline({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(leadId);
  const setDone = useSetTaskDone(leadId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  const changeDone = (activity: ActivityDto, done: boolean) =>
    setDone.mutate({ activityId: activity.id, done }, { onError: (error) => notifyProblem(error) });

  return (
    <>
      {timeline.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {timeline.isError ? <Alert color="red">{problemMessage(timeline.error)}</Alert> : null}
      {timeline.isSuccess && items.length === 0 ? <Text c="dimmed">{t('timeline.empty')}</Text> : null}
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} data-testid="timeline">
        {items.map((activity) => (
          <TimelineEntry
            key={activity.id}
            activity={activity}
            onDoneChange={changeDone}
            savingDone={setDone.isPending && setDone.variables?.activityId === activity.id}
          />
        ))}
      </Stack>
      {timeline.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="default"
            onClick={() => void timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
          >
            {t('timeline.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
