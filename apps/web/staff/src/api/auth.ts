import { SIGN_IN, SIGN_OUT } from '@shared/documents/auth';

import { graphql } from '../gql';

export const SignIn = graphql(SIGN_IN);

export const SignOut = graphql(SIGN_OUT);
