import type { FastifyPluginAsync } from 'fastify';
import type { TSchema } from 'typebox';
import type { Deps } from '../context.js';
import { auditRoutes } from './audit/audit.routes.js';
import { AuditEntrySchema } from './audit/audit.schemas.js';
import { authRoutes } from './auth/auth.routes.js';
import { teamsRoutes } from './teams/teams.routes.js';
import { TeamSchema } from './teams/teams.schemas.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { TokenSchema } from './tokens/tokens.schemas.js';
import { usersRoutes } from './users/users.routes.js';
import { UserSchema } from './users/users.schemas.js';

/** Every feature's routes, mounted under /api/v1 by app.ts. Add a feature here and nowhere else. */
export const apiRoutes: FastifyPluginAsync<{ deps: Deps }>[] = [
  authRoutes,
  usersRoutes,
  teamsRoutes,
  tokensRoutes,
  auditRoutes,
];

/** Schemas with an `$id` that responses reference (`Type.Ref('User')`); registered once for validation and OpenAPI. */
export const sharedSchemas: TSchema[] = [UserSchema, TeamSchema, TokenSchema, AuditEntrySchema];
