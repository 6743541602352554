import type { Bell, Notification } from './state.js';

/** The bell's unread notifications, oldest first: what its counter shows (R16). */
export function unreadOf(bell: Bell): Notification[] {
  return bell.notifications.filter((n) => !n.read);
}

/**
 * Puts a notification in the bell. When the unread list is full the notification cannot be shown: it is kept aside
 * as hidden and `false` is returned (R16).
 */
export function ring(bell: Bell, notification: Notification): boolean {
  if (unreadOf(bell).length >= bell.capacity) {
    bell.hidden.push(notification);
    return false;
  }
  bell.notifications.push(notification);
  return true;
}
