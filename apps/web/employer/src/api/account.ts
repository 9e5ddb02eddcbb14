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

export const Me = graphql(`
  query Me {
    me {
      id
      secondFactorEnabled
    }
  }
`);

export const StartSecondFactor = graphql(`
  mutation StartSecondFactor {
    startSecondFactorEnrolment {
      secret
      qrSvg
    }
  }
`);

export const ConfirmSecondFactor = graphql(`
  mutation ConfirmSecondFactor($input: ConfirmSecondFactorInput!) {
    confirmSecondFactorEnrolment(input: $input) {
      id
      secondFactorEnabled
    }
  }
`);
