import type { Bell, Notification } from './state.js';

/**
 * Puts a notification in the bell. When the unread list is full the notification cannot be shown: it is kept aside
 * as hidden and `false` is returned (R16).
 */
export function ring(bell: Bell, notification: Notification): boolean {
  const unread = bell.notifications.filter((n) => !n.read).length;
  if (unread >= bell.capacity) {
    bell.hidden.push(notification);
    return false;
  }
  bell.notifications.push(notification);
  return true;
}
