import { graphql } from '../gql';

export const JobApplications = graphql(`
  query JobApplications($jobId: ID!) {
    job(id: $jobId) {
      id
      title
      status
      kind
    }
    jobApplications(jobId: $jobId) {
      id
      applicantName
      jobSeekerId
      status
      message
      appliedByStaff
      rejectionReason
      createdAt
      history {
        at
        from
        to
        reason
      }
    }
  }
`);

export const MoveApplication = graphql(`
  mutation MoveApplication($input: MoveApplicationInput!) {
    moveApplication(input: $input) {
      id
      status
    }
  }
`);

export const RecommendedSeekers = graphql(`
  query RecommendedSeekers($jobId: ID!) {
    recommendedSeekers(jobId: $jobId, first: 10) {
      seekerId
      name
      regionName
      score
      reasons {
        code
        text
        points
      }
    }
  }
`);

export const ApplicantPhone = graphql(`
  query ApplicantPhone($id: ID!, $full: Boolean!, $purpose: String) {
    jobSeeker(id: $id) {
      id
      phone(full: $full, purpose: $purpose)
      fullAccess
    }
  }
`);

export const ApplicantStatuses = graphql(`
  query ApplicantStatuses($jobId: ID!) {
    jobApplications(jobId: $jobId) {
      id
      status
    }
  }
`);
