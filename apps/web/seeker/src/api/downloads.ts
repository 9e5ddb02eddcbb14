import { graphql } from '../gql';

/** A short-lived link (5 minutes, one file, no token in a header) that a plain tap opens — also in WeChat's browser. */
export const CreateDownloadLink = graphql(`
  mutation CreateDownloadLink($input: CreateDownloadLinkInput!) {
    createDownloadLink(input: $input) {
      url
      expiresAt
    }
  }
`);
