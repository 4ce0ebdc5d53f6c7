import type { FastifyInstance } from 'fastify';
import type { Session } from './harness.js';

let seq = 0;

/** A unique e-mail for test data: `ona.17.1732658000000@example.lt`. */
export function uniqueEmail(name = 'person'): string {
  seq += 1;
  return `${name}.${seq}.${Date.now()}@example.lt`;
}

/** Creates a lead through the HTTP API as `session`; returns the response body (throws unless 201). */
export async function newLead(
  app: FastifyInstance,
  session: Session,
  body: Record<string, unknown> = {},
): Promise<{ id: string; personId: string; [key: string]: unknown }> {
  const payload = { person: { firstName: 'Ona', lastName: 'Testaitė', emails: [uniqueEmail()] }, ...body };
  const res = await app.inject({ method: 'POST', url: '/api/v1/leads', headers: session.headers, payload });
  if (res.statusCode !== 201) throw new Error(`lead not created: ${res.statusCode} ${res.body}`);
  return res.json();
}
