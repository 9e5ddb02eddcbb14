import { graphql } from '../gql';

export const FindSeekerByIdNumber = graphql(`
  query FindSeekerByIdNumber($idNumber: String!) {
    jobSeekers(first: 1, filter: { idNumber: $idNumber }) {
      edges {
        node {
          id
          name
          createdAt
          region {
            fullName
          }
          declaredSupportGroups {
            code
            name
          }
        }
      }
    }
  }
`);

export const RegisterJobSeeker = graphql(`
  mutation RegisterJobSeeker($input: RegisterJobSeekerInput!) {
    registerJobSeeker(input: $input) {
      id
      name
      birthDate
      sex
      region {
        fullName
      }
    }
  }
`);

export const JobSeekers = graphql(`
  query JobSeekers($first: Int, $after: String, $filter: JobSeekerFilter) {
    jobSeekers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sex
          birthDate
          idNumber
          phone
          laborCapacity
          employmentStatus
          region {
            fullName
            name
          }
          supportGroups {
            code
            name
          }
          declaredSupportGroups {
            code
            name
          }
        }
      }
    }
  }
`);

export const JobSeekerDetail = graphql(`
  query JobSeekerDetail($id: ID!, $full: Boolean!, $purpose: String) {
    jobSeeker(id: $id) {
      id
      name
      sex
      birthDate
      idNumber(full: $full, purpose: $purpose)
      phone(full: $full, purpose: $purpose)
      fullAccess
      channel
      claimed
      consentToRecommend
      createdAt
      updatedAt
      education
      employmentStatus
      laborCapacity
      mustStayNearHome
      regionCode
      region {
        fullName
      }
      skills
      supportGroups {
        code
        name
      }
      declaredSupportGroups {
        code
        name
      }
      trainingWanted
      wantedOccupations
      wantedWage
      wantedWageUnit
      willingOutsideCounty
      willingOutsideProvince
      availableFrom
    }
  }
`);

export const JobSeekerDataReads = graphql(`
  query JobSeekerDataReads($id: ID!) {
    jobSeekerDataReads(jobSeekerId: $id, first: 50) {
      at
      channel
      field
      purpose
      readerRole
    }
  }
`);

export const SeekerPlacements = graphql(`
  query SeekerPlacements($id: ID!) {
    placements(jobSeekerId: $id, first: 20) {
      edges {
        node {
          id
          current
          destination
          startDate
          endDate
          source
          workplaceName
          monthlyIncome
        }
      }
    }
  }
`);

export const ReviewSupportGroups = graphql(`
  mutation ReviewSupportGroups($input: ReviewSupportGroupsInput!) {
    reviewSupportGroups(input: $input) {
      id
      supportGroups {
        code
        name
      }
      declaredSupportGroups {
        code
        name
      }
    }
  }
`);

export const UpdateJobSeeker = graphql(`
  mutation UpdateJobSeeker($input: UpdateJobSeekerInput!) {
    updateJobSeeker(input: $input) {
      id
    }
  }
`);

export const AddSupportGroup = graphql(`
  mutation AddSupportGroup($input: AddSupportGroupInput!) {
    addSupportGroup(input: $input) {
      code
      name
    }
  }
`);
