/**
 * A short-lived link (5 minutes, one file, no token in a header) that a plain tap opens — also
 * in WeChat's browser. Sent by the three surfaces; each wraps it in its `src/api/downloads.ts`
 * (see ./auth.ts).
 */
export const CREATE_DOWNLOAD_LINK = /* GraphQL */ `
  mutation CreateDownloadLink($input: CreateDownloadLinkInput!) {
    createDownloadLink(input: $input) {
      url
      expiresAt
    }
  }
`;
