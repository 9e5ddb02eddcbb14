import { graphql } from '../gql';

export const MyNotifications = graphql(`
  query MyNotifications($first: Int, $after: String, $unread: Boolean) {
    myNotifications(first: $first, after: $after, unread: $unread, channel: IN_APP) {
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
          deliveredAt
          readAt
          templateKey
        }
      }
    }
  }
`);

export const MarkNotificationRead = graphql(`
  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {
    markNotificationRead(input: $input) {
      id
      readAt
    }
  }
`);

export const UnreadCount = graphql(`
  query UnreadCount {
    myNotifications(first: 1, unread: true, channel: IN_APP) {
      totalCount
    }
  }
`);
