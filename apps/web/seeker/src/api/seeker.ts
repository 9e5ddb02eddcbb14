import { graphql } from '../gql';

export const MyProfile = graphql(`
  query MyProfile {
    myJobSeekerProfile {
      id
      name
      idNumber
      phone
      birthDate
      sex
      regionCode
      region {
        fullName
      }
      laborCapacity
      supportGroups {
        code
        name
      }
      wantedOccupations
      wantedWage
      wantedWageUnit
      mustStayNearHome
      willingOutsideCounty
      willingOutsideProvince
      consentToRecommend
      skills
      education
      trainingWanted
      availableFrom
      createdAt
      updatedAt
    }
  }
`);

export const RegisterJobSeeker = graphql(`
  mutation RegisterJobSeeker($input: RegisterJobSeekerInput!) {
    registerJobSeeker(input: $input) {
      id
      name
    }
  }
`);

export const UpdateJobSeeker = graphql(`
  mutation UpdateJobSeeker($input: UpdateJobSeekerInput!) {
    updateJobSeeker(input: $input) {
      id
      name
      updatedAt
    }
  }
`);

export const Regions = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
    }
  }
`);

export const RegionPath = graphql(`
  query RegionPath($code: String!) {
    region(code: $code) {
      code
      fullName
    }
  }
`);

export const SupportGroups = graphql(`
  query SupportGroups($regionCode: String) {
    supportGroups(regionCode: $regionCode) {
      code
      name
    }
  }
`);

export const ClaimJobSeeker = graphql(`
  mutation ClaimJobSeeker($input: ClaimJobSeekerInput!) {
    claimJobSeeker(input: $input) {
      id
      name
    }
  }
`);
