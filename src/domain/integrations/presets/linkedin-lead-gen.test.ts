import { describe, expect, it } from 'vitest';
import { applyMapping, type WebhookTarget } from '../mapping.js';
import {
  LINKEDIN_LEAD_GEN_EXAMPLE,
  LINKEDIN_LEAD_GEN_MAPPING,
  type LinkedinConsent,
  linkedinConsents,
} from './linkedin-lead-gen.js';

const answered = (questionId: number, answer: string) => ({
  questionId,
  answerDetails: { textQuestionAnswer: { answer } },
});
const questions = [
  { questionId: 1, name: 'email', predefinedField: 'EMAIL' },
  { questionId: 2, name: 'workEmail', predefinedField: 'WORK_EMAIL' },
  { questionId: 3, name: 'workPhone', predefinedField: 'WORK_PHONE_NUMBER' },
  { questionId: 4, name: 'country', predefinedField: 'COUNTRY' },
  { questionId: 5, name: 'city', predefinedField: 'CITY' },
];
const response = (answers: object[], extra: Record<string, unknown> = {}) => ({
  id: 'resp-1',
  testLead: false,
  formResponse: { answers },
  form: { name: 'Demo', content: { questions } },
  ...extra,
});

describe('the LinkedIn Lead Gen preset', () => {
  it.each<[string, unknown, Partial<Record<WebhookTarget, string>>]>([
    [
      'the e-mail before the work e-mail',
      response([answered(2, 'work@example.com'), answered(1, 'me@example.com')]),
      { 'person.email': 'me@example.com', 'lead.sourceDetail': 'Demo' },
    ],
    [
      'the work e-mail and phone when nothing else',
      response([answered(2, 'work@example.com'), answered(3, '+37052000000')]),
      { 'person.email': 'work@example.com', 'person.phone': '+37052000000', 'lead.sourceDetail': 'Demo' },
    ],
    [
      'city and country',
      response([answered(4, 'Lithuania'), answered(5, 'Klaipėda')]),
      { 'person.country': 'Lithuania', 'person.city': 'Klaipėda', 'lead.sourceDetail': 'Demo' },
    ],
    [
      'the versioned form when the relay copied that one',
      {
        id: 'resp-1',
        formResponse: { answers: [answered(1, 'me@example.com')] },
        versionedLeadGenForm: { content: { questions } },
      },
      { 'person.email': 'me@example.com' },
    ],
    [
      'nothing by field when the form was not projected',
      { id: 'resp-1', formResponse: { answers: [answered(1, 'me@example.com')] } },
      {},
    ],
  ])('reads %s', (_what, payload, values) => {
    expect(applyMapping(LINKEDIN_LEAD_GEN_MAPPING, payload)).toEqual({
      eventId: 'resp-1',
      values,
      test: false,
    });
  });

  it('marks a test lead', () => {
    expect(applyMapping(LINKEDIN_LEAD_GEN_MAPPING, response([], { testLead: true })).test).toBe(true);
  });
});

describe('linkedinConsents', () => {
  const consents = (consentResponses: unknown) => ({ formResponse: { consentResponses } });

  it.each<[string, unknown, LinkedinConsent[]]>([
    [
      'the example lead',
      LINKEDIN_LEAD_GEN_EXAMPLE,
      [
        { consentId: '0', accepted: true },
        { consentId: '1', accepted: false },
      ],
    ],
    [
      'an id given as text',
      consents([{ consentId: 'c7', accepted: true }]),
      [{ consentId: 'c7', accepted: true }],
    ],
    ['no consents asked', consents([]), []],
    ['no form response', {}, []],
    ['a payload that is not an object', 'text', []],
    ['consents that are not a list', consents({ consentId: 0, accepted: true }), []],
    [
      'only the clear answers',
      consents([
        { consentId: 0, accepted: 'yes' },
        { consentId: null, accepted: true },
        { accepted: true },
        { consentId: 3 },
        null,
        [1],
        { consentId: 4, accepted: false },
      ]),
      [{ consentId: '4', accepted: false }],
    ],
  ])('reads %s', (_what, payload, expected) => {
    expect(linkedinConsents(payload)).toEqual(expected);
  });
});
