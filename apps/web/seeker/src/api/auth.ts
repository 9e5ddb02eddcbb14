import { graphql } from '../gql';

export const RequestPhoneCode = graphql(`
  mutation RequestPhoneCode($input: RequestPhoneCodeInput!) {
    requestPhoneCode(input: $input) {
      sent
      resendAfterSeconds
    }
  }
`);

export const SignInWithPhoneCode = graphql(`
  mutation SignInWithPhoneCode($input: SignInWithPhoneCodeInput!) {
    signInWithPhoneCode(input: $input) {
      accessToken
      expiresAt
      sessionExpiresAt
      account {
        id
        role
        name
        phone
      }
    }
  }
`);

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      expiresAt
      sessionExpiresAt
      account {
        id
        role
        name
        phone
      }
    }
  }
`);

export const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const RenewToken = graphql(`
  mutation RenewToken {
    renewToken {
      accessToken
      expiresAt
      sessionExpiresAt
      account {
        id
        role
        name
        phone
      }
    }
  }
`);
