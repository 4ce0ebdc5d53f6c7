import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { BATCH_ROWS, importsIdle, PROCESS_SPACE, runImports } from './import.job.js';

/** A multipart body by hand (app.inject has no FormData support for files). */
function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const boundary = `----piltuvas${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Windows-1257 bytes of a text (the letters Lithuanian Excel writes). */
function win1257(text: string): Buffer {
  const map: Record<string, number> = {
    Š: 0xd0,
    š: 0xf0,
    Ą: 0xc0,
    ą: 0xe0,
    Č: 0xc8,
    č: 0xe8,
    Ž: 0xde,
    ž: 0xfe,
    Ė: 0xcb,
    ė: 0xeb,
    Ū: 0xdb,
    ū: 0xfb,
    Į: 0xc1,
    į: 0xe1,
    Ų: 0xd8,
    ų: 0xf8,
  };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

const MAPPING = {
  Vardas: 'person.firstName',
  Pavardė: 'person.lastName',
  'El. paštas': 'person.email',
  Įmonė: 'organisation.name',
  Pastaba: 'lead.note',
};

describeEachDialect('list imports', (dialect) => {
  const t = useTestApp(dialect, { startImportsAtOnce: false });

  async function upload(
    headers: Record<string, string>,
    bytes: Buffer,
    fields: Record<string, string> = {},
    name = 'sarasas.csv',
  ) {
    const body = multipart(
      { mapping: JSON.stringify(MAPPING), sourceId: SEED_SOURCES[0].id, ...fields },
      { name, bytes },
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  async function status(headers: Record<string, string>, id: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function leadsWithEmail(email: string) {
    return t.deps.db
      .selectFrom('leads')
      .innerJoin('person_emails', 'person_emails.person_id', 'leads.person_id')
      .select(['leads.id', 'leads.source_id', 'leads.deleted_at'])
      .where('person_emails.email', '=', email)
      .execute();
  }

  const FILE = [
    'Vardas;Pavardė;El. paštas;Įmonė;Pastaba',
    'Jonas;Šimkus;jonas.simkus@example.lt;"UAB ""Žuvėdra""; Klaipėda";Paskambinti',
    'Ona;Žemaitė;ona.zemaite@example.lt;Ūkis;"Dvi eilutės:',
    'antra eilutė"',
    'Blogas;Adresas;ne-el-pastas;;',
    'Jonas;Kartojasi;JONAS.SIMKUS@example.lt;;',
    'Trūksta;stulpelių',
    '=HYPERLINK("http://x");Formulė;formule@example.lt;;',
  ].join('\r\n');

  it('reads a semicolon Windows-1257 file: the dry run reports, writes nothing; the run creates; counts add up', async () => {
    const admin = await t.signedIn('admin');
    const res = await upload(admin.headers, win1257(FILE), { dryRun: 'true', match: 'email' });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    await runImports(t.deps);
    const dry = await status(admin.headers, id);
    expect(dry).toMatchObject({ status: 'previewed', encoding: 'windows-1257', delimiter: ';', total: 6 });
    expect(dry).toMatchObject({ created: 3, updated: 0, skipped: 1, rejected: 2 });
    expect(dry.created + dry.updated + dry.skipped + dry.rejected).toBe(dry.total);
    expect(dry.header).toEqual(['Vardas', 'Pavardė', 'El. paštas', 'Įmonė', 'Pastaba']);
    expect(await leadsWithEmail('jonas.simkus@example.lt')).toHaveLength(0);
    expect(dry.samples.some((s: { outcome: string }) => s.outcome === 'created')).toBe(true);

    const run = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/run`,
      headers: admin.headers,
    });
    expect(run.statusCode, run.body).toBe(200);
    await runImports(t.deps);
    const done = await status(admin.headers, id);
    expect(done).toMatchObject({
      status: 'done',
      total: 6,
      created: 3,
      skipped: 1,
      rejected: 2,
      progress: 1,
    });
    const jonas = await leadsWithEmail('jonas.simkus@example.lt');
    expect(jonas).toHaveLength(1);
    expect(jonas[0]?.source_id).toBe(SEED_SOURCES[0].id);
    const org = await t.deps.db
      .selectFrom('organisations')
      .select('name')
      .where('name', 'like', 'UAB%Žuvėdra%')
      .execute();
    expect(org.map((o) => o.name)).toEqual(['UAB "Žuvėdra"; Klaipėda']);
    const note = await t.deps.db
      .selectFrom('activities')
      .select('body')
      .where('lead_id', '=', jonas[0]?.id as string)
      .where('type', '=', 'note')
      .executeTakeFirstOrThrow();
    expect(note.body).toBe('Paskambinti');
    const ona = await leadsWithEmail('ona.zemaite@example.lt');
    const onaNote = await t.deps.db
      .selectFrom('activities')
      .select('body')
      .where('lead_id', '=', ona[0]?.id as string)
      .where('type', '=', 'note')
      .executeTakeFirstOrThrow();
    expect(onaNote.body).toBe('Dvi eilutės:\nantra eilutė');
    // The formula-like name is stored as text, as written.
    const formula = await t.deps.db
      .selectFrom('people')
      .select('first_name')
      .where('first_name', 'like', '=HYPERLINK%')
      .execute();
    expect(formula).toHaveLength(1);

    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}/errors.csv`,
      headers: admin.headers,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('line,row,outcome,field,code,message');
    expect(lines.some((l) => l.startsWith('6,3,rejected,person.email,invalid_format'))).toBe(true);
    expect(lines.some((l) => l.startsWith('7,4,skipped,*,duplicate_in_file'))).toBe(true);
    expect(lines.some((l) => l.startsWith('8,5,rejected,*,ragged_row'))).toBe(true);
  });

  it('matches existing people: create_only skips them, update_empty fills blanks, update overwrites; undo puts it back', async () => {
    const admin = await t.signedIn('admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: admin.headers,
      payload: {
        person: { firstName: 'Rasa', lastName: 'Senoji', emails: ['rasa@example.lt'] },
        timeframe: null,
      },
    });
    const file = Buffer.from(
      'Vardas,Pavardė,El. paštas,Pareigos\nRasa,Naujoji,rasa@example.lt,Vadovė\nNauja,Asmenybė,nauja@example.lt,\n',
    );
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      Pavardė: 'person.lastName',
      'El. paštas': 'person.email',
      Pareigos: 'person.jobTitle',
    });
    const person = () =>
      t.deps.db
        .selectFrom('people')
        .innerJoin('person_emails', 'person_emails.person_id', 'people.id')
        .select(['people.last_name', 'people.job_title'])
        .where('person_emails.email', '=', 'rasa@example.lt')
        .executeTakeFirstOrThrow();

    const createOnly = await upload(admin.headers, file, { mapping, mode: 'create_only' });
    await runImports(t.deps);
    expect(await status(admin.headers, createOnly.json().id)).toMatchObject({
      created: 1,
      skipped: 1,
      updated: 0,
    });

    const fill = await upload(admin.headers, file, { mapping, mode: 'update_empty' });
    await runImports(t.deps);
    expect(await status(admin.headers, fill.json().id)).toMatchObject({ updated: 1, skipped: 1 });
    expect(await person()).toMatchObject({ last_name: 'Senoji', job_title: 'Vadovė' });

    const overwrite = await upload(admin.headers, file, { mapping, mode: 'update' });
    const overwriteId = overwrite.json().id;
    await runImports(t.deps);
    expect(await status(admin.headers, overwriteId)).toMatchObject({ updated: 1, skipped: 1 });
    expect(await person()).toMatchObject({ last_name: 'Naujoji', job_title: 'Vadovė' });

    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${overwriteId}/undo`,
      headers: admin.headers,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    await runImports(t.deps);
    expect((await status(admin.headers, overwriteId)).status).toBe('undone');
    expect(await person()).toMatchObject({ last_name: 'Senoji' });

    // Undo of the first import: the lead it created goes to the bin.
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${createOnly.json().id}/undo`,
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    await runImports(t.deps);
    const nauja = await leadsWithEmail('nauja@example.lt');
    expect(nauja).toHaveLength(1);
    expect(nauja[0]?.deleted_at).not.toBeNull();
  });

  it('resumes after a crash from its checkpoint: every row once, no duplicates', async () => {
    const admin = await t.signedIn('admin');
    const rows = Array.from({ length: 1234 }, (_, i) => `Asmuo${i},Pavarde${i},resume${i}@example.lt`);
    const file = Buffer.from(['Vardas,Pavardė,El. paštas', ...rows].join('\n'));
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      Pavardė: 'person.lastName',
      'El. paštas': 'person.email',
    });
    const { id } = (await upload(admin.headers, file, { mapping })).json();
    await runImports(t.deps, { stopAfterBatches: 1 });
    const halfway = await status(admin.headers, id);
    expect(halfway).toMatchObject({ status: 'running', rowsDone: BATCH_ROWS });
    // The worker "died": its lease runs out and another start takes over.
    await t.deps.db
      .updateTable('imports')
      .set({ lease_until: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    await runImports(t.deps);
    const done = await status(admin.headers, id);
    expect(done).toMatchObject({ status: 'done', total: 1234, created: 1234, rejected: 0, skipped: 0 });
    const count = await t.deps.db
      .selectFrom('person_emails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'like', 'resume%@example.lt')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1234);
    const ledger = await t.deps.db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(ledger.n)).toBe(1234);
  });

  it('adds the people it creates to the campaign with the member status chosen, each with their lead', async () => {
    const admin = await t.signedIn('admin');
    const campaign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: admin.headers,
      payload: { name: 'Paroda 2026', type: 'event' },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json().id as string;
    const rows = Array.from({ length: 1005 }, (_, i) => `Lankytojas${i},Parodos${i},paroda${i}@example.lt`);
    const file = Buffer.from(['Vardas,Pavardė,El. paštas', ...rows].join('\n'));
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      Pavardė: 'person.lastName',
      'El. paštas': 'person.email',
    });
    const { id } = (
      await upload(admin.headers, file, { mapping, campaignId, memberStatus: 'attended' })
    ).json();
    await runImports(t.deps);
    expect(await status(admin.headers, id)).toMatchObject({ status: 'done', created: 1005 });
    const members = await t.deps.db
      .selectFrom('campaign_members as m')
      .innerJoin('leads as l', 'l.id', 'm.lead_id')
      .select(['m.status', 'm.person_id', 'l.person_id as lead_person', 'l.campaign_id'])
      .where('m.campaign_id', '=', campaignId)
      .execute();
    expect(members).toHaveLength(1005);
    expect(members.every((m) => m.status === 'attended' && m.person_id === m.lead_person)).toBe(true);
    expect(members.every((m) => m.campaign_id === campaignId)).toBe(true);
  });

  it('a phone shared by two rows is no repeat unless the import matches on phone', async () => {
    const admin = await t.signedIn('admin');
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      'El. paštas': 'person.email',
      Tel: 'person.phone',
    });
    const file = Buffer.from(
      [
        'Vardas,El. paštas,Tel',
        'Ona,ona.biuras@example.lt,+37052123456',
        'Rūta,ruta.biuras@example.lt,+37052123456',
      ].join('\n'),
    );
    const byEmail = (await upload(admin.headers, file, { mapping, match: 'email' })).json();
    await runImports(t.deps);
    expect(await status(admin.headers, byEmail.id)).toMatchObject({ status: 'done', created: 2, skipped: 0 });
    const byPhone = (await upload(admin.headers, file, { mapping, match: 'phone' })).json();
    await runImports(t.deps);
    // matching on phone: two people now hold the number, so it decides nothing, and the second row repeats the first
    const done = await status(admin.headers, byPhone.id);
    expect(done).toMatchObject({ status: 'done', created: 0, skipped: 2 });
  });

  it('reads a national phone in the row’s own country, for matching as for storing', async () => {
    const admin = await t.signedIn('admin');
    const existing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: admin.headers,
      payload: { person: { lastName: 'Bērziņa', phones: ['+37121234567'], country: 'LV' } },
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const mapping = JSON.stringify({
      Pavardė: 'person.lastName',
      Tel: 'person.phone',
      Šalis: 'person.country',
    });
    // 21234567 is a Latvian mobile number, and no number at all in Lithuania
    const file = Buffer.from(['Pavardė,Tel,Šalis', 'Bērziņa,21234567,LV'].join('\n'));
    const { id } = (await upload(admin.headers, file, { mapping, match: 'phone' })).json();
    await runImports(t.deps);
    expect(await status(admin.headers, id)).toMatchObject({
      status: 'done',
      created: 0,
      skipped: 1,
      rejected: 0,
    });
  });

  /** An XLSX workbook as Excel writes it: text in the shared-strings table (after the sheet). */
  async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sąrašas');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports an XLSX workbook: its first sheet, text, numbers and dates as cells', async () => {
    const admin = await t.signedIn('admin');
    const bytes = await workbook([
      ['Vardas', 'Pavardė', 'El. paštas', 'Tel', 'Pirkimas'],
      ['Žygimantas', 'Čepas', 'zygimantas.cepas@example.lt', 861234567, new Date('2027-03-01T00:00:00Z')],
      ['Eglė', 'Ūsė', 'egle.use@example.lt', '+370 612 34568', ''],
      ['Blogas', 'Adresas', 'ne-adresas', '', ''],
    ]);
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      Pavardė: 'person.lastName',
      'El. paštas': 'person.email',
      Tel: 'person.phone',
      Pirkimas: 'lead.timeframe',
    });
    const res = await upload(admin.headers, bytes, { mapping }, 'sarasas.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    await runImports(t.deps);
    expect(await status(admin.headers, res.json().id)).toMatchObject({
      status: 'done',
      total: 3,
      created: 2,
      rejected: 1,
    });
    const [lead] = await t.deps.db
      .selectFrom('leads')
      .innerJoin('person_phones', 'person_phones.person_id', 'leads.person_id')
      .innerJoin('person_emails', 'person_emails.person_id', 'leads.person_id')
      .select(['leads.timeframe', 'person_phones.phone', 'leads.title'])
      .where('person_emails.email', '=', 'zygimantas.cepas@example.lt')
      .execute();
    expect(lead).toEqual({ timeframe: '2027-03-01', phone: '+37061234567', title: 'Žygimantas Čepas' });
  });

  it('refuses an XLSX file over its own limit, naming CSV as the way, and stores nothing', async () => {
    const admin = await t.signedIn('admin');
    const rows = Array.from({ length: 60_000 }, (_, i) => [`Vardas${i}`, `pavarde${i}@example${i}.lt`]);
    const bytes = await workbook([['Vardas', 'El. paštas'], ...rows]);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const before = await t.deps.db
      .selectFrom('import_chunks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const limit = t.deps.config.importXlsxMaxMegabytes;
    t.deps.config.importXlsxMaxMegabytes = 1;
    try {
      const mapping = JSON.stringify({ Vardas: 'person.firstName', 'El. paštas': 'person.email' });
      const res = await upload(admin.headers, bytes, { mapping }, 'didelis.xlsx');
      expect(res.statusCode).toBe(400);
      expect(problem(res).errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'xlsx_too_large' }),
      ]);
    } finally {
      t.deps.config.importXlsxMaxMegabytes = limit;
    }
    const after = await t.deps.db
      .selectFrom('import_chunks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('matching on the organisation joins existing ones by company code or website, and rows share new ones', async () => {
    const admin = await t.signedIn('admin');
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: admin.headers,
      payload: { organisation: { name: 'UAB Akmuo', companyCode: '300000001', website: 'https://akmuo.lt' } },
    });
    expect(made.statusCode, made.body).toBe(201);
    const existing = made.json().organisationId as string;
    const mapping = JSON.stringify({
      'El. paštas': 'person.email',
      Įmonė: 'organisation.name',
      Kodas: 'organisation.companyCode',
      Svetainė: 'organisation.website',
    });
    const file = Buffer.from(
      [
        'El. paštas,Įmonė,Kodas,Svetainė',
        'a@akmuo.lt,Akmuo,300000001,',
        'b@akmuo.lt,Akmuo (be kodo),,www.akmuo.lt',
        'c@beta.lt,Beta,,beta.lt',
        'd@beta.lt,Beta,,https://beta.lt/apie',
        'e@kita.lt,Kita su kodu,300000002,akmuo.lt',
        'g@one.lt,One,,https://www.facebook.com/one',
        'h@two.lt,Two,,https://facebook.com/two',
      ].join('\n'),
    );
    const orgsOf = async (emails: string[]) =>
      (
        await t.deps.db
          .selectFrom('leads')
          .innerJoin('person_emails', 'person_emails.person_id', 'leads.person_id')
          .select(['person_emails.email', 'leads.organisation_id'])
          .where('person_emails.email', 'in', emails)
          .orderBy('person_emails.email')
          .execute()
      ).map((r) => r.organisation_id);
    const withCompany = (await upload(admin.headers, file, { mapping, match: 'email,company' })).json();
    await runImports(t.deps);
    expect(await status(admin.headers, withCompany.id)).toMatchObject({ status: 'done', created: 7 });
    // a site many organisations share is nobody's identity
    const [g, h] = await orgsOf(['g@one.lt', 'h@two.lt']);
    expect(g).not.toBe(h);
    const [a, b, c, d, e] = await orgsOf(['a@akmuo.lt', 'b@akmuo.lt', 'c@beta.lt', 'd@beta.lt', 'e@kita.lt']);
    expect([a, b]).toEqual([existing, existing]);
    expect(c).toBe(d);
    expect(c).not.toBe(existing);
    // its own company code makes it another legal entity, whatever site it shares
    expect(e).not.toBe(existing);

    // without it, a website alone creates a new organisation (the shared domain is only a duplicate hint)
    const again = Buffer.from(['El. paštas,Įmonė,Kodas,Svetainė', 'f@akmuo.lt,Akmuo,,akmuo.lt'].join('\n'));
    const plain = (await upload(admin.headers, again, { mapping, match: 'email' })).json();
    await runImports(t.deps);
    expect(await status(admin.headers, plain.id)).toMatchObject({ status: 'done', created: 1 });
    expect((await orgsOf(['f@akmuo.lt']))[0]).not.toBe(existing);

    // undo bins the organisations the import made (once nothing live is theirs), never one that existed
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${withCompany.id}/undo`,
      headers: admin.headers,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    await runImports(t.deps);
    const binned = await t.deps.db
      .selectFrom('organisations')
      .select(['id', 'deleted_at'])
      .where('id', 'in', [existing, c as string, e as string])
      .execute();
    const deletedAt = new Map(binned.map((o) => [o.id, o.deleted_at]));
    expect(deletedAt.get(existing)).toBeNull();
    expect(deletedAt.get(c as string)).not.toBeNull();
    expect(deletedAt.get(e as string)).not.toBeNull();
  });

  it('removes an upload a crashed process left half-stored, once it is hours old, with its file', async () => {
    const admin = await t.signedIn('admin');
    const file = Buffer.from('Vardas,El. paštas\nJonas,jonas.paliktas@example.lt\n');
    const mapping = JSON.stringify({ Vardas: 'person.firstName', 'El. paštas': 'person.email' });
    const old = (await upload(admin.headers, file, { mapping })).json().id as string;
    const recent = (await upload(admin.headers, file, { mapping })).json().id as string;
    // As the upload leaves them until the file is checked: failed, "uploading".
    const halfStored = (id: string, createdAt: string) =>
      t.deps.db
        .updateTable('imports')
        .set({ status: 'failed', error: 'uploading', created_at: createdAt })
        .where('id', '=', id)
        .execute();
    await halfStored(old, new Date(Date.now() - 7 * 3600_000).toISOString());
    await halfStored(recent, new Date(Date.now() - 60_000).toISOString());
    await runImports(t.deps);
    const left = await t.deps.db
      .selectFrom('imports')
      .select('id')
      .where('id', 'in', [old, recent])
      .execute();
    expect(left.map((r) => r.id)).toEqual([recent]);
    const chunks = await t.deps.db
      .selectFrom('import_chunks')
      .select('import_id')
      .where('import_id', 'in', [old, recent])
      .execute();
    expect(new Set(chunks.map((c) => c.import_id))).toEqual(new Set([recent]));
  });

  it('reads the header of a file longer than its first 64 KiB, and a header row longer than that', async () => {
    const admin = await t.signedIn('admin');
    const rows = Array.from({ length: 3000 }, (_, i) => `Vardas${i},vardas${i}@example.lt`);
    const long = Buffer.from(['Name,Email', ...rows].join('\n'));
    expect(long.length).toBeGreaterThan(64 * 1024);
    const res = await upload(admin.headers, long, {
      mapping: JSON.stringify({ Name: 'person.firstName', Email: 'person.email' }),
    });
    expect(res.statusCode, res.body).toBe(202);
    // the first 64 KiB hold only part of this header: it is read from the whole file
    const wide = Buffer.from([`${'x'.repeat(70 * 1024)},Email`, ...rows.slice(0, 5)].join('\n'));
    const res2 = await upload(admin.headers, wide, { mapping: JSON.stringify({ Email: 'person.email' }) });
    expect(res2.statusCode, res2.body).toBe(202);
  });

  it('takes over at once from a process of this machine that died (no waiting for its lease)', async () => {
    const admin = await t.signedIn('admin');
    const file = Buffer.from(['Vardas,Pavardė,El. paštas', 'Ona,Gyva,gyva@example.lt'].join('\n'));
    const mapping = JSON.stringify({
      Vardas: 'person.firstName',
      Pavardė: 'person.lastName',
      'El. paštas': 'person.email',
    });
    const uploaded = await upload(admin.headers, file, { mapping });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    const { id } = uploaded.json();
    const lease = { lease_until: '2999-01-01T00:00:00.000Z', status: 'running' };
    // a live process of another machine keeps its lease
    await t.deps.db
      .updateTable('imports')
      .set({ ...lease, lease_owner: 'elsewhere:1:abcd' })
      .where('id', '=', id)
      .execute();
    await runImports(t.deps);
    expect(await status(admin.headers, id)).toMatchObject({ status: 'running', rowsDone: 0 });
    // nor does a process in another pid namespace (a container) with the same host name
    await t.deps.db
      .updateTable('imports')
      .set({ lease_owner: `${hostname()}/1:${spawnSync(process.execPath, ['-e', '0']).pid}:abcd` })
      .where('id', '=', id)
      .execute();
    await runImports(t.deps);
    expect(await status(admin.headers, id)).toMatchObject({ status: 'running', rowsDone: 0 });
    // a process of this machine that no longer runs does not
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await t.deps.db
      .updateTable('imports')
      .set({ lease_owner: `${PROCESS_SPACE}:${dead}:abcd` })
      .where('id', '=', id)
      .execute();
    await runImports(t.deps);
    expect(await status(admin.headers, id)).toMatchObject({ status: 'done', created: 1 });
  });

  describe('refusals', () => {
    it('refuses a file that is not a spreadsheet, a bad mapping, and no file — storing nothing', async () => {
      const admin = await t.signedIn('admin');
      const before = await t.deps.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const png = await upload(
        admin.headers,
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        {},
        'photo.png',
      );
      expect(png.statusCode).toBe(400);
      expect(problem(png).errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'not_a_spreadsheet' }),
      ]);
      const badMapping = await upload(admin.headers, Buffer.from('Name,Email\na,b@c.lt\n'), {
        mapping: JSON.stringify({ Nera: 'person.email', Name: 'person.shoeSize' }),
      });
      expect(badMapping.statusCode).toBe(400);
      expect(
        problem(badMapping)
          .errors?.map((e) => `${e.field}:${e.code}`)
          .sort(),
      ).toEqual(['mapping.Name:unknown_field', 'mapping.Nera:unknown_column', 'mapping:no_identity']);
      const unknownSetting = await upload(admin.headers, Buffer.from('Email\na@b.lt\n'), {
        mapping: '{"Email":"person.email"}',
        ownerid: 'x',
      });
      expect(problem(unknownSetting).errors?.[0]).toMatchObject({ field: 'ownerid', code: 'not_allowed' });
      const noFile = multipart({ mapping: '{}' });
      const none = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { ...admin.headers, 'content-type': noFile.contentType },
        payload: noFile.payload,
      });
      expect(none.statusCode).toBe(400);
      const after = await t.deps.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const chunks = await t.deps.db
        .selectFrom('import_chunks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(chunks.n)).toBeGreaterThanOrEqual(0);
    });

    it('remembers each header layout’s last mapping for its importer (an admin sees all), newest first', async () => {
      const admin = await t.signedIn('admin');
      const rep = await t.signedIn('rep');
      const saved = async (headers: Record<string, string>) => {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/mappings', headers });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().items as {
          header: string[];
          mapping: Record<string, string | null>;
          fileName: string;
        }[];
      };
      const first = { Vardas: 'person.firstName', 'El. paštas': 'person.email' };
      const second = { Vardas: 'person.lastName', 'El. paštas': 'person.email' };
      const file = Buffer.from('Vardas,El. paštas\nA,saved1@example.lt\n');
      expect(
        (await upload(rep.headers, file, { mapping: JSON.stringify(first), dryRun: 'true' })).statusCode,
      ).toBe(202);
      expect(
        (await upload(rep.headers, file, { mapping: JSON.stringify(second), dryRun: 'true' })).statusCode,
      ).toBe(202);
      const other = Buffer.from('Email\nsaved2@example.lt\n');
      expect(
        (
          await upload(
            admin.headers,
            other,
            { mapping: JSON.stringify({ Email: 'person.email' }) },
            'admin.csv',
          )
        ).statusCode,
      ).toBe(202);
      // the rep: their one layout, with the mapping chosen last
      expect(await saved(rep.headers)).toEqual([
        {
          header: ['Vardas', 'El. paštas'],
          mapping: second,
          fileName: 'sarasas.csv',
          usedAt: expect.any(String),
        },
      ]);
      // the admin: every layout (earlier tests' too), newest first, each once
      const all = (await saved(admin.headers)).map((m) => JSON.stringify(m.header));
      expect(all.slice(0, 2)).toEqual(['["Email"]', '["Vardas","El. paštas"]']);
      expect(new Set(all).size).toBe(all.length);
      // a refused upload (no header stored) is no layout
      await upload(rep.headers, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), {}, 'x.png');
      expect(await saved(rep.headers)).toHaveLength(1);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports/mappings' })).statusCode).toBe(401);
      await runImports(t.deps);
    });

    it('hides other people’s imports and lets a rep import only for themselves', async () => {
      const admin = await t.signedIn('admin');
      const rep = await t.signedIn('rep');
      const other = await t.newUser({ role: 'rep' });
      const { id } = (
        await upload(admin.headers, Buffer.from('Vardas,El. paštas\nA,a1@example.lt\n'), {
          mapping: JSON.stringify({ Vardas: 'person.firstName', 'El. paštas': 'person.email' }),
        })
      ).json();
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: rep.headers }))
          .statusCode,
      ).toBe(404);
      expect(
        (await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/undo`, headers: rep.headers }))
          .statusCode,
      ).toBe(404);
      const forOther = await upload(rep.headers, Buffer.from('Vardas,El. paštas\nB,b1@example.lt\n'), {
        mapping: JSON.stringify({ Vardas: 'person.firstName', 'El. paštas': 'person.email' }),
        ownerId: other.id,
      });
      expect(forOther.statusCode).toBe(403);
      const own = await upload(rep.headers, Buffer.from('Vardas,El. paštas\nC,c1@example.lt\n'), {
        mapping: JSON.stringify({ Vardas: 'person.firstName', 'El. paštas': 'person.email' }),
      });
      expect(own.statusCode).toBe(202);
      await runImports(t.deps);
      const lead = await t.deps.db
        .selectFrom('leads')
        .innerJoin('person_emails', 'person_emails.person_id', 'leads.person_id')
        .select('leads.owner_id')
        .where('person_emails.email', '=', 'c1@example.lt')
        .executeTakeFirstOrThrow();
      expect(lead.owner_id).toBe(rep.user.id);
      await importsIdle(t.deps);
    });
  });
});
