import type { RagRating } from '@mash/contracts';
import { isRaise } from '../timescales/deadlines';

/**
 * Northamptonshire stage 2: a partner who finds information that significantly heightens the concerns
 * escalates it, and the manager should "raise the existing RAG rating to request that all multi-agency
 * partners expedite their enquiries". An escalation raises the rating to what the agency asks for and
 * never lowers it: asking for Amber on a Red contact leaves it Red (the escalation is still recorded).
 */
export function ratingAfterEscalation(
  current: RagRating,
  requested: RagRating,
): { rating: RagRating; raised: boolean } {
  return isRaise(current, requested)
    ? { rating: requested, raised: true }
    : { rating: current, raised: false };
}
