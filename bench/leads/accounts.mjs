// What the app creates through its own API before the bulk load: users, teams, products,
// campaigns, and one probe lead to check the seeded rows against.
import { ADMIN, PASSWORD } from './config.mjs';
import { api, login } from './server.mjs';

const TEAM_NAMES = ['Vilniaus komanda', 'Kauno komanda', 'Klaipėdos komanda', 'Eksporto komanda'];
const CATALOGUE = [
  ['CRM-START', 'Piltuvas Start', 2900],
  ['CRM-PRO', 'Piltuvas Pro', 7900],
  ['CRM-ENT', 'Piltuvas Enterprise', 19900],
  ['IMPL', 'Diegimas', 150000],
  ['TRAIN', 'Mokymai', 45000],
  ['SUPPORT', 'Palaikymas', 9900],
  ['INTEG', 'Integracija', 250000],
  ['CONSULT', 'Konsultacija', 12000],
];
const CAMPAIGNS = [
  ['Pavasario vebinaras', 'webinar', 'webinar'],
  ['Rudens paroda', 'trade_show', 'trade_show'],
  ['Naujienlaiškis Q1', 'email', 'email_marketing'],
  ['LinkedIn reklama', 'social', 'linkedin'],
  ['Google Ads', 'advertising', 'advertising'],
  ['Partnerių rekomendacijos', 'referral', 'customer_referral'],
  ['Tinklaraščio įrašai', 'content', 'blog_post'],
  ['Verslo pusryčiai', 'event', 'sponsored_event'],
];

/** 4 managers, each with a team, and 40 reps spread over the teams. */
async function createPeople(call) {
  const managers = [];
  const teams = [];
  for (let t = 0; t < 4; t++) {
    const { user } = await call('POST', '/users', {
      email: `manager${t + 1}@example.lt`,
      name: `Vadovas ${t + 1}`,
      role: 'manager',
      password: PASSWORD,
      locale: 'lt',
    });
    const team = await call('POST', '/teams', { name: TEAM_NAMES[t], managerId: user.id });
    await call('PATCH', `/users/${user.id}`, { teamId: team.id });
    managers.push({ id: user.id, email: user.email, teamId: team.id });
    teams.push(team.id);
  }
  const reps = [];
  for (let r = 0; r < 40; r++) {
    const teamId = teams[r % 4];
    const { user } = await call('POST', '/users', {
      email: `rep${String(r + 1).padStart(2, '0')}@example.lt`,
      name: `Pardavėjas ${r + 1}`,
      role: 'rep',
      password: PASSWORD,
      teamId,
      locale: r % 5 === 0 ? 'en' : 'lt',
    });
    reps.push({ id: user.id, email: user.email, teamId });
  }
  return { managers, teams, reps };
}

/** The products, the lead sources the app comes with, and eight campaigns tied to sources. */
async function createCatalogue(call) {
  const products = [];
  for (const [code, name, unitPriceCents] of CATALOGUE) {
    products.push((await call('POST', '/products', { code, name, unitPriceCents })).id);
  }
  const sources = (await call('GET', '/sources')).items.map((s) => ({ id: s.id, key: s.key }));
  const byKey = (k) => sources.find((s) => s.key === k)?.id ?? null;
  const campaigns = [];
  for (const [name, type, sourceKey] of CAMPAIGNS) {
    const c = await call('POST', '/campaigns', {
      name,
      type,
      sourceId: byKey(sourceKey),
      budgetCents: 500_000,
    });
    campaigns.push({ id: c.id, sourceId: c.sourceId });
  }
  return { products, sources, campaigns };
}

export async function createAccounts(port) {
  const admin = await login(port, ADMIN.email, ADMIN.password);
  const call = (method, path, body) => api(port, admin, method, path, body);
  const { managers, teams, reps } = await createPeople(call);
  const { products, sources, campaigns } = await createCatalogue(call);
  // One lead through the app's own write path, shaped like the seeded ones: the seeder compares
  // every column it derives (search texts, title, e-mail key, domain, the 'created' event) with it.
  const probe = {
    person: {
      firstName: 'Žygimantas',
      lastName: 'Balčiūnas',
      emails: ['zygimantas.balciunas0@baltijosazuolas0.lt'],
      phones: ['+37060000000'],
    },
    organisation: {
      name: 'UAB „Baltijos ąžuolas“',
      companyCode: '399999999',
      website: 'https://www.baltijosazuolas0.lt',
    },
    timeframe: 'now',
    ownerId: reps[0].id,
  };
  const lead = await call('POST', '/leads', probe);
  return {
    adminId: admin.user.id,
    managers,
    teams,
    reps,
    products,
    sources,
    campaigns,
    probe: { ...probe, leadId: lead.id, ownerTeamId: reps[0].teamId },
  };
}
