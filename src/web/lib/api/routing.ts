import type {
  InboxDto,
  LeadAssignmentDto,
  RoutingDecisionDto,
  RoutingPersonDto,
  RoutingRuleDto,
  RoutingRuleInput,
  RoutingTestInput,
} from '../../../server/modules/routing/routing.schemas';
import { type ItemList, id, request } from './client';

export type {
  LeadAssignmentDto,
  RoutingDecisionDto,
  RoutingPersonDto,
  RoutingRuleDto,
  RoutingRuleInput,
  RoutingTestInput,
};

/** Routing: admins and marketers change the rules, managers read and test them; anyone who sees a lead sees why it has its owner. */
export const routingApi = {
  rules: () => request<ItemList<RoutingRuleDto>>('GET', '/routing/rules'),
  addRule: (input: RoutingRuleInput) => request<RoutingRuleDto>('POST', '/routing/rules', input),
  updateRule: (ruleId: string, input: RoutingRuleInput) =>
    request<RoutingRuleDto>('PUT', `/routing/rules/${id(ruleId)}`, input),
  deleteRule: (ruleId: string) => request<void>('DELETE', `/routing/rules/${id(ruleId)}`),
  people: () => request<ItemList<RoutingPersonDto>>('GET', '/routing/people'),
  test: (input: RoutingTestInput) => request<RoutingDecisionDto>('POST', '/routing/test', input),
  inbox: () => request<InboxDto>('GET', '/leads/inbox'),
  leadAssignment: (leadId: string) => request<LeadAssignmentDto>('GET', `/leads/${id(leadId)}/assignment`),
};
