import { Badge, Button, Group, Modal, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import type { CreateProductInput, ProductDto } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { useModalState } from '../../lib/useModalState';
import { useProducts } from '../leads/useLeadOptions';
import { ProductForm } from './ProductForm';
import { useCreateProduct, useUpdateProduct } from './useCatalogue';

/** The catalogue (administration): products are never deleted, only deactivated, so old leads keep them. */
export function ProductsPage() {
  const { t } = useTranslation();
  const products = useProducts();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  // null: a new product; otherwise the product being edited.
  const editor = useModalState<ProductDto | null>();
  const current = editor.value;
  const list = products.data ?? [];

  const save = async (input: CreateProductInput) => {
    const product = current
      ? await update.mutateAsync({ id: current.id, input })
      : await create.mutateAsync(input);
    notifySuccess(t(current ? 'products.updated' : 'products.created', { name: product.name }));
    editor.close();
  };
  const setActive = (product: ProductDto, active: boolean) =>
    update.mutate(
      { id: product.id, input: { active } },
      {
        onSuccess: () =>
          notifySuccess(t(active ? 'products.activated' : 'products.deactivated', { name: product.name })),
        onError: (error) => notifyProblem(error),
      },
    );

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={products.data ? t('products.count', { count: list.length }) : undefined}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => editor.open(null)}>
            {t('products.new')}
          </Button>
        }
      />
      <ListTable
        query={products}
        count={list.length}
        emptyText={t('products.empty')}
        minWidth={640}
        testId="products-table"
        columns={[
          { label: t('products.code') },
          { label: t('products.name') },
          { label: t('products.price'), right: true },
          { label: t('products.status') },
          { label: <VisuallyHidden>{t('common.actions')}</VisuallyHidden> },
        ]}
      >
        {list.map((product) => (
          <Table.Tr key={product.id} data-testid="product-row">
            <Table.Td ff="monospace">{product.code}</Table.Td>
            <Table.Td fw={500}>{product.name}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(product.unitPriceCents)}
            </Table.Td>
            <Table.Td>
              <Badge color={product.active ? 'green' : 'gray'} variant="light">
                {product.active ? t('products.active') : t('products.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => editor.open(product)}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color={product.active ? 'red' : undefined}
                  loading={update.isPending && update.variables?.id === product.id}
                  onClick={() => setActive(product, !product.active)}
                >
                  {product.active ? t('products.deactivate') : t('products.activate')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={current ? t('products.editTitle', { name: current.name }) : t('products.new')}
      >
        <ProductForm key={current?.id ?? 'new'} product={current} onSubmit={save} onCancel={editor.close} />
      </Modal>
    </>
  );
}
