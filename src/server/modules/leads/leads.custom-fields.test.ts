import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('leads: custom fields', (dialect) => {
  const t = useTestApp(dialect);

  it('validates custom values on create and update, naming each bad key; null clears a value', async () => {
    const admin = await t.signedIn('admin');
    const define = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/custom-fields', headers: admin.headers, payload });
    expect(
      (
        await define({
          entity: 'lead',
          key: 'budget_band',
          labelLt: 'Biudžetas',
          labelEn: 'Budget',
          type: 'select',
          options: [
            { value: 'small', labelLt: 'Mažas', labelEn: 'Small' },
            { value: 'large', labelLt: 'Didelis', labelEn: 'Large' },
          ],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await define({
          entity: 'person',
          key: 'linkedin',
          labelLt: 'LinkedIn',
          labelEn: 'LinkedIn',
          type: 'text',
        })
      ).statusCode,
    ).toBe(201);

    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, {
      customFields: { budget_band: 'large' },
      person: { lastName: 'Laukaitė', customFields: { linkedin: ' in/laukaite ' } },
    });
    expect(lead.customFields).toEqual({ budget_band: 'large' });
    expect((lead.person as { customFields: unknown }).customFields).toEqual({ linkedin: 'in/laukaite' });

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: rep.headers,
      payload: {
        person: { lastName: 'X', customFields: { linkedin: 5 } },
        customFields: { budget_band: 'huge', nope: 1 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      problem(bad)
        .errors?.map((e) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual([
      'customFields.budget_band:invalid_value',
      'customFields.nope:not_allowed',
      'person.customFields.linkedin:invalid_type',
    ]);

    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${lead.id}`,
      headers: rep.headers,
      payload: { customFields: { budget_band: null } },
    });
    expect(cleared.json().customFields).toEqual({});
  });
});
