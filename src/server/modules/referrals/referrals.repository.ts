import type { Db } from '../../db/database.js';

export interface ReferralLink {
  id: string;
  personId: string;
  token: string;
  formId: string | null;
  createdBy: string | null;
  createdAt: string;
}

const COLUMNS = ['id', 'person_id', 'token', 'form_id', 'created_by', 'created_at'] as const;

function toLink(r: {
  id: string;
  person_id: string;
  token: string;
  form_id: string | null;
  created_by: string | null;
  created_at: string;
}): ReferralLink {
  return {
    id: r.id,
    personId: r.person_id,
    token: r.token,
    formId: r.form_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** A person's live referral link, if they have one. */
export async function liveLinkOf(db: Db, personId: string): Promise<ReferralLink | undefined> {
  const row = await db
    .selectFrom('referral_links')
    .select(COLUMNS)
    .where('person_id', '=', personId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row && toLink(row);
}

/** A live referral link by its token (a disabled one is no link). */
export async function liveLinkByToken(db: Db, token: string): Promise<ReferralLink | undefined> {
  const row = await db
    .selectFrom('referral_links')
    .select(COLUMNS)
    .where('token', '=', token)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row && toLink(row);
}

/**
 * Stores a new live link unless the person got one meanwhile (one live link per person, held by a
 * unique index); returns whether this one was stored.
 */
export async function insertLink(db: Db, link: ReferralLink): Promise<boolean> {
  const res = await db
    .insertInto('referral_links')
    .values({
      id: link.id,
      person_id: link.personId,
      token: link.token,
      form_id: link.formId,
      created_by: link.createdBy,
      created_at: link.createdAt,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('person_id').where('disabled_at', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The form a referral link opens: its own when set and active, else the newest active referral form. */
export async function referralFormId(db: Db, formId: string | null): Promise<string | undefined> {
  let q = db.selectFrom('forms').select('id').where('status', '=', 'active').where('kind', '=', 'referral');
  if (formId) q = q.where('id', '=', formId);
  const row = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (row || !formId) return row?.id;
  return referralFormId(db, null);
}

/** A person's latest live lead that has an owner: that owner thanks them for a referral. */
export async function latestOwnedLeadOf(
  db: Db,
  personId: string,
): Promise<{ id: string; ownerId: string } | undefined> {
  const row = await db
    .selectFrom('leads')
    .innerJoin('users', 'users.id', 'leads.owner_id')
    .select(['leads.id', 'leads.owner_id'])
    .where('leads.person_id', '=', personId)
    .where('leads.deleted_at', 'is', null)
    .where('users.active', '=', 1)
    .orderBy('leads.created_at', 'desc')
    .orderBy('leads.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.owner_id ? { id: row.id, ownerId: row.owner_id } : undefined;
}
