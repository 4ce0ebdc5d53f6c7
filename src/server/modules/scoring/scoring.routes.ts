import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { predictiveQuality, retrainNow } from './predictive.service.js';
import { previewScoring } from './scoring.preview.js';
import {
  LeadScoreSchema,
  PredictiveModelSchema,
  PreviewBody,
  PreviewSchema,
  RuleBody,
  SavedRule,
  ScoreBody,
  ScoringSettings,
} from './scoring.schemas.js';
import {
  addRule,
  addScore,
  changeRule,
  changeScore,
  leadScore,
  removeRule,
  scoringSettings,
} from './scoring.service.js';

const tags = ['scoring'];
const changed = 'Every lead is rescored in the background after it (progress in `GET /scoring/rules`).';

export const scoringRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/scoring/rules',
    {
      schema: {
        tags,
        summary:
          'Every score with its thresholds and rules, and the latest rescore (admins, marketers, managers)',
        response: { 200: ScoringSettings, ...authErrors },
      },
    },
    async (request) => scoringSettings(deps, callerOf(request)),
  );

  app.post(
    '/scoring/rules',
    {
      schema: {
        tags,
        summary: `Add a fit or behaviour rule to a score (the primary one without scoreId; admins, marketers). ${changed}`,
        body: RuleBody,
        response: { 201: SavedRule, ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => reply.code(201).send(await addRule(deps, callerOf(request), request.body)),
  );

  app.put(
    '/scoring/rules/:id',
    {
      schema: {
        tags,
        summary: `Replace a rule. ${changed}`,
        params: IdParams,
        body: RuleBody,
        response: { 200: SavedRule, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => changeRule(deps, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/scoring/rules/:id',
    {
      schema: {
        tags,
        summary: `Delete a rule. ${changed}`,
        params: IdParams,
        response: { 204: Type.Null(), ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await removeRule(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/scoring/scores',
    {
      schema: {
        tags,
        summary: `Add a score (e.g. one per product line) with its own MQL and SQL thresholds. ${changed}`,
        body: ScoreBody,
        response: { 201: { $ref: 'ScoreModel' }, ...authErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await addScore(deps, callerOf(request), request.body)),
  );

  app.put(
    '/scoring/scores/:id',
    {
      schema: {
        tags,
        summary: `Change a score's names, thresholds, caps and decay. ${changed}`,
        params: IdParams,
        body: ScoreBody,
        response: { 200: { $ref: 'ScoreModel' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => changeScore(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/scoring/preview',
    {
      schema: {
        tags,
        summary: 'How many leads a rule or threshold change would move between stages, before saving it',
        body: PreviewBody,
        response: { 200: PreviewSchema, ...authErrors },
      },
    },
    async (request) => previewScoring(deps, callerOf(request), request.body),
  );

  app.get(
    '/scoring/model',
    {
      schema: {
        tags,
        summary:
          'The predictive model: its quality on held-out leads (AUC, calibration by decile), or why it is not used',
        response: { 200: PredictiveModelSchema, ...authErrors },
      },
    },
    async (request) => predictiveQuality(deps, callerOf(request)),
  );

  app.post(
    '/scoring/model/train',
    {
      schema: {
        tags,
        summary:
          'Retrain the predictive model now on the converted and disqualified leads (admins, marketers)',
        response: { 200: PredictiveModelSchema, ...authErrors },
      },
    },
    async (request) => retrainNow(deps, callerOf(request)),
  );

  app.get(
    '/leads/:id/score',
    {
      schema: {
        tags: ['leads', ...tags],
        summary: "A lead's scores and why: each rule's points and since when, caps included",
        params: IdParams,
        response: { 200: LeadScoreSchema, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => leadScore(deps, callerOf(request), request.params.id),
  );
};
