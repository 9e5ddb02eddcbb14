import { graphql } from '../gql';

export const MyContracts = graphql(`
  query MyContracts {
    myContracts {
      id
      status
      applicationId
      jobId
      seekerMaskedName
      createdAt
      seekerSignedAt
      activatedAt
      endedOn
      terms {
        wage
        wageUnit
        startDate
      }
    }
  }
`);

export const ContractDetail = graphql(`
  query ContractDetail($id: ID!) {
    contract(id: $id) {
      id
      status
      applicationId
      jobId
      employerName
      seekerMaskedName
      contentDigest
      pdfDigest
      sealedPdfDigest
      pdfPath
      verificationUrl
      createdAt
      seekerSignedAt
      activatedAt
      endedOn
      closingReason
      terms {
        wage
        wageUnit
        startDate
        endDate
        termKind
        task
        workplace
        workplaceRegionCode
        workingHours
        duties
        probationMonths
        socialInsurance
      }
    }
  }
`);

export const OfferApplication = graphql(`
  query OfferApplication($id: ID!) {
    application(id: $id) {
      id
      applicantName
      status
      job {
        id
        title
        wageMin
        wageUnit
        address
        workingHours
        description
        contractTerm
        benefits {
          socialInsurance
        }
        region {
          code
          fullName
        }
      }
    }
  }
`);

export const MinimumWage = graphql(`
  query MinimumWage($regionCode: String!) {
    minimumWage(regionCode: $regionCode) {
      monthly
      hourly
      daily
    }
  }
`);

export const OfferContract = graphql(`
  mutation OfferContract($input: OfferContractInput!) {
    offerContract(input: $input) {
      id
      status
    }
  }
`);

export const CountersignContract = graphql(`
  mutation CountersignContract($input: CountersignContractInput!) {
    countersignContract(input: $input) {
      id
      status
      activatedAt
    }
  }
`);

export const CancelContract = graphql(`
  mutation CancelContract($input: CloseContractInput!) {
    cancelContract(input: $input) {
      id
      status
    }
  }
`);

export const EndContract = graphql(`
  mutation EndContract($input: EndContractInput!) {
    endContract(input: $input) {
      id
      status
      endedOn
    }
  }
`);

export const ContractVerificationCode = graphql(`
  query ContractVerificationCode($contractId: ID!) {
    serviceCodes(targetId: $contractId, targetKind: CONTRACT) {
      token
      status
      url
      svgUrl
    }
  }
`);

export const ContractCheck = graphql(`
  query ContractCheck($contractId: ID!) {
    contractVerification(contractId: $contractId) {
      valid
      contentValid
      chainValid
      sealValid
      sealedBy
      signingCertificateSubject
    }
  }
`);

export const VerifyContractCopy = graphql(`
  query VerifyContractCopy($input: VerifyContractInput!) {
    verifyContract(input: $input) {
      result
      message
      matches
      matched
    }
  }
`);
