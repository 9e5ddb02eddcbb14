import type { TypedDocument } from '../../graphql-client';

/**
 * The consoles' inbox (ConsoleInbox.vue): a page of the account's in-app messages and how many
 * are unread. A plain string, typed by each console's codegen (scripts/build-web.mjs reads this
 * folder for the employer and staff consoles) and wrapped by its `src/api/notifications.ts`.
 * Keep it a template literal without `${}`: its text is the key of the typed document.
 */
export const CONSOLE_NOTIFICATIONS = /* GraphQL */ `
  query MyNotifications($first: Int, $after: String, $unread: Boolean) {
    myNotifications(first: $first, after: $after, unread: $unread, channel: IN_APP) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          body
          deliveredAt
          readAt
        }
      }
    }
    unread: myNotifications(first: 1, unread: true, channel: IN_APP) {
      totalCount
    }
  }
`;

/** 全部标为已读: every unread message of the account, loaded or not, in one request. */
export const CONSOLE_MARK_ALL_READ = /* GraphQL */ `
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      marked
    }
  }
`;

/** What the inbox needs of the typed documents a console passes it (its codegen's types must fit these). */
export interface InboxNote {
  id: string;
  title: string;
  body: string;
  deliveredAt: string;
  readAt?: string | null;
}

export interface InboxDocuments {
  list: TypedDocument<
    {
      myNotifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: InboxNote }[] };
      unread: { totalCount: number };
    },
    { first?: number | null; after?: string | null; unread?: boolean | null }
  >;
  markRead: TypedDocument<{ markNotificationRead: { id: string; readAt?: string | null } }, { input: { id: string } }>;
  markAllRead: TypedDocument<{ markAllNotificationsRead: { marked: number } }, Record<string, never>>;
}
