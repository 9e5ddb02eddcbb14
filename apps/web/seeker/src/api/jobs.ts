import { graphql } from '../gql';

/** What a job card shows: the list, the recommendations and anything else that lists jobs ask for it. */
export const JobCardFields = graphql(`
  fragment JobCardFields on Job {
    id
    title
    kind
    wageMin
    wageMax
    wageUnit
    address
    benefits {
      board
      lodging
      transport
      socialInsurance
    }
    employer {
      name
      status
    }
  }
`);

export const SearchJobs = graphql(`
  query SearchJobs($query: String, $filter: JobSearchFilterInput, $near: GeoPointInput, $sort: JobSearchSort, $first: Int, $after: String) {
    searchJobs(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after) {
      totalCount
      approximate
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        distanceKm
        node {
          ...JobCardFields
        }
      }
    }
  }
`);

export const JobDetail = graphql(`
  query JobDetail($id: ID!) {
    job(id: $id) {
      id
      title
      kind
      status
      occupation
      description
      requirements
      workingHours
      contractTerm
      headcount
      wageMin
      wageMax
      wageUnit
      address
      latitude
      longitude
      validTo
      voiceNote {
        url
        durationSeconds
        mimeType
      }
      benefits {
        board
        lodging
        transport
        socialInsurance
      }
      employer {
        name
        status
      }
      region {
        name
        fullName
      }
      shifts {
        id
        date
        startTime
        endTime
        slots
        slotsLeft
        dayPay
        pieceRate
        meetingPoint
        instantHiring
        status
      }
    }
  }
`);

export const SaveJobSearch = graphql(`
  mutation SaveJobSearch($input: SaveJobSearchInput!) {
    saveJobSearch(input: $input) {
      id
      name
    }
  }
`);

export const MySavedSearches = graphql(`
  query MySavedSearches {
    mySavedSearches {
      id
      name
      query
      createdAt
      filter {
        kinds
        minMonthlyWage
      }
    }
  }
`);

export const DeleteSavedSearch = graphql(`
  mutation DeleteSavedSearch($input: DeleteSavedSearchInput!) {
    deleteSavedSearch(input: $input)
  }
`);
