import { REQUEST_PHONE_CODE, SIGN_IN_WITH_PHONE_CODE, SIGN_OUT, SIGN_UP } from '@shared/documents/auth';

import { graphql } from '../gql';

export const RequestPhoneCode = graphql(REQUEST_PHONE_CODE);

export const SignInWithPhoneCode = graphql(SIGN_IN_WITH_PHONE_CODE);

export const SignUp = graphql(SIGN_UP);

export const SignOut = graphql(SIGN_OUT);

// SignedIn is the fragment in @shared/documents/auth, which codegen reads beside this file.
export const RenewToken = graphql(`
  mutation RenewToken {
    renewToken {
      ...SignedIn
    }
  }
`);
