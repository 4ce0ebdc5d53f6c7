import type { ChatConfig } from './chat-state.js';
import { type ChatPage, startChat } from './chat-widget.js';
import { browserStore, memoryStore } from './storage.js';
import { newId } from './submission.js';
import { chooseLanguage } from './texts.js';
import { isHttpUrl, recordTouches, touchAt, visitorId } from './touch.js';

/**
 * The chat script's entry, served as `/embed/chat/{widgetId}.js` after a line that pushes the widget's configuration
 * onto `window.PiltuvasChat`. It records the page's touch (like the tracker), so the conversation carries where the
 * visitor came from, and puts one widget per id in the page's corner.
 */

// Read first, synchronously: `document.currentScript` is null in any callback.
const thisScript = document.currentScript as HTMLScriptElement | null;

type Queue = unknown[] & { piltuvas?: true };

declare global {
  interface Window {
    PiltuvasChat?: Queue;
  }
}

function isConfig(value: unknown): value is ChatConfig {
  const config = value as Partial<ChatConfig> | null;
  return typeof config?.widgetId === 'string' && isHttpUrl(config.api);
}

function whenReady(run: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

function start(): void {
  const queue: Queue = window.PiltuvasChat ?? [];
  if (queue.piltuvas) return;
  queue.piltuvas = true;
  window.PiltuvasChat = queue;

  const store = browserStore() ?? memoryStore();
  const page: ChatPage = {
    store,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    schedule: (run, ms) => setTimeout(run, ms),
    cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    EventSource: typeof EventSource === 'function' ? EventSource : undefined,
    touches: recordTouches(store, touchAt(location.href, document.referrer, new Date())),
    vid: visitorId(store, newId),
  };

  const started = new Set<string>();
  const show = (config: unknown, script: HTMLScriptElement | null) => {
    if (!isConfig(config)) {
      console.warn('piltuvas: ignoring a malformed chat configuration', config);
      return;
    }
    // One widget per id: a snippet pasted twice renders once.
    if (started.has(config.widgetId)) return;
    started.add(config.widgetId);
    whenReady(() => {
      const host = document.createElement('div');
      host.setAttribute('data-piltuvas-chat', config.widgetId);
      document.body.append(host);
      const lang = chooseLanguage(
        [script?.getAttribute('data-lang')],
        document.documentElement.lang,
        chooseLanguage([navigator.language], '', 'lt'),
      );
      try {
        startChat(host, config, lang, page);
      } catch (error) {
        console.error(`piltuvas: could not start chat ${config.widgetId}`, error);
      }
    });
  };

  for (const config of queue.splice(0)) show(config, thisScript);
  queue.push = (...configs: unknown[]) => {
    const script = document.currentScript as HTMLScriptElement | null;
    for (const config of configs) show(config, script);
    return queue.length;
  };
}

start();
