import { isTrackerScript, viewBeacon } from './beacon.js';
import { type DeliveryView, resumePending } from './delivery.js';
import { type PageContext, startForm } from './form.js';
import { browserStore, memoryStore } from './storage.js';
import { newId, referralToken } from './submission.js';
import { chooseLanguage } from './texts.js';
import { isHttpUrl, recordTouches, touchAt, visitorId } from './touch.js';
import type { EmbedConfig } from './types.js';

/**
 * The embed script's entry, served as `/embed/forms/{id}.js` (after a line that pushes the form's configuration
 * onto `window.PiltuvasForms`) and as `/embed/tracker.js` (touches only). A page may load it several times —
 * several forms, or the tracker and a form — so the first copy serves them all.
 */

// Read first, synchronously: `document.currentScript` is null in any callback.
const thisScript = document.currentScript as HTMLScriptElement | null;

type Queue = unknown[] & { piltuvas?: true };

declare global {
  interface Window {
    PiltuvasForms?: Queue;
  }
}

function isConfig(value: unknown): value is EmbedConfig {
  const config = value as Partial<EmbedConfig> | null;
  return (
    typeof config?.formId === 'string' &&
    isHttpUrl(config.endpoint) &&
    typeof config.token === 'string' &&
    typeof config.honeypot === 'string' &&
    Array.isArray(config.fields)
  );
}

function whenReady(run: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

function hostFor(formId: string): Element | null {
  for (const element of document.querySelectorAll('[data-piltuvas-form]')) {
    if (element.getAttribute('data-piltuvas-form') === formId && !element.shadowRoot) return element;
  }
  return null;
}

/**
 * Where a form goes: its `[data-piltuvas-form]` element; else — once the page is parsed, since that element may
 * come later in the HTML — a new `<div>` right after the script, or at the end of `<body>` when the script is in `<head>`.
 */
function placeForm(formId: string, script: HTMLScriptElement | null, render: (host: Element) => void): void {
  const host = hostFor(formId);
  if (host) {
    render(host);
    return;
  }
  whenReady(() => {
    let late = hostFor(formId);
    if (!late) {
      late = document.createElement('div');
      if (script?.closest('body')) script.after(late);
      else document.body.append(late);
    }
    render(late);
  });
}

function start(): void {
  const queue: Queue = window.PiltuvasForms ?? [];
  if (queue.piltuvas) return;
  queue.piltuvas = true;
  window.PiltuvasForms = queue;

  const store = browserStore() ?? memoryStore();
  const page: PageContext = {
    deps: {
      store,
      fetch: (url, init) => fetch(url, init),
      now: () => Date.now(),
      schedule: (run, ms) => setTimeout(run, ms),
    },
    touches: recordTouches(store, touchAt(location.href, document.referrer, new Date())),
    vid: visitorId(store, newId),
    ref: referralToken(location.href),
  };

  // The tracker also reports this page as a view of tracked content (the server ignores other pages).
  if (isTrackerScript(thisScript?.src)) {
    const beacon = viewBeacon(thisScript?.src, location.href, page.vid);
    if (beacon && typeof navigator.sendBeacon === 'function') {
      navigator.sendBeacon(beacon.url, new Blob([beacon.body], { type: 'text/plain' }));
    }
  }

  const views = new Map<string, DeliveryView | null>();
  const show = (config: unknown, script: HTMLScriptElement | null) => {
    if (!isConfig(config)) {
      console.warn('piltuvas: ignoring a malformed form configuration', config);
      return;
    }
    // One form per id: a snippet pasted twice, or the same script loaded twice, renders once.
    if (views.has(config.formId)) return;
    views.set(config.formId, null);
    placeForm(config.formId, script, (host) => {
      const dataLangs = [host.getAttribute('data-lang'), script?.getAttribute('data-lang')];
      const lang = chooseLanguage(dataLangs, document.documentElement.lang, config.defaultLanguage);
      try {
        views.set(config.formId, startForm(host, config, lang, page));
      } catch (error) {
        console.error(`piltuvas: could not render form ${config.formId}`, error);
      }
    });
  };

  for (const config of queue.splice(0)) show(config, thisScript);
  // Later pushes (another form's script on this page) render at once, next to the script pushing them.
  queue.push = (...configs: unknown[]) => {
    const script = document.currentScript as HTMLScriptElement | null;
    for (const config of configs) show(config, script);
    return queue.length;
  };
  // After the forms are placed, so a submission an earlier page left unsent shows in its form.
  whenReady(() => resumePending(page.deps, (formId) => views.get(formId) ?? null));
}

start();
