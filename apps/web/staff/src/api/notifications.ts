import { CONSOLE_MARK_ALL_READ, CONSOLE_NOTIFICATIONS } from '@shared/console/documents/notifications';
import { MARK_NOTIFICATION_READ } from '@shared/documents/notifications';

import { graphql } from '../gql';

export const MyNotifications = graphql(CONSOLE_NOTIFICATIONS);

export const MarkNotificationRead = graphql(MARK_NOTIFICATION_READ);

export const MarkAllNotificationsRead = graphql(CONSOLE_MARK_ALL_READ);
