import type { FastifyPluginAsync } from 'fastify';
import type { TSchema } from 'typebox';
import type { Deps } from '../context.js';
import { activitiesRoutes } from './activities/activities.routes.js';
import { ActivitySchema } from './activities/activities.schemas.js';
import { auditRoutes } from './audit/audit.routes.js';
import { AuditEntrySchema } from './audit/audit.schemas.js';
import { authRoutes } from './auth/auth.routes.js';
import { campaignsRoutes } from './campaigns/campaigns.routes.js';
import { CampaignMemberSchema, CampaignSchema } from './campaigns/campaigns.schemas.js';
import { TouchSchema } from './capture/capture.schemas.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { ProductSchema } from './catalogue/catalogue.schemas.js';
import { chatRoutes } from './chat/chat.routes.js';
import { ChatConversationSchema, ChatMessageSchema, ChatWidgetSchema } from './chat/chat.schemas.js';
import { customFieldsRoutes } from './custom-fields/custom-fields.routes.js';
import { CustomFieldSchema } from './custom-fields/custom-fields.schemas.js';
import { engagementRoutes } from './engagement/engagement.routes.js';
import { ContentItemSchema, TrackedLinkSchema } from './engagement/engagement.schemas.js';
import { formsRoutes } from './forms/forms.routes.js';
import { FormSchema, SubmissionSchema } from './forms/forms.schemas.js';
import { importsRoutes } from './imports/imports.routes.js';
import { ImportSchema } from './imports/imports.schemas.js';
import { integrationsRoutes } from './integrations/integrations.routes.js';
import { IntegrationSchema, WebhookEventSchema } from './integrations/integrations.schemas.js';
import { leadsBulkRoutes } from './leads/leads.bulk.routes.js';
import { leadsRoutes } from './leads/leads.routes.js';
import { LeadListItemSchema, LeadSchema } from './leads/leads.schemas.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { DuplicateCandidateSchema, OrganisationSchema, PersonSchema } from './people/people.schemas.js';
import { referralsRoutes } from './referrals/referrals.routes.js';
import { routingRoutes } from './routing/routing.routes.js';
import { RoutingRuleSchema } from './routing/routing.schemas.js';
import { scoringRoutes } from './scoring/scoring.routes.js';
import { ScoreModelSchema } from './scoring/scoring.schemas.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { sourcesRoutes } from './sources/sources.routes.js';
import { SourceSchema } from './sources/sources.schemas.js';
import { teamsRoutes } from './teams/teams.routes.js';
import { TeamSchema } from './teams/teams.schemas.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { TokenSchema } from './tokens/tokens.schemas.js';
import { usersRoutes } from './users/users.routes.js';
import { UserSchema } from './users/users.schemas.js';
import { viewsRoutes } from './views/views.routes.js';
import { SavedViewSchema } from './views/views.schemas.js';

/** Every feature's routes, mounted under /api/v1 by app.ts. Add a feature here and nowhere else. */
export const apiRoutes: FastifyPluginAsync<{ deps: Deps }>[] = [
  authRoutes,
  usersRoutes,
  teamsRoutes,
  tokensRoutes,
  auditRoutes,
  catalogueRoutes,
  sourcesRoutes,
  campaignsRoutes,
  customFieldsRoutes,
  leadsBulkRoutes,
  leadsRoutes,
  activitiesRoutes,
  peopleRoutes,
  organisationsRoutes,
  notificationsRoutes,
  viewsRoutes,
  settingsRoutes,
  formsRoutes,
  importsRoutes,
  integrationsRoutes,
  engagementRoutes,
  referralsRoutes,
  chatRoutes,
  scoringRoutes,
  routingRoutes,
];

/** Schemas with an `$id` that responses reference (`Type.Ref('User')`); registered once for validation and OpenAPI. */
export const sharedSchemas: TSchema[] = [
  UserSchema,
  TeamSchema,
  TokenSchema,
  AuditEntrySchema,
  ProductSchema,
  SourceSchema,
  CampaignSchema,
  CampaignMemberSchema,
  CustomFieldSchema,
  PersonSchema,
  OrganisationSchema,
  DuplicateCandidateSchema,
  LeadSchema,
  LeadListItemSchema,
  ActivitySchema,
  SavedViewSchema,
  TouchSchema,
  FormSchema,
  ImportSchema,
  SubmissionSchema,
  IntegrationSchema,
  WebhookEventSchema,
  ContentItemSchema,
  TrackedLinkSchema,
  ChatWidgetSchema,
  ChatMessageSchema,
  ChatConversationSchema,
  ScoreModelSchema,
  RoutingRuleSchema,
];
