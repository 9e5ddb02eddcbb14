import { graphql } from '../gql';

export const BookShift = graphql(`
  mutation BookShift($input: BookShiftInput!) {
    bookShift(input: $input) {
      id
      status
    }
  }
`);

export const MyBookings = graphql(`
  query MyBookings {
    gigBookings(first: 50) {
      edges {
        node {
          id
          status
          shiftDate
          startsAt
          endsAt
          checkedInAt
          pay
          seekerPaidAmount
          employerPaidAmount
          paymentDisputed
          job {
            id
            title
            employer {
              name
            }
          }
          shift {
            startTime
            endTime
            meetingPoint
            dayPay
          }
          ratings {
            byParty
            score
            comment
          }
        }
      }
    }
  }
`);

export const CheckIn = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      checkedInAt
      job {
        title
      }
      shift {
        startTime
        endTime
        meetingPoint
      }
    }
  }
`);

export const ConfirmGigPayment = graphql(`
  mutation ConfirmGigPayment($input: ConfirmGigPaymentInput!) {
    confirmGigPayment(input: $input) {
      id
      status
      seekerPaidAmount
      paymentDisputed
    }
  }
`);

export const RateGigBooking = graphql(`
  mutation RateGigBooking($input: RateGigBookingInput!) {
    rateGigBooking(input: $input) {
      score
      comment
    }
  }
`);

export const CancelGigBooking = graphql(`
  mutation CancelGigBooking($input: CancelGigBookingInput!) {
    cancelGigBooking(input: $input) {
      id
      status
    }
  }
`);
