import type {
  LeadScoreDto,
  PredictiveModelDto,
  PreviewDto,
  PreviewInput,
  RuleInput,
  SavedRuleDto,
  ScoreInput,
  ScoreModelDto,
  ScoringRuleDto,
  ScoringSettingsDto,
} from '../../../server/modules/scoring/scoring.schemas';
import { id, request } from './client';

export type {
  LeadScoreDto,
  RuleInput,
  SavedRuleDto,
  ScoreInput,
  ScoreModelDto,
  ScoringRuleDto,
  ScoringSettingsDto,
};

/** Scoring: admins and marketers change rules and scores, managers read them; anyone who sees a lead sees its score. */
export const scoringApi = {
  settings: () => request<ScoringSettingsDto>('GET', '/scoring/rules'),
  addRule: (input: RuleInput) => request<SavedRuleDto>('POST', '/scoring/rules', input),
  updateRule: (ruleId: string, input: RuleInput) =>
    request<SavedRuleDto>('PUT', `/scoring/rules/${id(ruleId)}`, input),
  deleteRule: (ruleId: string) => request<void>('DELETE', `/scoring/rules/${id(ruleId)}`),
  addScore: (input: ScoreInput) => request<ScoreModelDto>('POST', '/scoring/scores', input),
  updateScore: (scoreId: string, input: ScoreInput) =>
    request<ScoreModelDto>('PUT', `/scoring/scores/${id(scoreId)}`, input),
  preview: (input: PreviewInput) => request<PreviewDto>('POST', '/scoring/preview', input),
  model: () => request<PredictiveModelDto>('GET', '/scoring/model'),
  trainModel: () => request<PredictiveModelDto>('POST', '/scoring/model/train'),
  leadScore: (leadId: string) => request<LeadScoreDto>('GET', `/leads/${id(leadId)}/score`),
};
