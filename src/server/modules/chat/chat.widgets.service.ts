import { BOT_TEXTS, type BotScript, normaliseQuestions, wordedText } from '../../../domain/chat/bot-texts.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import type { LocalText } from '../../../domain/forms/form-fields.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { assertMarketing, checkDelivery, normaliseOrigins } from '../capture/channel-settings.js';
import type { ChatWidgetDto, CreateWidgetInput, UpdateWidgetInput } from './chat.schemas.js';
import { widgetDto } from './chat.views.js';
import {
  type ChatWidget,
  findWidget,
  insertWidget,
  listWidgets as listWidgetRows,
  saveWidget,
} from './chat.widgets.repository.js';

/** Conversations a widget starts per minute, all visitors together, unless its settings say otherwise. */
export const DEFAULT_MAX_PER_MINUTE = 60;

/** References exist; a new owner is an active user the caller may hand leads to (as for forms). */
async function checkWidget(
  db: Db,
  caller: ActorContext,
  w: ChatWidget,
  ownerChanged: boolean,
): Promise<void> {
  const v = new Validation();
  await checkDelivery(db, caller, w, ownerChanged, v);
  v.throwIfAny();
}

export async function createWidget(
  deps: Deps,
  caller: ActorContext,
  input: CreateWidgetInput,
  appOrigin: string,
): Promise<ChatWidgetDto> {
  assertMarketing(caller, 'create', 'chat widgets');
  const now = deps.now().toISOString();
  const widget: ChatWidget = {
    id: newId(),
    name: input.name.trim(),
    status: input.status ?? 'active',
    greeting: wordedText(input.greeting),
    questions: normaliseQuestions(input.questions),
    allowedOrigins: normaliseOrigins(input.allowedOrigins ?? []),
    sourceId: input.sourceId ?? null,
    campaignId: input.campaignId ?? null,
    ownerId: input.ownerId ?? null,
    maxPerMinute: input.maxPerMinute ?? DEFAULT_MAX_PER_MINUTE,
    version: 1,
    createdBy: caller.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await checkWidget(trx, caller, widget, true);
    await insertWidget(trx, widget);
    await recordAudit(trx, caller, {
      entityType: 'chat_widget',
      entityId: widget.id,
      action: 'create',
      after: widget,
      at: now,
    });
  });
  return widgetDto(widget, appOrigin);
}

export async function updateWidget(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateWidgetInput,
  appOrigin: string,
): Promise<ChatWidgetDto> {
  assertMarketing(caller, 'update', 'chat widgets');
  const now = deps.now().toISOString();
  const after = await deps.db.transaction().execute(async (trx) => {
    const before = await findWidget(trx, id);
    if (!before) throw new AppError('not_found', 'No such chat widget');
    const changed: ChatWidget = {
      ...before,
      ...input,
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.greeting !== undefined ? { greeting: wordedText(input.greeting) } : {}),
      ...(input.questions !== undefined ? { questions: normaliseQuestions(input.questions) } : {}),
      ...(input.allowedOrigins !== undefined
        ? { allowedOrigins: normaliseOrigins(input.allowedOrigins) }
        : {}),
      version: before.version + 1,
      updatedAt: now,
    };
    await checkWidget(trx, caller, changed, changed.ownerId !== before.ownerId);
    await saveWidget(trx, changed);
    await recordUpdate(trx, caller, 'chat_widget', id, {
      before,
      after: changed,
      keys: Object.keys(input),
      at: now,
    });
    return changed;
  });
  return widgetDto(after, appOrigin);
}

export async function listWidgets(
  deps: Deps,
  caller: ActorContext,
  appOrigin: string,
): Promise<ChatWidgetDto[]> {
  assertMarketing(caller, 'read', 'chat widgets');
  return (await listWidgetRows(deps.db)).map((w) => widgetDto(w, appOrigin));
}

export async function getWidget(
  deps: Deps,
  caller: ActorContext,
  id: string,
  appOrigin: string,
): Promise<ChatWidgetDto> {
  assertMarketing(caller, 'read', 'chat widgets');
  const widget = await findWidget(deps.db, id);
  if (!widget) throw new AppError('not_found', 'No such chat widget');
  return widgetDto(widget, appOrigin);
}

/** An active widget, or 404 (an archived or unknown one looks missing from outside). */
export async function activeWidget(db: Db, id: string): Promise<ChatWidget> {
  const widget = await findWidget(db, id);
  if (widget?.status !== 'active') throw new AppError('not_found', 'No such chat');
  return widget;
}

/** What the embed script needs to show the launcher: the greeting in both languages. */
export async function publicWidget(deps: Deps, id: string) {
  const widget = await activeWidget(deps.db, id);
  return { id: widget.id, greeting: greetingOf(widget), texts: {} };
}

/** What the bot says in this widget's own wording (its greeting and questions; the rest is the bot's). */
export function scriptOf(widget: ChatWidget): BotScript {
  return { greeting: widget.greeting, ...widget.questions };
}

/** The widget's greeting, each language falling back to the bot's own. */
export function greetingOf(widget: ChatWidget): LocalText {
  return {
    lt: widget.greeting?.lt || BOT_TEXTS.greeting.lt,
    en: widget.greeting?.en || BOT_TEXTS.greeting.en,
  };
}
