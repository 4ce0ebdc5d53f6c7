import { id, request } from './client';

/**
 * The signed-in user's notifications. Declared here: the server keeps this schema inside its
 * routes file rather than a `notifications.schemas.ts` the web could import types from.
 */
export interface NotificationDto {
  id: string;
  /** e.g. `lead_revisit_due`, whose `data` carries `title`, `revisitOn` and `competitor`. */
  kind: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationList {
  items: NotificationDto[];
  unread: number;
}

export const notificationsApi = {
  list: () => request<NotificationList>('GET', '/notifications'),
  markRead: (notificationId: string) => request<void>('POST', `/notifications/${id(notificationId)}/read`),
};
