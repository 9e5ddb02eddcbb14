/**
 * Marking an in-app message read, the same on the three surfaces (a plain string typed by each
 * surface's codegen and wrapped by its `src/api/notifications.ts`; see ./auth.ts).
 */
export const MARK_NOTIFICATION_READ = /* GraphQL */ `
  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {
    markNotificationRead(input: $input) {
      id
      readAt
    }
  }
`;
