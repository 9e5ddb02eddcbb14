import { graphql } from '../gql';

export const StaffAccounts = graphql(`
  query StaffAccounts($after: String) {
    staffAccounts(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          role
          phone
          region {
            fullName
          }
          secondFactorEnabled
          lastSignInAt
          disabled
        }
      }
    }
  }
`);

export const SecurityLog = graphql(`
  query SecurityLog($after: String, $kind: SecurityLogKind) {
    securityLog(first: 50, after: $after, kind: $kind) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          kind
          accountName
          accountRole
          accountRegion {
            fullName
          }
          detail
        }
      }
    }
  }
`);
