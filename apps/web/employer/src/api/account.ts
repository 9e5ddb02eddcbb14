import { graphql } from '../gql';

export const RenewToken = graphql(`
  mutation RenewToken {
    renewToken {
      accessToken
      expiresAt
      sessionExpiresAt
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
