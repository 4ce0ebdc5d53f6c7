import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { CreateProductBody, ProductList, ProductListQuery, UpdateProductBody } from './catalogue.schemas.js';
import { createProduct, getProduct, listProducts, updateProduct } from './catalogue.service.js';

const tags = ['catalogue'];
/** Reading the catalogue is for everyone signed in; changing it is administration. */
const admin = { admin: 'settings' as const };

export const catalogueRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'The catalogue of products and services, by name',
        querystring: ProductListQuery,
        response: { 200: ProductList, ...authErrors },
      },
    },
    async (request) => ({ items: await listProducts(deps.db, request.query) }),
  );

  app.get(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'One product',
        params: IdParams,
        response: { 200: { $ref: 'Product' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getProduct(deps, request.params.id),
  );

  app.post(
    '/products',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Add a product or service to the catalogue (admin)',
        body: CreateProductBody,
        response: { 201: { $ref: 'Product' }, ...authErrors, 409: ProblemRef },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProduct(deps, callerOf(request), request.body)),
  );

  app.patch(
    '/products/:id',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Change a product, or deactivate it with `active: false` (admin); products are never deleted',
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: { $ref: 'Product' }, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => updateProduct(deps, callerOf(request), request.params.id, request.body),
  );
};
