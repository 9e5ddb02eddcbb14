import { graphql } from '../gql';

export const MyNotifications = graphql(`
  query MyNotifications($first: Int) {
    myNotifications(first: $first, channel: IN_APP) {
      totalCount
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
