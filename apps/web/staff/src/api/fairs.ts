import { graphql } from '../gql';

export const FairTitle = graphql(`
  query FairTitle($id: ID!) {
    jobFair(id: $id) {
      id
      name
      venue
      startsAt
      endsAt
    }
  }
`);

export const ScanAtFair = graphql(`
  query ScanAtFair($token: String!, $fairId: ID!) {
    scan(token: $token, atFairId: $fairId) {
      __typename
      ... on SeekerScan {
        displayName
        attendanceRecorded
        wantedOccupations
        skills
      }
    }
  }
`);
