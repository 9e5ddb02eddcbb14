import { MARK_NOTIFICATION_READ } from '@shared/documents/notifications';

import { graphql } from '../gql';

export const MyNotifications = graphql(`
  query MyNotifications($after: String) {
    myNotifications(first: 30, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          body
          channel
          deliveredAt
          readAt
        }
      }
    }
  }
`);

export const MarkNotificationRead = graphql(MARK_NOTIFICATION_READ);
