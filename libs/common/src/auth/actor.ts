import { Role } from './role';

/** The signed-in caller, as the guard established it for this request. */
export interface Actor {
  accountId: string;
  role: Role;
  /** STAFF: the division code of the region they work in. ADMIN: null (everything). */
  regionCode: string | null;
  sessionId: string;
}

export const isStaffOrAdmin = (actor: Actor | undefined): actor is Actor => actor !== undefined && (actor.role === Role.STAFF || actor.role === Role.ADMIN);
