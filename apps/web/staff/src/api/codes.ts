import { graphql } from '../gql';

export const ServiceCodes = graphql(`
  query ServiceCodes($targetId: ID!, $targetKind: ServiceCodeTargetKind!) {
    serviceCodes(targetId: $targetId, targetKind: $targetKind) {
      id
      token
      label
      status
      issuedAt
      expiresAt
      svgUrl
      pngUrl
      posterUrl
      url
      targetTitle
      targetKind
      targetId
    }
  }
`);

export const IssueServiceCode = graphql(`
  mutation IssueServiceCode($input: IssueServiceCodeInput!) {
    issueServiceCode(input: $input) {
      id
      token
      status
      svgUrl
      url
      targetTitle
    }
  }
`);

export const RotateServiceCode = graphql(`
  mutation RotateServiceCode($token: String!) {
    rotateServiceCode(input: { token: $token }) {
      id
      token
      status
    }
  }
`);

export const RevokeServiceCode = graphql(`
  mutation RevokeServiceCode($token: String!) {
    revokeServiceCode(input: { token: $token }) {
      id
      token
      status
    }
  }
`);

export const ScanCounts = graphql(`
  query ScanCounts($input: ScanCountsInput!) {
    scanCounts(input: $input) {
      day
      token
      label
      scans
      signedInScans
      targetId
      targetKind
    }
  }
`);

export const CodeTargets = graphql(`
  query CodeTargets($regionCode: String) {
    gigStations(first: 100, regionCode: $regionCode) {
      edges {
        node {
          id
          name
          level
          address
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
          region {
            code
            fullName
          }
        }
      }
    }
    jobFairs(first: 100, regionCode: $regionCode) {
      edges {
        node {
          id
          name
          venue
          startsAt
          region {
            code
            fullName
          }
        }
      }
    }
  }
`);
