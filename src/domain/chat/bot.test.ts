import { describe, expect, it } from 'vitest';
import type { Lang } from '../forms/form-fields.js';
import { type BotCatalogue, type BotState, captureOf, next, readContact, readName, startBot } from './bot.js';
import { BOT_TEXTS, botText } from './bot-texts.js';

const catalogue: BotCatalogue = {
  products: [
    { id: '01900000-0000-7000-8000-0000000000a1', name: 'Saulės elektrinė' },
    { id: '01900000-0000-7000-8000-0000000000a2', name: 'Šilumos siurblys' },
  ],
};
const empty: BotCatalogue = { products: [] };
/** What a visitor has answered before the bot reaches each step. */
const PRIOR_ANSWERS: Record<'name' | 'contact' | 'interest' | 'timeframe', string[]> = {
  name: [],
  contact: ['Ona'],
  interest: ['Ona', 'ona@example.lt'],
  timeframe: ['Ona', 'ona@example.lt', 'Kita'],
};

/** The state after answering `answers` in order, from a fresh conversation. */
function answered(lang: Lang, answers: string[], cat = catalogue): BotState {
  let state = startBot(lang).state;
  for (const a of answers) state = next(state, a, cat).state;
  return state;
}

describe('the chat bot', () => {
  it.each<[Lang, string, string]>([
    ['lt', 'Sveiki! Mielai atsakysime į jūsų klausimus.', 'Kaip jus vadinti?'],
    ['en', 'Hello! We are happy to answer your questions.', 'What is your name?'],
  ])('greets in %s and asks the name first', (lang, greeting, question) => {
    const turn = startBot(lang);
    expect(turn.replies.map((r) => r.text)).toEqual([greeting, question]);
    expect(turn.state).toMatchObject({ step: 'name', lang, firstName: null });
  });

  it('uses the widget’s own greeting when it has one', () => {
    expect(startBot('en', { greeting: { en: 'Hi from UAB Saulė!' } }).replies[0]?.text).toBe(
      'Hi from UAB Saulė!',
    );
    expect(startBot('en', { greeting: { en: '   ' } }).replies[0]?.text).toBe(BOT_TEXTS.greeting.en);
  });

  it('asks the widget’s own questions, in the visitor’s language, with the name filled in', () => {
    const script = {
      askName: { lt: 'Kuo vardu?', en: '' },
      askContact: { lt: '{name}, kaip susisiekti?' },
      askInterest: { lt: 'Kuri paslauga?' },
      askTimeframe: { lt: 'Kada?' },
      done: { lt: 'Iki, {name}!' },
    };
    const texts = (turn: { replies: { text: string }[] }) => turn.replies.map((r) => r.text);
    expect(texts(startBot('lt', script))).toEqual([BOT_TEXTS.greeting.lt, 'Kuo vardu?']);
    // a blank text is the bot's own
    expect(texts(startBot('en', script))).toEqual([BOT_TEXTS.greeting.en, BOT_TEXTS.askName.en]);
    let state = startBot('lt', script).state;
    const say = (text: string, cat = catalogue) => {
      const turn = next(state, text, cat, script);
      state = turn.state;
      return texts(turn);
    };
    expect(say('Ona Petraitė')).toEqual(['Ona, kaip susisiekti?']);
    expect(say('ona@example.lt', { products: [] })).toEqual(['Kuri paslauga?']);
    expect(say('Svetainė')).toEqual(['Kada?']);
    // the re-ask stays the bot's own
    expect(say('kažkada')).toEqual([BOT_TEXTS.timeframeInvalid.lt]);
    expect(say('now')).toEqual(['Iki, Ona!']);
  });

  it('puts a name in as written, whatever characters it has', () => {
    const turn = next(startBot('en').state, "Ona$' Petraitė", catalogue, {
      askContact: { en: 'Thanks, {name}! Where?' },
    });
    expect(turn.replies[0]?.text).toBe("Thanks, Ona$'! Where?");
  });

  describe.each<Lang>(['lt', 'en'])('in %s', (lang) => {
    it.each([
      // step, answer, next step, reply key
      ['name', 'Ona Petraitytė', 'contact', 'askContact'],
      ['name', '', 'name', 'nameInvalid'],
      ['name', 'ona@example.lt', 'name', 'nameInvalid'],
      ['name', '861234567', 'name', 'nameInvalid'],
      ['contact', 'ona@example.lt', 'interest', 'askInterest'],
      ['contact', '+370 612 34567', 'interest', 'askInterest'],
      ['contact', '8 612 34567', 'interest', 'askInterest'],
      ['contact', 'ona@example', 'contact', 'emailInvalid'],
      ['contact', 'ona@@example.lt', 'contact', 'emailInvalid'],
      ['contact', '123', 'contact', 'phoneInvalid'],
      ['contact', '+370 612', 'contact', 'phoneInvalid'],
      ['contact', 'rytoj paskambinkit', 'contact', 'contactUnclear'],
      ['interest', 'Saulės elektrinė', 'timeframe', 'askTimeframe'],
      ['interest', 'Kažkas kito', 'timeframe', 'askTimeframe'],
      ['timeframe', 'now', 'done', 'done'],
      ['timeframe', 'Per mėnesį', 'done', 'done'],
      ['timeframe', 'within a MONTH', 'done', 'done'],
      ['timeframe', 'vakar', 'timeframe', 'timeframeInvalid'],
    ] as const)('at %s, answering "%s" goes to %s with %s', (step, answer, to, key) => {
      const before = answered(lang, PRIOR_ANSWERS[step]);
      expect(before.step).toBe(step);
      const turn = next(before, answer, catalogue);
      expect(turn.state.step).toBe(to);
      expect(turn.replies).toHaveLength(1);
      expect(turn.replies[0]?.text).toBe(botText(key, lang, 'Ona'));
      if (to === step) expect(turn.state).toEqual(before);
    });

    it('offers the catalogue’s products as quick replies, and free text without a catalogue', () => {
      const withProducts = next(answered(lang, ['Ona']), 'ona@example.lt', catalogue).replies[0];
      expect(withProducts?.quickReplies).toEqual(
        catalogue.products.map((p) => ({ value: p.id, label: p.name })),
      );
      const without = next(answered(lang, ['Ona'], empty), 'ona@example.lt', empty).replies[0];
      expect(without).toEqual({ text: botText('askInterestFree', lang) });
    });

    it('offers the timeframes as quick replies in the visitor’s language, again when re-asked', () => {
      const asked = next(answered(lang, ['Ona', 'ona@example.lt']), 'Kita', catalogue).replies[0];
      const labels = asked?.quickReplies?.map((q) => q.label);
      expect(labels).toContain(lang === 'lt' ? 'Kuo greičiau' : 'As soon as possible');
      expect(asked?.quickReplies?.map((q) => q.value)).toEqual(['now', '1m', '3m', '6m', '12m', 'unknown']);
      const again = next(answered(lang, ['Ona', 'ona@example.lt', 'Kita']), '???', catalogue).replies[0];
      expect(again?.quickReplies).toEqual(asked?.quickReplies);
    });
  });

  it('captures the lead once, when the last question is answered', () => {
    const state = answered('lt', ['  Ona   Petraitytė ', 'Ona@Example.lt', 'šilumos SIURBLYS']);
    const turn = next(state, 'Per 3 mėnesius', catalogue);
    expect(turn.capture).toEqual({
      firstName: 'Ona',
      lastName: 'Petraitytė',
      email: 'Ona@Example.lt',
      phone: null,
      productIds: ['01900000-0000-7000-8000-0000000000a2'],
      interest: 'Šilumos siurblys',
      timeframe: '3m',
    });
    expect(turn.replies[0]?.text).toBe('Ačiū, Ona! Kolega netrukus prisijungs prie pokalbio.');
    const later = next(turn.state, 'Ar dar ten?', catalogue);
    expect(later).toEqual({ replies: [], state: turn.state });
  });

  it('takes a product by its quick reply value too, and keeps free text as the interest', () => {
    const byId = next(answered('en', ['Ona', '+37061234567']), catalogue.products[0]!.id, catalogue);
    expect(byId.state).toMatchObject({ productIds: [catalogue.products[0]!.id], phone: '+37061234567' });
    const free = next(answered('en', ['Ona', '+37061234567']), 'A roof for my barn', catalogue);
    expect(free.state).toMatchObject({ productIds: [], interest: 'A roof for my barn' });
  });

  it.each([
    [[], null],
    [['Ona'], null],
    [['Ona', '861234567'], { firstName: 'Ona', phone: '+37061234567', timeframe: null }],
  ])('knows enough for a lead after %j: %j', (answers, expected) => {
    const capture = captureOf(answered('lt', answers));
    if (expected === null) expect(capture).toBeNull();
    else expect(capture).toMatchObject(expected);
  });

  it.each([
    ['Ona', { firstName: 'Ona', lastName: null }],
    ['Jean-Luc de la Tour', { firstName: 'Jean-Luc', lastName: 'de la Tour' }],
    ['x'.repeat(101), null],
    ['...', null],
  ])('reads the name %s', (text, expected) => {
    expect(readName(text)).toEqual(expected);
  });

  it.each([
    ['+44 20 7946 0958', { email: null, phone: '+442079460958' }],
    ['jonas+chat@uab.lt', { email: 'jonas+chat@uab.lt', phone: null }],
    ['jonas at uab.lt', { problem: 'contactUnclear' }],
  ])('reads the contact %s', (text, expected) => {
    expect(readContact(text)).toEqual(expected);
  });
});
