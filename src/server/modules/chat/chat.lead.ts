import { touchFrom } from '../../../domain/capture/attribution.js';
import type { BotCapture } from '../../../domain/chat/bot.js';
import { transcriptText } from '../../../domain/chat/transcript.js';
import { AppError } from '../../../domain/errors/app-error.js';
import { timeframeFromChoice } from '../../../domain/forms/form-fields.js';
import type { CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { withSavepoint } from '../../db/savepoint.js';
import { insertActivity } from '../activities/activities.repository.js';
import { captureLead } from '../capture/capture.service.js';
import { today } from '../leads/lead-rules.js';
import {
  type CaptureError,
  type Conversation,
  messagesAfter,
  updateChatActivity,
  updateConversation,
} from './chat.repository.js';
import { type ChatWidget, findWidget } from './chat.widgets.repository.js';

/**
 * A conversation on the lead's timeline: the lead is made (or found, for a known person with an
 * open lead) by the capture write path, and one `chat` activity carries the transcript, kept
 * current as messages arrive and final when the conversation closes.
 */

export function chatCaller(widgetId: string): CaptureContext {
  return { user: null, channel: 'chat', origin: { kind: 'chat_widget', id: widgetId } };
}

/**
 * What the visitor told the bot becomes a lead — with the widget's source, campaign and owner and
 * the visitor's touch — in the caller's transaction, and the conversation points at it.
 */
async function captureChat(
  trx: Db,
  deps: Deps,
  widget: ChatWidget,
  conversation: Conversation,
  capture: BotCapture,
  at: string,
): Promise<Conversation> {
  const touch = touchFrom(conversation.touch ?? {}, conversation.startedAt);
  let activityId = '';
  const result = await captureLead(trx, deps, chatCaller(widget.id), {
    lead: {
      person: {
        firstName: capture.firstName,
        ...(capture.lastName ? { lastName: capture.lastName } : {}),
        ...(capture.email ? { emails: [capture.email] } : {}),
        ...(capture.phone ? { phones: [capture.phone] } : {}),
        preferredLanguage: conversation.language,
      },
      timeframe: timeframeFromChoice(capture.timeframe, today(deps)),
      productIds: capture.productIds,
      sourceId: widget.sourceId,
      campaignId: widget.campaignId,
      ownerId: widget.ownerId,
      sourceDetail: widget.name,
    },
    touches: { first: touch, last: touch },
    visitorId: conversation.visitorId,
    consent: null,
    event: {
      name: 'chat_started',
      data: { widgetName: widget.name, conversationId: conversation.id, interest: capture.interest },
    },
    // the transcript's timeline entry is written before the lead is scored: the chat counts
    withArrival: async (arrived) => {
      const activity = await insertActivity(trx, {
        leadId: arrived.leadId,
        personId: arrived.personId,
        type: 'chat',
        subject: widget.name,
        body: '',
        occurredAt: conversation.startedAt,
        dueAt: null,
        doneAt: null,
        assigneeId: null,
        data: { conversationId: conversation.id, widgetId: widget.id },
        channel: 'chat',
        createdBy: null,
        at,
      });
      activityId = activity.id;
    },
  });
  const changes = {
    leadId: result.leadId,
    personId: result.personId,
    activityId,
    captureError: null,
  };
  await updateConversation(trx, conversation.id, changes);
  return { ...conversation, ...changes };
}

/**
 * The lead from what the bot heard, as `captureChat` makes it — or, when the widget is gone or
 * the capture write path refuses the input (a validation problem), the conversation unchanged
 * but for the reason kept on it. Either way the visitor's messages stay: a refused lead must not
 * take the conversation down with it, and a colleague who joins sees why there is no lead.
 */
export async function tryCaptureChat(
  trx: Db,
  deps: Deps,
  conversation: Conversation,
  capture: BotCapture,
  at: string,
): Promise<Conversation> {
  const widget = await findWidget(trx, conversation.widgetId);
  if (!widget) {
    return keepCaptureError(trx, conversation, {
      code: 'not_found',
      message: 'The chat widget no longer exists',
      fields: [],
    });
  }
  try {
    return await withSavepoint(trx, 'chat_capture', () =>
      captureChat(trx, deps, widget, conversation, capture, at),
    );
  } catch (error) {
    const refused =
      error instanceof AppError && (error.code === 'validation' || error.code === 'unprocessable');
    if (!refused) throw error;
    // why not rethrown: the visitor's message is kept; the refusal is kept on the conversation for the team.
    return keepCaptureError(trx, conversation, {
      code: error.code,
      message: error.message,
      fields: error.errors.map((e) => e.field),
    });
  }
}

async function keepCaptureError(trx: Db, c: Conversation, captureError: CaptureError): Promise<Conversation> {
  await updateConversation(trx, c.id, { captureError });
  return { ...c, captureError };
}

/** Rewrites the transcript on the lead's timeline (nothing to do before there is a lead). */
export async function refreshTranscript(
  trx: Db,
  deps: Deps,
  conversation: Conversation,
  at: string,
): Promise<void> {
  if (!conversation.activityId) return;
  const messages = await messagesAfter(trx, conversation.id);
  const { firstName, lastName } = conversation.botState;
  const body = transcriptText(messages, {
    lang: conversation.language,
    timeZone: deps.config.timeZone,
    visitorName: [firstName, lastName].filter(Boolean).join(' ') || null,
  });
  await updateChatActivity(trx, conversation.activityId, {
    body,
    data: {
      conversationId: conversation.id,
      widgetId: conversation.widgetId,
      status: conversation.status,
      messageCount: messages.length,
      closedAt: conversation.closedAt,
    },
    doneAt: conversation.closedAt,
    at,
  });
}
