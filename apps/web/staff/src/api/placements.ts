import { graphql } from '../gql';

export const SeekerOptions = graphql(`
  query SeekerOptions($name: String) {
    jobSeekers(first: 20, filter: { name: $name }) {
      edges {
        node {
          id
          name
          birthDate
          region {
            fullName
          }
        }
      }
    }
  }
`);

export const Regions = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      fullName
    }
  }
`);

export const PlacementList = graphql(`
  query PlacementList($after: String, $currentOnly: Boolean, $regionCode: String) {
    placements(first: 50, after: $after, currentOnly: $currentOnly, regionCode: $regionCode) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          jobSeekerId
          jobSeekerName
          homeRegion {
            fullName
          }
          workplaceRegion {
            name
          }
          workplaceName
          destination
          source
          startDate
          endDate
          current
          monthlyIncome
        }
      }
    }
  }
`);

export const RecordPlacement = graphql(`
  mutation RecordPlacement($input: RecordPlacementInput!) {
    recordPlacement(input: $input) {
      id
      destination
      startDate
    }
  }
`);

export const EndPlacement = graphql(`
  mutation EndPlacement($placementId: ID!, $endDate: String!) {
    endPlacement(input: { placementId: $placementId, endDate: $endDate }) {
      id
      endDate
      current
    }
  }
`);

export const FollowUpsDue = graphql(`
  query FollowUpsDue($overdueOnly: Boolean, $withinDays: Int) {
    followUpsDue(first: 100, overdueOnly: $overdueOnly, withinDays: $withinDays) {
      totalCount
      edges {
        node {
          jobSeekerId
          name
          regionCode
          placementId
          placementStartDate
          dueOn
          overdue
          daysOverdue
          lastFollowUpOn
        }
      }
    }
  }
`);

export const RecordFollowUp = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
      visitedOn
      way
    }
  }
`);

export const MonitoredWithoutWork = graphql(`
  query MonitoredWithoutWork($after: String) {
    monitoredWithoutWork(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          jobSeekerId
          name
          villageName
          laborCapacity
          supportGroups
          lastFollowUpOn
          daysSinceLastFollowUp
        }
      }
    }
  }
`);

export const RecommendedJobs = graphql(`
  query RecommendedJobs($seekerId: ID!) {
    recommendedJobs(seekerId: $seekerId, first: 3) {
      score
      reasons {
        text
      }
      job {
        id
        title
        wageMin
        wageMax
        wageUnit
        employer {
          name
        }
      }
    }
  }
`);
