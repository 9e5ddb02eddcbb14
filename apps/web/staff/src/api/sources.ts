import { graphql } from '../gql';

export const Sources = graphql(`
  query Sources($regionCode: String) {
    gigStations(first: 100, regionCode: $regionCode) {
      edges {
        node {
          id
          name
          level
          address
          openingHours
          region {
            code
            fullName
          }
        }
      }
    }
    workshops(first: 100, regionCode: $regionCode) {
      edges {
        node {
          id
          name
          status
          address
          headcount
          certifiedOn
          revokedOn
          revocationReason
          employer {
            name
          }
          region {
            code
            fullName
          }
        }
      }
    }
  }
`);

export const CreateGigStation = graphql(`
  mutation CreateGigStation($input: CreateGigStationInput!) {
    createGigStation(input: $input) {
      id
      name
    }
  }
`);

export const CertifyWorkshop = graphql(`
  mutation CertifyWorkshop($workshopId: ID!, $certifiedOn: String!) {
    certifyWorkshop(input: { workshopId: $workshopId, certifiedOn: $certifiedOn }) {
      id
      status
      certifiedOn
    }
  }
`);

export const RevokeWorkshop = graphql(`
  mutation RevokeWorkshop($workshopId: ID!, $reason: String!, $revokedOn: String) {
    revokeWorkshop(input: { workshopId: $workshopId, reason: $reason, revokedOn: $revokedOn }) {
      id
      status
      revokedOn
    }
  }
`);
