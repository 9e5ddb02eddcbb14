import { graphql } from '../gql';

export const ApplyToJob = graphql(`
  mutation ApplyToJob($input: ApplyToJobInput!) {
    applyToJob(input: $input) {
      id
      status
    }
  }
`);

export const MyApplications = graphql(`
  query MyApplications {
    myApplications {
      id
      status
      createdAt
      message
      rejectionReason
      job {
        id
        title
        employer {
          name
        }
      }
      history {
        at
        from
        to
        reason
      }
    }
    myContracts {
      id
      applicationId
      status
    }
  }
`);

export const WithdrawApplication = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      id
      status
    }
  }
`);
