import { graphql } from '../gql';

export const FlaggedJobs = graphql(`
  query FlaggedJobs {
    jobs(flagged: true, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          flags
          requirements
          createdAt
          employer {
            name
          }
          region {
            fullName
          }
        }
      }
    }
  }
`);

export const CloseJob = graphql(`
  mutation CloseJob($jobId: ID!) {
    closeJob(input: { jobId: $jobId }) {
      id
      status
    }
  }
`);

export const CountySettings = graphql(`
  query CountySettings($countyCode: String!) {
    countySettings(countyCode: $countyCode) {
      key
      description
      valueJson
      defaultJson
      isDefault
      updatedAt
    }
  }
`);

export const SetCountySetting = graphql(`
  mutation SetCountySetting($input: SetCountySettingInput!) {
    setCountySetting(input: $input) {
      key
      valueJson
      isDefault
      updatedAt
    }
  }
`);

export const CreateStaffAccount = graphql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      id
      name
      phone
      role
      region {
        fullName
      }
    }
  }
`);

export const ResetSecondFactor = graphql(`
  mutation ResetSecondFactor($accountId: ID!) {
    resetSecondFactor(input: { accountId: $accountId }) {
      id
      name
      secondFactorEnabled
    }
  }
`);

export const StartSecondFactorEnrolment = graphql(`
  mutation StartSecondFactorEnrolment {
    startSecondFactorEnrolment {
      qrSvg
      secret
    }
  }
`);

export const ConfirmSecondFactorEnrolment = graphql(`
  mutation ConfirmSecondFactorEnrolment($input: ConfirmSecondFactorInput!) {
    confirmSecondFactorEnrolment(input: $input) {
      id
      secondFactorEnabled
    }
  }
`);

export const OutboxStatus = graphql(`
  query OutboxStatus {
    outboxStatus {
      pending
      dead
      oldestPendingSeconds
      deadDeliveries {
        id
        eventType
        handler
        attempts
        lastError
        createdAt
      }
    }
  }
`);

export const RetryDeadDeliveries = graphql(`
  mutation RetryDeadDeliveries($deliveryId: String) {
    retryDeadOutboxDeliveries(input: { deliveryId: $deliveryId }) {
      retried
    }
  }
`);
