import { graphql } from '../gql';

/** The registered person's own record id (null before 求职登记), for the recommendations below. */
export const MySeekerId = graphql(`
  query MySeekerId {
    myJobSeekerProfile {
      id
    }
  }
`);

export const RecommendedJobs = graphql(`
  query RecommendedJobs($seekerId: ID!, $first: Int) {
    recommendedJobs(seekerId: $seekerId, first: $first) {
      score
      reasons {
        code
        text
      }
      job {
        ...JobCardFields
      }
    }
  }
`);
