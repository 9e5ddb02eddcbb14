import { graphql } from '../gql';

export const Dashboard = graphql(`
  query Dashboard($region: String, $period: PeriodInput!) {
    destination: placementStats(region: $region, period: $period, groupBy: DESTINATION) {
      ...PlacementStatsParts
    }
    month: placementStats(region: $region, period: $period, groupBy: MONTH) {
      ...PlacementStatsParts
    }
    supportGroup: placementStats(region: $region, period: $period, groupBy: SUPPORT_GROUP) {
      ...PlacementStatsParts
    }
    township: placementStats(region: $region, period: $period, groupBy: TOWNSHIP) {
      ...PlacementStatsParts
    }
    scanFunnel(region: $region, period: $period, groupBy: TARGET_KIND) {
      definition
      regionName
      period {
        from
        to
      }
      changes {
        label
        figure
        current
        previous
        changePercent
      }
      total {
        scans
        scanners
        applications
        applicants
        contractsSent
        contractsActive
        peopleContracted
      }
      previousTotal {
        scans
        scanners
        applications
        applicants
        contractsSent
        contractsActive
        peopleContracted
      }
    }
    fairStats(region: $region, period: $period) {
      definition
      changes {
        label
        figure
        current
        changePercent
      }
      fairs {
        fairId
        name
        date
        venue
        employers
        posts
        attendance
        hires
      }
    }
    workshopStats(region: $region, period: $period) {
      definition
      changes {
        label
        figure
        current
        changePercent
      }
      total {
        workshops
        newlyCertified
        peopleEmployed
        liftedOut
        liftedOutPercent
      }
      workshops {
        workshopId
        name
        peopleEmployed
        liftedOut
        status
      }
    }
  }

  fragment PlacementStatsParts on PlacementStats {
    definition
    regionName
    period {
      from
      to
    }
    previousPeriod {
      from
      to
    }
    total {
      people
      placements
      previousPeople
      changePercent
    }
    groups {
      key
      label
      people
      previousPeople
      changePercent
    }
  }
`);
