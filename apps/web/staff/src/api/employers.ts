import { graphql } from '../gql';

export const Employers = graphql(`
  query Employers($status: EmployerStatus, $first: Int, $after: String) {
    employers(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          creditCode
          contactName
          contactPhone
          address
          createdAt
          reviewedAt
          status
          rejectionReason
          region {
            fullName
          }
        }
      }
    }
  }
`);

export const VerifyEmployer = graphql(`
  mutation VerifyEmployer($employerId: ID!) {
    verifyEmployer(input: { employerId: $employerId }) {
      id
      status
      reviewedAt
    }
  }
`);

export const RejectEmployer = graphql(`
  mutation RejectEmployer($employerId: ID!, $reason: String!) {
    rejectEmployer(input: { employerId: $employerId, reason: $reason }) {
      id
      status
      rejectionReason
    }
  }
`);
