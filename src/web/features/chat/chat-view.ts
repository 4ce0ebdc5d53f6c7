import {
  type BotQuestions,
  normaliseQuestions,
  QUESTION_KEYS,
  type QuestionKey,
  wordedText,
} from '../../../domain/chat/bot-texts';
import type { ChatWidgetDto, ChatWidgetInput, ConversationDto, ConversationStatus } from '../../lib/api';
import { originInput } from '../forms/form-values';

/** The chat screens' rules that need no React: queue order, who may do what, the widget editor's values. */

/** The queue's order: visitors waiting for a person first, then ongoing, then the bot's, closed last. */
const STATUS_ORDER: Record<ConversationStatus, number> = { waiting: 0, human: 1, bot: 2, closed: 3 };

/**
 * Conversations as the rep screen lists them: by status (waiting first), newest activity first within one.
 * `sortConversations([bot@10:05, waiting@10:00])` → `[waiting@10:00, bot@10:05]`.
 */
export function sortConversations(list: readonly ConversationDto[]): ConversationDto[] {
  return [...list].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.lastMessageAt.localeCompare(a.lastMessageAt),
  );
}

/** Someone may join a conversation nobody has joined yet, while it is open. */
export function mayJoin(conversation: Pick<ConversationDto, 'status' | 'assignedUserId'>): boolean {
  return conversation.status !== 'closed' && conversation.assignedUserId === null;
}

/** Only the person who joined writes to the visitor. */
export function mayReply(
  conversation: Pick<ConversationDto, 'status' | 'assignedUserId'>,
  userId: string,
): boolean {
  return conversation.status === 'human' && conversation.assignedUserId === userId;
}

/** The widget editor's inputs as they are typed. */
export interface WidgetValues extends Record<string, unknown> {
  name: string;
  status: ChatWidgetDto['status'];
  greetingLt: string;
  greetingEn: string;
  /** The bot's questions in the widget's wording, as typed ('' → the bot's own). */
  questions: Record<QuestionKey, { lt: string; en: string }>;
  allowedOrigins: string[];
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  /** A whole number as typed; '' while the input is empty. */
  maxPerMinute: number | string;
}

/** The server's default for a new widget's starts per minute (chat.widgets.service.ts). */
export const DEFAULT_MAX_PER_MINUTE = 60;

export function newWidgetValues(): WidgetValues {
  return {
    name: '',
    status: 'active',
    greetingLt: '',
    greetingEn: '',
    questions: questionValues(null),
    allowedOrigins: [],
    sourceId: null,
    campaignId: null,
    ownerId: null,
    maxPerMinute: DEFAULT_MAX_PER_MINUTE,
  };
}

export function widgetValuesOf(widget: ChatWidgetDto): WidgetValues {
  return {
    name: widget.name,
    status: widget.status,
    greetingLt: widget.greeting?.lt ?? '',
    greetingEn: widget.greeting?.en ?? '',
    questions: questionValues(widget.questions),
    allowedOrigins: [...widget.allowedOrigins],
    sourceId: widget.sourceId,
    campaignId: widget.campaignId,
    ownerId: widget.ownerId,
    maxPerMinute: widget.maxPerMinute,
  };
}

function questionValues(questions: BotQuestions | null): WidgetValues['questions'] {
  return Object.fromEntries(
    QUESTION_KEYS.map((key) => [key, { lt: questions?.[key]?.lt ?? '', en: questions?.[key]?.en ?? '' }]),
  ) as WidgetValues['questions'];
}

/**
 * The inputs as the API takes them: no greeting when both are empty (the bot's own is used), only
 * the questions worded; an emptied starts-per-minute input goes as the default.
 */
export function toWidgetBody(values: WidgetValues): ChatWidgetInput {
  return {
    name: values.name.trim(),
    status: values.status,
    greeting: wordedText({ lt: values.greetingLt, en: values.greetingEn }),
    questions: normaliseQuestions(values.questions),
    allowedOrigins: [...new Set(values.allowedOrigins.map(originInput).filter(Boolean))],
    sourceId: values.sourceId,
    campaignId: values.campaignId,
    ownerId: values.ownerId,
    maxPerMinute: values.maxPerMinute === '' ? DEFAULT_MAX_PER_MINUTE : Number(values.maxPerMinute),
  };
}
