import { AppError, conflictOn } from '../../../domain/errors/app-error.js';
import type { Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import {
  findProduct,
  findProductIdByCode,
  insertProduct,
  listProducts,
  type ProductFields,
  updateProductRow,
} from './catalogue.repository.js';
import type { CreateProductInput, ProductDto, UpdateProductInput } from './catalogue.schemas.js';

export { listProducts };

export async function getProduct(deps: Deps, id: string): Promise<ProductDto> {
  const product = await findProduct(deps.db, id);
  if (!product) throw new AppError('not_found', 'No such product');
  return product;
}

/** Blank descriptions are stored as none; codes and names without surrounding spaces. */
function normalise<T extends Partial<ProductFields>>(input: T): T {
  const out = { ...input };
  if (out.code !== undefined) out.code = out.code.trim();
  if (out.name !== undefined) out.name = out.name.trim();
  if (typeof out.description === 'string') out.description = out.description.trim() || null;
  return out;
}

async function assertCodeFree(db: Db, code: string, exceptId?: string): Promise<void> {
  const owner = await findProductIdByCode(db, code);
  if (owner && owner !== exceptId) throw codeInUse();
}

export async function createProduct(
  deps: Deps,
  caller: Caller,
  input: CreateProductInput,
): Promise<ProductDto> {
  const now = deps.now().toISOString();
  const id = newId();
  const fields = normalise({
    code: input.code,
    name: input.name,
    description: input.description ?? null,
    unitPriceCents: input.unitPriceCents,
    active: input.active ?? true,
  });
  return deps.db
    .transaction()
    .execute(async (trx) => {
      await assertCodeFree(trx, fields.code);
      await insertProduct(trx, id, fields, now);
      const product = (await findProduct(trx, id))!;
      await recordAudit(trx, caller, {
        entityType: 'product',
        entityId: id,
        action: 'create',
        after: product,
        at: now,
      });
      return product;
    })
    .catch(codeConflict);
}

/** Changes a product; deactivating keeps it on existing leads but out of new choices. */
export async function updateProduct(
  deps: Deps,
  caller: Caller,
  id: string,
  input: UpdateProductInput,
): Promise<ProductDto> {
  const now = deps.now().toISOString();
  const changes = normalise(input);
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await findProduct(trx, id);
      if (!before) throw new AppError('not_found', 'No such product');
      if (changes.code !== undefined) await assertCodeFree(trx, changes.code, id);
      await updateProductRow(trx, id, changes, now);
      const after = (await findProduct(trx, id))!;
      const keys = Object.keys(changes);
      await recordUpdate(trx, caller, 'product', id, { before, after, keys, at: now });
      return after;
    })
    .catch(codeConflict);
}

function codeInUse(): AppError {
  return conflictOn('code', 'in_use', 'A product with this code already exists');
}

function codeConflict(error: unknown): never {
  if (isUniqueViolation(error)) throw codeInUse();
  throw error;
}
