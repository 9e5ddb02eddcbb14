import { graphql } from '../gql';

export const Bookings = graphql(`
  query Bookings($on: String, $after: String, $status: GigBookingStatus, $shiftId: ID) {
    gigBookings(first: 100, on: $on, after: $after, status: $status, shiftId: $shiftId) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          seekerName
          seekerId
          shiftDate
          startsAt
          endsAt
          checkedInAt
          confirmedAt
          completedAt
          hoursWorked
          piecesDone
          pay
          employerPaidAmount
          seekerPaidAmount
          paymentDisputed
          ratings {
            score
            byParty
          }
          shift {
            id
            startTime
            endTime
            dayPay
            pieceRate
            meetingPoint
          }
          stationId
          job {
            id
            title
            source {
              ... on GigStation {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const ConfirmBooking = graphql(`
  mutation ConfirmBooking($input: GigBookingActionInput!) {
    confirmGigBooking(input: $input) {
      id
      status
    }
  }
`);

export const CompleteBooking = graphql(`
  mutation CompleteBooking($input: CompleteGigBookingInput!) {
    completeGigBooking(input: $input) {
      id
      status
      pay
    }
  }
`);

export const ConfirmPayment = graphql(`
  mutation ConfirmPayment($input: ConfirmGigPaymentInput!) {
    confirmGigPayment(input: $input) {
      id
      status
      employerPaidAmount
    }
  }
`);

export const MarkNoShow = graphql(`
  mutation MarkNoShow($input: GigBookingActionInput!) {
    markGigNoShow(input: $input) {
      id
      status
    }
  }
`);

export const RateBooking = graphql(`
  mutation RateBooking($input: RateGigBookingInput!) {
    rateGigBooking(input: $input) {
      score
    }
  }
`);

export const CancelBooking = graphql(`
  mutation CancelBooking($input: CancelGigBookingInput!) {
    cancelGigBooking(input: $input) {
      id
      status
    }
  }
`);

export const SeekerReliability = graphql(`
  query SeekerReliability($seekerId: ID!) {
    seekerGigReliability(seekerId: $seekerId) {
      completedGigs
      noShows
      reliability
      averageScore
    }
  }
`);

export const CheckInSeeker = graphql(`
  mutation CheckInSeeker($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      seekerName
      checkedInAt
    }
  }
`);
