// Reading the benchmark's database directly (not through the app): counts before and after the
// import, the seeded people whose e-mails the file reuses, and the checks. `?` placeholders on both.
import Database from 'better-sqlite3';
import pg from 'pg';

export function sqliteReader(file) {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 30000');
  return {
    all: async (sql, params = []) => db.prepare(sql).all(...params),
    close: async () => db.close(),
  };
}

export async function postgresReader(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    all: async (sql, params = []) => {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    },
    close: () => client.end(),
  };
}

const one = async (db, sql, params) => Number(Object.values((await db.all(sql, params))[0])[0]);

/**
 * What the checks compare: leads and people, and e-mail keys held by more than one row (groups,
 * and the rows beyond the first of each). With `importId`, the import's ledger too: a row of the
 * file is in it once, never twice, whatever happened to the server.
 */
export async function snapshot(db, importId) {
  const dup = (
    await db.all(
      `select count(*) as groups, coalesce(sum(n - 1), 0) as extra
         from (select count(*) as n from person_emails group by email_key having count(*) > 1) d`,
    )
  )[0];
  const out = {
    leads: await one(db, 'select count(*) as n from leads'),
    people: await one(db, 'select count(*) as n from people'),
    dupGroups: Number(dup.groups),
    dupExtra: Number(dup.extra),
  };
  if (importId) {
    const ledger = (
      await db.all('select count(*) as n, count(distinct row_no) as d from import_rows where import_id = ?', [
        importId,
      ])
    )[0];
    out.ledgerRows = Number(ledger.n);
    out.ledgerDistinct = Number(ledger.d);
  }
  return out;
}

/**
 * The seeded people whose lead numbers `wanted(i)` accepts, by lead number: e-mail, name and first
 * phone. The seeder writes lead i's e-mail as `first.last{i}@domain` (bench/leads/contacts.mjs), so
 * the number is read back from the address; every dialect seeded from the same PRNG holds the same
 * people. Read a page at a time in id order; only the wanted ones are kept.
 */
export async function seededPeople(db, wanted) {
  const out = new Map();
  let after = '';
  for (;;) {
    const page = await db.all(
      `select pe.id, pe.email, p.first_name, p.last_name,
              (select ph.phone from person_phones ph
                where ph.person_id = pe.person_id and ph.position = 0 limit 1) as phone
         from person_emails pe join people p on p.id = pe.person_id
        where pe.position = 0 and pe.id > ?
        order by pe.id limit 20000`,
      [after],
    );
    for (const r of page) {
      const i = Number(/(\d+)@/.exec(r.email)?.[1] ?? -1);
      if (i >= 0 && wanted(i))
        out.set(i, { email: r.email, firstName: r.first_name, lastName: r.last_name, phone: r.phone });
    }
    if (page.length < 20000) return out;
    after = page.at(-1).id;
  }
}

/** How many of these e-mail keys some person holds (the file's sanity check against a database). */
export async function keysFound(db, keys) {
  if (!keys.length) return 0;
  return one(
    db,
    `select count(distinct email_key) as n from person_emails where email_key in (${keys.map(() => '?').join(',')})`,
    keys,
  );
}
