import { type DeliveryDeps, type DeliveryView, deliver } from './delivery.js';
import { type FormUi, renderForm } from './render.js';
import { buildBody, newId, placeServerErrors, validate } from './submission.js';
import { message } from './texts.js';
import { httpUrl, isHttpUrl, type Touches } from './touch.js';
import type { EmbedConfig, Lang } from './types.js';

/** What every form on the page shares: storage, network, clock, and the visitor's touches. */
export interface PageContext {
  deps: DeliveryDeps;
  touches: Touches;
  vid: string;
  /** The page's referral token (`?_ref=`), sent with every submission from it. */
  ref: string | null;
}

/**
 * Renders one form and runs its submissions: validate, build the body, deliver, and show each step. Returns the
 * view through which a submission left unsent by an earlier page is shown.
 */
export function startForm(host: Element, config: EmbedConfig, lang: Lang, page: PageContext): DeliveryView {
  // Only a submission made on this page view redirects; one resumed from an earlier page just thanks.
  let submittedHere = false;
  const view: DeliveryView = {
    sending() {
      ui.busy(true);
      ui.status(message('sending', lang));
    },
    waiting(seconds, reason) {
      ui.busy(true);
      ui.status(message(reason === 'rate' ? 'rateLimited' : 'network', lang, seconds));
    },
    accepted() {
      ui.status('');
      ui.thankYou();
      if (submittedHere && isHttpUrl(config.redirectUrl)) location.assign(config.redirectUrl);
    },
    rejected(outcome) {
      ui.busy(false);
      const { problems, unplaced } = placeServerErrors(config, outcome.errors);
      const summary =
        problems.length > 0 && unplaced === 0
          ? message('check', lang)
          : (outcome.detail ?? message('failed', lang));
      ui.showProblems(problems, summary);
    },
  };
  const ui: FormUi = renderForm(host, config, lang, () => {
    const values = ui.values();
    const problems = validate(config, values);
    if (problems.length > 0) {
      ui.showProblems(problems, message('check', lang));
      return;
    }
    ui.showProblems([], null);
    submittedHere = true;
    // The page is cut to 300 characters like the touches' URLs, so an overlong address cannot get the submission refused.
    const context = {
      cid: newId(),
      vid: page.vid,
      lang,
      page: httpUrl(location.href) ?? '',
      touches: page.touches,
      ref: page.ref,
    };
    const now = page.deps.now();
    const pending = {
      formId: config.formId,
      endpoint: config.endpoint,
      body: buildBody(config, values, context),
      attempts: 0,
      dueAt: now,
      createdAt: now,
    };
    void deliver(pending, page.deps, view);
  });
  return view;
}
