// Word lists and weights the generator draws from: Lithuanian and English names, organisations,
// notes and the shares of stages, channels, sources and activity types.
import { weighted, zipf } from './random.mjs';

/** Words separated by `|` (so the lists stay compact whatever the formatter does). */
const words = (text) => text.split('|');
/** Word lists as `item:weight|item:weight`. */
const weightedWords = (text) =>
  weighted(
    words(text).map((w) => {
      const at = w.lastIndexOf(':');
      return [w.slice(0, at), Number(w.slice(at + 1))];
    }),
  );

// Lithuanian surnames as male / married woman / unmarried woman, the most common first.
const LT_SURNAMES = `Kazlauskas Kazlauskienė Kazlauskaitė|Jankauskas Jankauskienė Jankauskaitė
Petrauskas Petrauskienė Petrauskaitė|Stankevičius Stankevičienė Stankevičiūtė
Vasiliauskas Vasiliauskienė Vasiliauskaitė|Žukauskas Žukauskienė Žukauskaitė|Butkus Butkienė Butkutė
Paulauskas Paulauskienė Paulauskaitė|Urbonas Urbonienė Urbonaitė|Kavaliauskas Kavaliauskienė Kavaliauskaitė
Baranauskas Baranauskienė Baranauskaitė|Šimkus Šimkienė Šimkutė|Navickas Navickienė Navickaitė
Ramanauskas Ramanauskienė Ramanauskaitė|Savickas Savickienė Savickaitė|Rimkus Rimkienė Rimkutė
Žilinskas Žilinskienė Žilinskaitė|Adomaitis Adomaitienė Adomaitytė|Petraitis Petraitienė Petraitytė
Kairys Kairienė Kairytė|Mockus Mockienė Mockutė|Čepulis Čepulienė Čepulytė|Balčiūnas Balčiūnienė Balčiūnaitė
Sadauskas Sadauskienė Sadauskaitė|Grigas Grigienė Grigaitė|Žemaitis Žemaitienė Žemaitytė
Jonaitis Jonaitienė Jonaitytė|Dambrauskas Dambrauskienė Dambrauskaitė|Mažeika Mažeikienė Mažeikaitė
Šukys Šukienė Šukytė|Gudaitis Gudaitienė Gudaitytė|Tamošiūnas Tamošiūnienė Tamošiūnaitė
Lukoševičius Lukoševičienė Lukoševičiūtė|Vaitkus Vaitkienė Vaitkutė|Česnulevičius Česnulevičienė Česnulevičiūtė`
  .split(/[|\n]/)
  .map((forms) => forms.split(' '));
const LT_MEN = words(
  'Jonas|Tomas|Mantas|Lukas|Mindaugas|Darius|Andrius|Paulius|Žygimantas|Rokas|Dovydas|Kęstutis|Vytautas|Giedrius|Arūnas|Saulius|Algirdas|Justinas|Gintaras|Šarūnas|Ignas|Matas',
);
const LT_WOMEN = words(
  'Rūta|Eglė|Jūratė|Ona|Gražina|Aušra|Agnė|Greta|Ieva|Lina|Indrė|Gintarė|Rasa|Vaida|Živilė|Kristina|Dalia|Austėja|Emilija|Ugnė|Giedrė|Milda|Birutė|Žaneta',
);
const EN_FIRST = words(
  'James|Oliver|Emma|Olivia|John|Harry|Sophie|Amelia|William|Thomas|Chloë|Zoë|Jack|Grace|Renée|Isabella|Jonathan|Noël|Joan|Siân',
);
const EN_LAST = words(
  "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|O'Brien|White|Roberts|Green|Hall|Brontë|Johnston",
);
export const ltSurname = zipf(LT_SURNAMES);
export const ltMan = zipf(LT_MEN);
export const ltWoman = zipf(LT_WOMEN);
export const enFirst = zipf(EN_FIRST);
export const enLast = zipf(EN_LAST);

export const LT_LEGAL_FORMS = words('UAB|UAB|UAB|AB|MB|VšĮ');
export const ORG_WORDS_1 = words(
  'Baltijos|Šiaurės|Nemuno|Vilniaus|Kauno|Klaipėdos|Žalgirio|Gintarinė|Aukštaitijos|Žemaitijos|Rytų|Vakarų|Didžioji|Saulėta|Žalioji',
);
export const ORG_WORDS_2 = words(
  'ąžuolas|saulė|vėtrūnas|medienos gaminiai|statybų sprendimai|prekyba|technologijos|logistika|energija|duomenų centras|rūta|sistemos|projektai|konsultacijos|baldai',
);
export const EN_ORG_1 = words('Northwind|Bluebell|Ashford|Kestrel|Riverside|Harbour|Oakley|Brightwater');
export const EN_ORG_2 = words('Trading|Systems|Logistics|Foods|Engineering|Analytics|Partners|Energy');
export const LT_CITIES = zipf(
  words('Vilnius|Kaunas|Klaipėda|Šiauliai|Panevėžys|Alytus|Marijampolė|Utena|Telšiai|Tauragė'),
);
export const EN_CITIES = zipf(words('London|Manchester|Dublin|Leeds|Bristol|Edinburgh'));
export const INDUSTRIES = [
  ...words('IT|Gamyba|Prekyba|Statyba|Logistika|Finansai|Sveikatos priežiūra|Švietimas|Energetika'),
  null,
];
export const SIZES = weightedWords('1-9:30|10-49:35|50-249:22|250-999:9|1000+:4');
export const JOB_TITLES = words(
  'Direktorius|Pardavimų vadovė|IT vadovas|Finansininkė|Pirkimų specialistas|Rinkodaros vadovė|CEO|Head of Sales|Procurement Manager|Office Manager',
);
export const FREE_MAIL = weightedWords('gmail.com:60|inbox.lt:15|yahoo.com:8|outlook.com:12|one.lt:5');
export const TAGS = weightedWords('vip:5|renginys:4|grįžtantis:3|partneris:3|eksportas:2|skubu:2');
export const COMPETITORS = words('Pipedrive|HubSpot|Salesforce|Zoho CRM|vietinis tiekėjas');
export const NOTES = [
  'Domisi CRM diegimu, prašė pasiūlymo iki mėnesio pabaigos.',
  'Skambino dėl kainų, siųsti kainoraštį el. paštu.',
  'Susitikimas parodoje, aptarėme poreikius ir biudžetą.',
  'Sprendimą priims valdyba kitą ketvirtį.',
  'Asked for a demo with the sales team next week.',
  'Budget approved, waiting for procurement.',
  'Nori integracijos su buhalterijos programa.',
  'Follow up after the webinar; interested in the **Pro** plan.',
];
export const TASK_SUBJECTS = words(
  'Paskambinti|Išsiųsti pasiūlymą|Suderinti demonstraciją|Send the contract|Priminti apie sąskaitą|Follow up',
);
export const CALL_OUTCOMES = weightedWords('connected:50|no_answer:25|voicemail:12|busy:8|wrong_number:5');
export const ACTIVITY_TYPE = weightedWords('note:40|call:35|task:25');
/** Activities beyond the 'created' event (and the stage event of a lead that moved): 2 on average. */
export const EXTRA_ACTIVITIES = weighted([
  [0, 15],
  [1, 25],
  [2, 30],
  [3, 18],
  [4, 8],
  [6, 4],
]);
export const STAGES = weightedWords('suspect:42|mql:20|sql:11|converted:8|disqualified:13|parked:6');
export const CHANNELS = weightedWords('ui:80|api:12|import:8');
export const SOURCE_WEIGHTS = Object.fromEntries(
  words(
    'web_form:20|website_chat:6|linkedin:9|social_network:6|email_marketing:7|customer_referral:8|webinar:5|trade_show:5|advertising:6|local_advertising:2|purchased_list:4|blog_post:3|networking:3|closed_lost_recovery:2|other:2',
  ).map((w) => [w.split(':')[0], Number(w.split(':')[1])]),
);
