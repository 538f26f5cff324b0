import type { Agency, ConcernCategory, ItemClassification, RagRating, SubjectRole } from '@mash/contracts';

/**
 * What makes one agency node differ from another (DESIGN.md: "the three agency nodes differ only in
 * their records and their analysis"). Everything else is the shared engine in this lib.
 */
export interface AgencyNodeDefinition {
  agency: Agency;
  recordKinds: AgencyRecordKinds;
  analyse: AgencyAnalysis;
}

/** The agency's own vocabulary for the facts it records about a person. */
export interface AgencyRecordKinds {
  /** Every fact kind this agency records, e.g. police `incident`, `crime`, `intelligence`. */
  factKinds: readonly string[];
  /** How each kind reads in a shared item ("Crime", "ED attendance"). Defaults to the kind itself. */
  labels?: Readonly<Record<string, string>>;
  /**
   * The person's part in a fact (police: victim, suspect...). When set, every fact must carry one of
   * these; when unset, a fact may carry a short lower-case code or none.
   */
  factRoles?: readonly string[];
  /**
   * Kinds that are soft intelligence and so always `mash-only`, whatever the agency's line says
   * (Northamptonshire 11: sensitive/soft information never leaves the MASH).
   */
  alwaysMashOnly?: readonly string[];
}

/** One fact of a matched record, as an analysis function may see it: kinds, dates and ratings only. */
export interface AnalysedFact {
  subjectId: string;
  subjectRole: SubjectRole;
  recordId: string;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  severity: RagRating;
  classification: ItemClassification;
  role: string | null;
}

export interface AnalysisInput {
  /** Facts of the records matched to the subjects asked about, and nothing else. No summaries. */
  facts: readonly AnalysedFact[];
  /** How many subjects the request asked about, and how many of them matched a record. */
  subjectsAsked: number;
  subjectsMatched: number;
  /** Subjects the node could not search automatically (no date of birth). */
  subjectsNotSearched: number;
  concernCategories: readonly ConcernCategory[];
  today: Date;
}

/**
 * The agency's "so what does this mean for the child" paragraph (Northamptonshire 10). It sees kinds,
 * dates, ratings and counts, never names or free text, so it cannot copy either into the response.
 */
export type AgencyAnalysis = (input: AnalysisInput) => string;

export const AGENCY_NODE = Symbol('AGENCY_NODE');
