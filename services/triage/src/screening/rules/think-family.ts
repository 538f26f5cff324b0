import { mostUrgentRag, type ChildScreening, type RagRating, type ScreeningRoute } from '@mash/contracts';

/**
 * Routes from the most to the least urgent. A contact goes where its most urgent child goes: a strategy
 * discussion for one child brings the family to it; MASH checks for one child are checks about the
 * family, even if a sibling's case goes to their allocated worker. An open case outranks a closed one,
 * and anything outranks advice. `lado` is no longer a screening route (the LADO is alerted alongside,
 * Croydon 10) but ranks with MASH checks for messages that still carry it.
 */
export const ROUTES_BY_URGENCY: readonly ScreeningRoute[] = [
  'strategy-discussion',
  'mash-checks',
  'lado',
  'transfer-to-allocated-worker',
  'transfer-to-previous-team',
  'signpost',
  'no-further-action',
];

export function routeUrgency(route: ScreeningRoute): number {
  return ROUTES_BY_URGENCY.indexOf(route);
}

/**
 * "Think family" (Warwickshire 5.2: "the MASH triage process will ensure the appropriate response is
 * made in relation to each member within a family"): every child is screened, and the contact takes the
 * most urgent route and the most urgent rating among them, which set the timescales for all its checks.
 */
export function familyOutcome(children: readonly ChildScreening[]): {
  route: ScreeningRoute;
  rag: RagRating;
} {
  if (!children.length) throw new Error('a contact is about at least one child');
  const route = [...children].sort((a, b) => routeUrgency(a.route) - routeUrgency(b.route))[0].route;
  const rag = mostUrgentRag(children.map((child) => child.rag))!;
  return { route, rag };
}

/** The children in the order their screening matters: most urgent route first, then rating, then position. */
export function byUrgency(children: readonly ChildScreening[]): ChildScreening[] {
  const ragOrder: RagRating[] = ['red', 'amber', 'green'];
  return [...children].sort(
    (a, b) =>
      routeUrgency(a.route) - routeUrgency(b.route) ||
      ragOrder.indexOf(a.rag) - ragOrder.indexOf(b.rag) ||
      a.childIndex - b.childIndex,
  );
}
