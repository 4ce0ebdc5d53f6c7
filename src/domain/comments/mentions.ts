/**
 * @mentions in comments (issue #6 §6). The editor writes a mention as `@[Display name](user id)`;
 * the stored text keeps that markup, so a renamed colleague's mention still points at them, and
 * the server notifies exactly the ids it finds — never someone matched by a name.
 */

const MENTION = /@\[([^\]\n]{1,200})\]\(([0-9a-f-]{36})\)/gi;

/** The distinct user ids mentioned in a comment, in order of first mention. */
export function mentionedUserIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const id = (m[2] as string).toLowerCase();
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The comment as plain text (a notification, an e-mail): each mention as `@Display name`. */
export function plainText(text: string): string {
  return text.replace(MENTION, (_, name: string) => `@${name}`);
}
