import { REQUEST_PHONE_CODE, SIGN_IN, SIGN_IN_WITH_PHONE_CODE, SIGN_OUT, SIGN_UP } from '@shared/documents/auth';

import { graphql } from '../gql';

export const SignIn = graphql(SIGN_IN);

export const SignOut = graphql(SIGN_OUT);

export const RequestPhoneCode = graphql(REQUEST_PHONE_CODE);

export const SignInWithPhoneCode = graphql(SIGN_IN_WITH_PHONE_CODE);

export const SignUp = graphql(SIGN_UP);
