import type { PublicationDate } from "../content/schemas.ts";

/**
 * Who held which role on a date. The analysis resolves « le secrétaire d'État américain » with it
 * and an actor's page names the roles held at each article's date: one answer for both.
 */

/** A role held from one day to another (YYYY-MM-DD, both included); no `to` while it is held. */
export interface Held {
  from: string;
  to?: string;
}

/** A date known only to its month is read as the middle of the month, never an invented day. */
export function roleDay(date: PublicationDate): string {
  return date.precision === "day" ? date.iso : `${date.iso}-15`;
}

export function heldOn(held: Held, day: string): boolean {
  return held.from <= day && (held.to === undefined || day <= held.to);
}

/** The roles in an actor's list that were held on the date. */
export function rolesHeldOn<T extends Held>(roles: readonly T[] | undefined, date: PublicationDate): T[] {
  const day = roleDay(date);
  return (roles ?? []).filter((held) => heldOn(held, day));
}
