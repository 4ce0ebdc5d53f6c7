import { AppError } from '../../../domain/errors/app-error.js';
import { MinuteCounter } from '../forms/form-guards.js';

/**
 * The public chat's limits, per process like the form limits (see MinuteCounter). Requests that
 * name a conversation are counted by address before their token is checked, so guessing tokens
 * costs as much as chatting.
 */

/** Conversations one address starts per minute on one widget (on all: `config.chatStartRateLimit`). */
export const STARTS_PER_MINUTE = 10;
/** Messages, polls and stream requests per address and conversation per minute. */
export const MESSAGES_PER_MINUTE = 30;
export const READS_PER_MINUTE = 120;
export const STREAM_REQUESTS_PER_MINUTE = 30;
/** Open streams one conversation may hold in this process (tabs of one visitor). */
export const MAX_STREAMS_PER_CONVERSATION = 5;
/** A conversation longer than this is not a chat any more; the visitor may start a new one. */
export const MAX_MESSAGES = 500;

export type ChatCounter = 'startsPerAddress' | 'starts' | 'widgetStarts' | 'messages' | 'reads' | 'streams';

const counters: Record<ChatCounter, MinuteCounter> = {
  startsPerAddress: new MinuteCounter(),
  starts: new MinuteCounter(),
  widgetStarts: new MinuteCounter(),
  messages: new MinuteCounter(),
  reads: new MinuteCounter(),
  streams: new MinuteCounter(),
};

/** Counts one more for `key`; past `max` in this minute → 429 with Retry-After. */
export function limit(
  counter: ChatCounter,
  key: string,
  max: number,
  nowMs: number,
  what = 'requests',
): void {
  const hit = counters[counter].hit(key, nowMs);
  if (hit.count > max) {
    throw new AppError('rate_limited', `Too many ${what}; try again in ${hit.retryAfterSeconds} s`, {
      retryAfterSeconds: hit.retryAfterSeconds,
    });
  }
}

/**
 * The open event streams of one app, by conversation and by client address. A slot is taken
 * before anything is awaited, so requests arriving together cannot all pass the check first,
 * and given back when the stream ends (or is never opened).
 */
export class StreamSlots {
  private readonly byConversation = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  /** `perAddress` is read on every take (the setting, `config.chatStreamsPerAddress`). */
  constructor(private readonly perAddress: () => number) {}

  /** Takes a slot; the returned function gives it back (once). 429 when either count is full. */
  take(conversationId: string, address: string): () => void {
    if ((this.byAddress.get(address) ?? 0) >= this.perAddress()) {
      throw new AppError('rate_limited', 'Too many open chat streams from your address', {
        retryAfterSeconds: 30,
      });
    }
    if ((this.byConversation.get(conversationId) ?? 0) >= MAX_STREAMS_PER_CONVERSATION) {
      throw new AppError('rate_limited', 'Too many open streams for this conversation', {
        retryAfterSeconds: 30,
      });
    }
    bump(this.byAddress, address, 1);
    bump(this.byConversation, conversationId, 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      bump(this.byAddress, address, -1);
      bump(this.byConversation, conversationId, -1);
    };
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}
