import { graphql } from '../gql';

export const UpcomingFairs = graphql(`
  query UpcomingFairs {
    jobFairs(upcoming: true, first: 30) {
      edges {
        node {
          id
          name
          kind
          venue
          organiser
          startsAt
          endsAt
          region {
            fullName
          }
          caravan {
            name
          }
          totals {
            employers
            jobs
            posts
          }
          booths {
            id
            boothNumber
            declaredPosts
            posts
            employer {
              id
            }
          }
        }
      }
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

export const FairJobs = graphql(`
  query FairJobs($fairId: ID!, $employerId: ID!) {
    jobs(fairId: $fairId, employerId: $employerId, first: 50) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
  }
`);
