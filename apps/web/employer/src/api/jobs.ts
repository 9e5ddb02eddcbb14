import { graphql } from '../gql';

export const EmployerJobs = graphql(`
  query EmployerJobs($employerId: ID!, $status: JobStatus, $first: Int, $after: String) {
    jobs(employerId: $employerId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          status
          wageMin
          wageMax
          wageUnit
          headcount
          validTo
          publishedAt
          updatedAt
          region {
            fullName
          }
        }
      }
    }
  }
`);

export const JobDetail = graphql(`
  query JobDetail($id: ID!) {
    job(id: $id) {
      id
      title
      kind
      status
      occupation
      occupationCode
      description
      requirements
      contractTerm
      wageMin
      wageMax
      wageUnit
      headcount
      address
      latitude
      longitude
      workingHours
      validFrom
      validTo
      publishedAt
      benefits {
        board
        lodging
        transport
        socialInsurance
      }
      region {
        code
        fullName
      }
      source {
        ... on GigStation {
          id
          name
        }
        ... on Workshop {
          id
          name
        }
        ... on JobFair {
          id
          name
        }
      }
      shifts {
        id
        date
        startTime
        endTime
        slots
        slotsLeft
        bookedCount
        dayPay
        pieceRate
        meetingPoint
        meetingStationId
        instantHiring
        status
        cancelReason
      }
      voiceNote {
        url
        durationSeconds
        mimeType
      }
    }
  }
`);

export const PostJob = graphql(`
  mutation PostJob($input: PostJobInput!) {
    postJob(input: $input) {
      id
      status
      title
    }
  }
`);

export const UpdateJob = graphql(`
  mutation UpdateJob($input: UpdateJobInput!) {
    updateJob(input: $input) {
      id
      status
      title
    }
  }
`);

export const PublishJob = graphql(`
  mutation PublishJob($input: JobTransitionInput!) {
    publishJob(input: $input) {
      id
      status
    }
  }
`);

export const PauseJob = graphql(`
  mutation PauseJob($input: JobTransitionInput!) {
    pauseJob(input: $input) {
      id
      status
    }
  }
`);

export const ResumeJob = graphql(`
  mutation ResumeJob($input: JobTransitionInput!) {
    resumeJob(input: $input) {
      id
      status
    }
  }
`);

export const MarkJobFilled = graphql(`
  mutation MarkJobFilled($input: JobTransitionInput!) {
    markJobFilled(input: $input) {
      id
      status
    }
  }
`);

export const CloseJob = graphql(`
  mutation CloseJob($input: JobTransitionInput!) {
    closeJob(input: $input) {
      id
      status
    }
  }
`);

export const JobSources = graphql(`
  query JobSources($regionCode: String!, $employerId: ID!) {
    gigStations(regionCode: $regionCode, first: 100) {
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
    workshops(employerId: $employerId, first: 100) {
      edges {
        node {
          id
          name
          status
        }
      }
    }
    jobFairs(upcoming: true, first: 100) {
      edges {
        node {
          id
          name
          startsAt
          booths {
            employer {
              id
            }
          }
        }
      }
    }
  }
`);

export const AddJobShift = graphql(`
  mutation AddJobShift($input: AddJobShiftInput!) {
    addJobShift(input: $input) {
      id
    }
  }
`);

export const ChangeJobShift = graphql(`
  mutation ChangeJobShift($input: ChangeJobShiftInput!) {
    changeJobShift(input: $input) {
      id
    }
  }
`);

export const CancelJobShift = graphql(`
  mutation CancelJobShift($input: CancelJobShiftInput!) {
    cancelJobShift(input: $input) {
      id
      status
    }
  }
`);

export const JobServiceCodes = graphql(`
  query JobServiceCodes($jobId: ID!) {
    serviceCodes(targetId: $jobId, targetKind: JOB) {
      id
      token
      status
      url
      svgUrl
      posterUrl
      issuedAt
    }
  }
`);

export const IssueJobCode = graphql(`
  mutation IssueJobCode($input: IssueServiceCodeInput!) {
    issueServiceCode(input: $input) {
      id
      token
      status
      url
      svgUrl
      posterUrl
      issuedAt
    }
  }
`);

export const RotateJobCode = graphql(`
  mutation RotateJobCode($input: ServiceCodeTokenInput!) {
    rotateServiceCode(input: $input) {
      id
      token
      status
    }
  }
`);

export const RevokeJobCode = graphql(`
  mutation RevokeJobCode($input: ServiceCodeTokenInput!) {
    revokeServiceCode(input: $input) {
      id
      token
      status
    }
  }
`);
