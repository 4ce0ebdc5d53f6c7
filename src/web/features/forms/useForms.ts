import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayManageMarketing } from '../../lib/access';
import {
  api,
  type CreateFormInput,
  type FormDto,
  type SubmissionStatus,
  type UpdateFormInput,
} from '../../lib/api';
import { useCurrentUser } from '../auth/useSession';

/** Web forms and their submissions. Reviewing a submission changes the form's counts, so both refresh. */

export const FORMS_KEY = ['forms'] as const;
const formKey = (formId: string) => [...FORMS_KEY, 'one', formId] as const;
const submissionsKey = (formId: string) => [...FORMS_KEY, 'submissions', formId] as const;
const PAGE_SIZE = 25;

export function useMayManageForms(): boolean {
  return mayManageMarketing(useCurrentUser());
}

export function useForms() {
  return useQuery({
    queryKey: [...FORMS_KEY, 'list'],
    queryFn: async () => (await api.forms.list()).items,
  });
}

export function useForm(formId: string | undefined) {
  return useQuery({
    queryKey: formKey(formId ?? ''),
    queryFn: () => api.forms.get(formId ?? ''),
    enabled: formId !== undefined,
  });
}

export function useCreateForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateFormInput) => api.forms.create(input),
    onSuccess: (form) => {
      queryClient.setQueryData(formKey(form.id), form);
      void queryClient.invalidateQueries({ queryKey: [...FORMS_KEY, 'list'] });
    },
  });
}

export function useUpdateForm(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateFormInput) => api.forms.update(formId, input),
    onSuccess: (form: FormDto) => {
      queryClient.setQueryData(formKey(form.id), form);
      void queryClient.invalidateQueries({ queryKey: [...FORMS_KEY, 'list'] });
    },
  });
}

/** A form's submissions, newest first, one keyset page at a time; `status` narrows them (quarantine). */
export function useSubmissions(formId: string, status?: SubmissionStatus) {
  return useInfiniteQuery({
    queryKey: [...submissionsKey(formId), status ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.forms.submissions(formId, { status, limit: PAGE_SIZE, before: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Release (→ a lead) or delete (spam) a quarantined submission. */
export function useReviewSubmission(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ submissionId, verdict }: { submissionId: string; verdict: 'release' | 'delete' }) =>
      verdict === 'release' ? api.forms.release(submissionId) : api.forms.remove(submissionId),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: submissionsKey(formId) });
      void queryClient.invalidateQueries({ queryKey: formKey(formId) });
      void queryClient.invalidateQueries({ queryKey: [...FORMS_KEY, 'list'] });
    },
  });
}
