import { graphql } from '../gql';

export const CreateDownloadLink = graphql(`
  mutation CreateDownloadLink($input: CreateDownloadLinkInput!) {
    createDownloadLink(input: $input) {
      url
      expiresAt
    }
  }
`);
