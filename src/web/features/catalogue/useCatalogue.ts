import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateProductInput, type UpdateProductInput } from '../../lib/api';

/** The catalogue is read through `useProducts` (lead forms and this page share it); admins change it here. */
const PRODUCTS_KEY = ['products'] as const;

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProductInput) => api.products.create(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateProductInput }) => api.products.update(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}
