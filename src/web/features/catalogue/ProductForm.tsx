import { Button, Group, NumberInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateProductInput, ProductDto } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';

interface ProductValues extends Record<string, unknown> {
  code: string;
  name: string;
  description: string;
  /** Euros as typed; stored as integer cents. */
  price: number | string;
  active: boolean;
}

interface ProductFormProps {
  product: ProductDto | null;
  onSubmit: (input: CreateProductInput) => Promise<unknown>;
  onCancel: () => void;
}

const FIELDS = ['code', 'name', 'description', 'unitPriceCents', 'active'];

/** A product or service of the catalogue; the price is typed in euros and kept in cents. */
export function ProductForm({ product, onSubmit, onCancel }: ProductFormProps) {
  const { t } = useTranslation();
  const form = useFormState<ProductValues>({
    code: product?.code ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: product ? product.unitPriceCents / 100 : '',
    active: product?.active ?? true,
  });
  const { values, errors, setField, submitting } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('common.required');
    const missing = {
      ...(values.code.trim() ? {} : { code: required }),
      ...(values.name.trim() ? {} : { name: required }),
      ...(typeof values.price === 'number' ? {} : { unitPriceCents: required }),
    };
    if (Object.keys(missing).length) return form.setErrors(missing);
    await form.send(
      () =>
        onSubmit({
          code: values.code.trim(),
          name: values.name.trim(),
          description: values.description.trim() || null,
          unitPriceCents: Math.round(Number(values.price) * 100),
          active: values.active,
        }),
      FIELDS,
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('products.code')}
          required
          maxLength={40}
          value={values.code}
          onChange={(e) => setField('code', e.currentTarget.value)}
          error={errors.code}
          data-autofocus
        />
        <TextInput
          label={t('products.name')}
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t('products.description')}
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          onChange={(e) => setField('description', e.currentTarget.value)}
          error={errors.description}
        />
        <NumberInput
          label={t('products.price')}
          required
          min={0}
          decimalScale={2}
          fixedDecimalScale
          suffix=" €"
          value={values.price}
          onChange={(price) => setField('price', price)}
          error={errors.unitPriceCents}
        />
        <Switch
          label={t('products.activeSwitch')}
          checked={values.active}
          onChange={(e) => setField('active', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {product ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
