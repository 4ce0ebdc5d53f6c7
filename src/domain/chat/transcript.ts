import type { Lang } from '../forms/form-fields.js';
import { botText } from './bot-texts.js';

export type Sender = 'visitor' | 'bot' | 'user' | 'system';

export interface TranscriptMessage {
  sender: Sender;
  body: string;
  createdAt: string;
  /** The colleague's name for `user` messages. */
  authorName: string | null;
}

/**
 * A conversation as plain text for the lead's timeline, one line per message with its time in
 * the organisation's zone: `14:05 Ona: Labas` (a notice has no speaker: `14:06 Jonas joined the chat.`).
 */
export function transcriptText(
  messages: readonly TranscriptMessage[],
  opts: { lang: Lang; timeZone: string; visitorName: string | null },
): string {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: opts.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return messages
    .map((m) => {
      const at = clock.format(new Date(m.createdAt));
      const who = speaker(m, opts.lang, opts.visitorName);
      return who ? `${at} ${who}: ${m.body}` : `${at} ${m.body}`;
    })
    .join('\n');
}

function speaker(m: TranscriptMessage, lang: Lang, visitorName: string | null): string | null {
  switch (m.sender) {
    case 'visitor':
      return visitorName || botText('visitor', lang);
    case 'bot':
      return botText('bot', lang);
    case 'user':
      return m.authorName || botText('team', lang);
    case 'system':
      return null;
  }
}
