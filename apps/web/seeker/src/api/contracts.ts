import { graphql } from '../gql';

export const ContractDetail = graphql(`
  query ContractDetail($id: ID!) {
    contract(id: $id) {
      id
      status
      jobId
      employerName
      seekerMaskedName
      contentDigest
      pdfPath
      sealedPdfDigest
      seekerSignedAt
      activatedAt
      createdAt
      terms {
        termKind
        startDate
        endDate
        probationMonths
        wage
        wageUnit
        workingHours
        workplace
        duties
        task
        socialInsurance
      }
    }
  }
`);

export const RequestContractSigningCode = graphql(`
  mutation RequestContractSigningCode($input: ContractIdInput!) {
    requestContractSigningCode(input: $input)
  }
`);

export const SignContract = graphql(`
  mutation SignContract($input: SignContractInput!) {
    signContract(input: $input) {
      id
      status
      seekerSignedAt
    }
  }
`);

export const DeclineContract = graphql(`
  mutation DeclineContract($input: CloseContractInput!) {
    declineContract(input: $input) {
      id
      status
    }
  }
`);

export const MyContracts = graphql(`
  query MyContracts {
    myContracts {
      id
      status
      employerName
      createdAt
      terms {
        wage
        wageUnit
        startDate
      }
    }
  }
`);
