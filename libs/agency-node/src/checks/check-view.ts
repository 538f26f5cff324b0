import type { CheckDetailResponse } from './dto/check.response';

/**
 * What a caller who is not the agency's own practitioner (a hub operator) sees of a check: all of it
 * but the text of mash-only facts and items, which only the agency and MASH decision makers may read
 * (DESIGN.md, Sensitive information). That such an item exists still shows.
 */
export function withholdMashOnly(detail: CheckDetailResponse): CheckDetailResponse {
  return {
    ...detail,
    candidates: detail.candidates.map((candidate) => ({
      ...candidate,
      record: candidate.record && {
        ...candidate.record,
        facts: candidate.record.facts.map((fact) =>
          fact.classification === 'mash-only' ? { ...fact, summary: null, withheld: true } : fact,
        ),
      },
    })),
    response: detail.response && {
      ...detail.response,
      items: detail.response.items.map((item) =>
        item.classification === 'mash-only' ? { ...item, summary: null, withheld: true } : item,
      ),
    },
  };
}
