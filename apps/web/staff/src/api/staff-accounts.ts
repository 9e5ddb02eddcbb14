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
            code
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

export const SetAccountDisabled = graphql(`
  mutation SetAccountDisabled($accountId: ID!, $disabled: Boolean!) {
    setAccountDisabled(input: { accountId: $accountId, disabled: $disabled }) {
      id
      disabled
    }
  }
`);

export const ResetStaffPassword = graphql(`
  mutation ResetStaffPassword($accountId: ID!, $password: String!) {
    resetStaffPassword(input: { accountId: $accountId, password: $password }) {
      id
      mustChangePassword
    }
  }
`);

export const SetStaffRegion = graphql(`
  mutation SetStaffRegion($accountId: ID!, $regionCode: String!) {
    setStaffRegion(input: { accountId: $accountId, regionCode: $regionCode }) {
      id
      region {
        fullName
      }
    }
  }
`);
