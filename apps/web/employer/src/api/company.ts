import { graphql } from '../gql';

/** The account's company as the console keeps it (store/employer.ts): loaded once, and replaced by what an edit returns. */
export const CompanyFields = graphql(`
  fragment CompanyFields on Employer {
    id
    name
    creditCode
    legalRepresentative
    status
    rejectionReason
    reviewedAt
    createdAt
    contactName
    contactPhone
    address
    region {
      code
      fullName
    }
  }
`);

export const MyEmployers = graphql(`
  query MyEmployers {
    myEmployers {
      ...CompanyFields
    }
  }
`);

export const RegisterEmployer = graphql(`
  mutation RegisterEmployer($input: RegisterEmployerInput!) {
    registerEmployer(input: $input) {
      id
      name
      status
    }
  }
`);

export const LinkEmployerAccount = graphql(`
  mutation LinkEmployerAccount($input: LinkEmployerAccountInput!) {
    linkEmployerAccount(input: $input) {
      id
    }
  }
`);

export const Regions = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
      latitude
      longitude
    }
  }
`);

export const RegionPoint = graphql(`
  query RegionPoint($code: String!) {
    region(code: $code) {
      code
      fullName
      latitude
      longitude
    }
  }
`);

export const GigReputation = graphql(`
  query GigReputation($employerId: ID!) {
    employerGigReputation(employerId: $employerId) {
      averageScore
      completedGigs
      noShowRate
      ratingCount
    }
  }
`);

export const UpdateEmployer = graphql(`
  mutation UpdateEmployer($input: UpdateEmployerInput!) {
    updateEmployer(input: $input) {
      ...CompanyFields
    }
  }
`);

export const EmployerAccounts = graphql(`
  query EmployerAccounts($employerId: ID!) {
    employerAccounts(employerId: $employerId) {
      accountId
      name
      phone
      isAdmin
      secondFactorEnabled
      disabled
      addedAt
    }
  }
`);
