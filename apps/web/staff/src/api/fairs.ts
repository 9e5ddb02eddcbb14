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

export const Fairs = graphql(`
  query Fairs($regionCode: String, $upcoming: Boolean, $countyCode: String!) {
    jobFairs(first: 100, regionCode: $regionCode, upcoming: $upcoming) {
      totalCount
      edges {
        node {
          id
          name
          kind
          venue
          organiser
          startsAt
          endsAt
          latitude
          longitude
          region {
            code
            fullName
          }
          caravan {
            id
            name
          }
          totals {
            employers
            posts
          }
        }
      }
    }
    jobCaravans(countyCode: $countyCode) {
      id
      name
      organiser
    }
  }
`);

export const FairDetail = graphql(`
  query FairDetail($id: ID!) {
    jobFair(id: $id) {
      id
      name
      kind
      venue
      organiser
      startsAt
      endsAt
      region {
        code
        fullName
      }
      caravan {
        id
        name
      }
      totals {
        employers
        posts
        jobs
      }
      booths {
        id
        boothNumber
        declaredPosts
        posts
        employer {
          id
          name
          contactName
        }
      }
    }
  }
`);

export const CreateJobFair = graphql(`
  mutation CreateJobFair($input: CreateJobFairInput!) {
    createJobFair(input: $input) {
      id
      name
    }
  }
`);

export const UpdateJobFair = graphql(`
  mutation UpdateJobFair($input: UpdateJobFairInput!) {
    updateJobFair(input: $input) {
      id
      name
    }
  }
`);

export const CreateJobCaravan = graphql(`
  mutation CreateJobCaravan($input: CreateJobCaravanInput!) {
    createJobCaravan(input: $input) {
      id
      name
    }
  }
`);

export const BookFairBooth = graphql(`
  mutation BookFairBooth($input: BookFairBoothInput!) {
    bookFairBooth(input: $input) {
      id
      boothNumber
    }
  }
`);

export const VerifiedEmployers = graphql(`
  query VerifiedEmployers($regionCode: String) {
    employers(status: VERIFIED, regionCode: $regionCode, first: 100) {
      edges {
        node {
          id
          name
          region {
            fullName
          }
        }
      }
    }
  }
`);
