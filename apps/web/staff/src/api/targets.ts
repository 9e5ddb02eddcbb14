import { graphql } from '../gql';

export const TargetProgress = graphql(`
  query TargetProgress($year: Int!, $regionCode: String) {
    targetProgress(year: $year, regionCode: $regionCode) {
      metric
      label
      definition
      target
      count
      completionPercent
      regionCode
      year
    }
  }
`);

export const SetTarget = graphql(`
  mutation SetTarget($input: SetTargetInput!) {
    setTarget(input: $input) {
      metric
      target
      count
      completionPercent
    }
  }
`);

export const SubsidyEligibility = graphql(`
  query SubsidyEligibility($kind: SubsidyKind!, $year: Int!, $regionCode: String) {
    subsidyEligibility(kind: $kind, year: $year, regionCode: $regionCode) {
      subjectId
      subjectKind
      subjectName
      eligible
      amount
      explanation
    }
  }
`);
