import { isRecord, ownValue, readPointer } from '../json-pointer.js';
import type { Source, WebhookMapping } from '../mapping.js';
import { idText } from '../sources.js';

/** The answer to the first of these LinkedIn predefined fields that the lead answered. */
function answer(...predefinedFields: [string, ...string[]]): Source {
  const sources = predefinedFields.map((predefinedField): Source => ({ liAnswer: { predefinedField } }));
  return sources.length === 1 ? sources[0]! : { first: sources };
}

/**
 * LinkedIn Lead Gen Forms, one `leadFormResponses` element as a relay posts it. An answer names
 * only a `questionId`; what the question asks comes from the form definition (`content.questions[]
 * { questionId, predefinedField }`), so the relay must project the form into the response
 * (`fields=…,form:(name,content)`). Without it, map answers by `questionId` instead. The event id
 * is the response id, so a re-sent lead is a duplicate; `testLead` goes to quarantine.
 */
export const LINKEDIN_LEAD_GEN_MAPPING: WebhookMapping = {
  eventId: { pointer: '/id' },
  test: { pointer: '/testLead' },
  fields: {
    'person.email': answer('EMAIL', 'WORK_EMAIL'),
    'person.firstName': answer('FIRST_NAME'),
    'person.lastName': answer('LAST_NAME'),
    'person.phone': answer('PHONE_NUMBER', 'WORK_PHONE_NUMBER'),
    'person.jobTitle': answer('JOB_TITLE'),
    'person.city': answer('CITY'),
    'person.country': answer('COUNTRY'),
    'organisation.name': answer('COMPANY_NAME'),
    'lead.sourceDetail': { pointer: '/form/name' },
  },
};

const text = (questionId: number, answer: string) => ({
  questionId,
  answerDetails: { textQuestionAnswer: { answer } },
});
const question = (questionId: number, name: string, predefinedField?: string) =>
  predefinedField === undefined ? { questionId, name } : { questionId, name, predefinedField };

/** A sponsored lead with its form projected, as `GET /leadFormResponses?…&fields=…,form:(name,content)` returns it. */
export const LINKEDIN_LEAD_GEN_EXAMPLE = {
  owner: { sponsoredAccount: 'urn:li:sponsoredAccount:507404993' },
  submitter: 'urn:li:person:Xy12AbCdEf',
  leadType: 'SPONSORED',
  leadMetadata: { sponsoredLeadMetadata: { campaign: 'urn:li:sponsoredCampaign:314159265' } },
  versionedLeadGenFormUrn: 'urn:li:versionedLeadGenForm:(urn:li:leadGenForm:8842113,2)',
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7-4',
  submittedAt: 1741944413000,
  testLead: false,
  formResponse: {
    answers: [
      text(108842113, 'Rūta'),
      text(208842113, 'Kazlauskienė'),
      text(308842113, 'ruta.kazlauskiene@example.com'),
      text(408842113, '+370 655 12345'),
      text(508842113, 'Vilnius Logistics'),
      text(608842113, 'Operations Director'),
      text(708842113, 'Daugiau nei 50 vilkikų'),
    ],
    consentResponses: [
      { consentId: 0, accepted: true },
      { consentId: 1, accepted: false },
    ],
  },
  form: {
    id: 8842113,
    name: 'Fleet software demo — Baltics',
    content: {
      questions: [
        question(108842113, 'firstName', 'FIRST_NAME'),
        question(208842113, 'lastName', 'LAST_NAME'),
        question(308842113, 'email', 'EMAIL'),
        question(408842113, 'phoneNumber', 'PHONE_NUMBER'),
        question(508842113, 'companyName', 'COMPANY_NAME'),
        question(608842113, 'jobTitle', 'JOB_TITLE'),
        question(708842113, 'Custom question 0'),
      ],
    },
  },
};

/** One answered consent checkbox of a LinkedIn lead form. */
export interface LinkedinConsent {
  consentId: string;
  accepted: boolean;
}

/**
 * The consent checkboxes a LinkedIn lead answered, skipping any entry that is not a clear yes or
 * no (the wording itself comes from the form definition, never from this list).
 * Example: `linkedinConsents({ formResponse: { consentResponses: [{ consentId: 0, accepted: true }] } })`
 * → `[{ consentId: '0', accepted: true }]`.
 */
export function linkedinConsents(payload: unknown): LinkedinConsent[] {
  const responses = readPointer(payload, '/formResponse/consentResponses');
  if (!Array.isArray(responses)) return [];
  return responses.flatMap((response: unknown) => {
    if (!isRecord(response)) return [];
    const consentId = idText(ownValue(response, 'consentId'));
    const accepted = ownValue(response, 'accepted');
    return consentId === null || typeof accepted !== 'boolean' ? [] : [{ consentId, accepted }];
  });
}
