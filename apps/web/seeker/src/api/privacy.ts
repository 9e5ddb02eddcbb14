import { graphql } from '../gql';

/** Everything the platform holds about the person, who read their full ID number or phone, and the deletion answer. */
export const MyPersonalData = graphql(`
  query MyPersonalData {
    myPersonalData {
      generatedAt
      notificationCount
      account {
        id
        name
        phone
        createdAt
      }
      profile {
        id
        name
        idNumber
        phone
        birthDate
        sex
        region {
          fullName
        }
        laborCapacity
        education
        supportGroups {
          code
          name
        }
        wantedOccupations
        wantedWage
        wantedWageUnit
        mustStayNearHome
        consentToRecommend
        skills
        trainingWanted
        availableFrom
        updatedAt
      }
      applications {
        id
        jobTitle
        employerName
        status
        appliedAt
      }
      contracts {
        id
        jobTitle
        employerName
        status
        startDate
        endDate
      }
      reads {
        at
        field
        purpose
        channel
        readerRole
      }
      deletionRequest {
        id
        outcome
        answer
        requestedAt
        answeredAt
        retained
        retainedUntil
      }
    }
  }
`);

export const RequestDataDeletion = graphql(`
  mutation RequestDataDeletion($input: RequestDataDeletionInput!) {
    requestDataDeletion(input: $input) {
      id
      outcome
      answer
      requestedAt
      answeredAt
      retained
      retainedUntil
    }
  }
`);
