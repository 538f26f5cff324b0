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

/**
 * The agency's own record types: every kind of fact it records about a person, each with its own
 * validated fields. The engine stays generic; each agency node declares these in its own service.
 */
export interface AgencyRecordKinds {
  /** Keyed by the kind's code, e.g. police `incident`, `crime`, `intelligence`. */
  kinds: Readonly<Record<string, FactKind>>;
}

/** A fact's own fields (`details` on an import line), as validated by its kind's class. */
export type FactDetails = Readonly<Record<string, unknown>>;

/** One kind of fact an agency records. */
export interface FactKind {
  /** How the kind reads in a shared item ("Crime", "ED attendance"). */
  label: string;
  /**
   * The person's part in this kind of fact (police: victim, suspect...). When set, every fact of the
   * kind must carry one of these; when unset, a fact of the kind carries no role.
   */
  roles?: readonly string[];
  /**
   * The kind's own fields, carried in the fact's `details` object and validated by this
   * class-validator class (unknown fields refused). A kind without one takes no details.
   */
  details?: new () => object;
  /**
   * Detail fields that hold only codes, numbers, booleans or dates (never a name or free text): the
   * agency's analysis may read these, and nothing else of the details.
   */
  analysable?: readonly string[];
  /**
   * Soft intelligence: always `mash-only`, whatever the agency's line says (Northamptonshire 11:
   * sensitive/soft information never leaves the MASH).
   */
  alwaysMashOnly?: boolean;
  /** Details that make one fact of the kind `mash-only` (police `sensitivity: sensitive`). */
  mashOnlyWhen?: (details: FactDetails) => boolean;
  /** A few words from the details for an item's heading ("domestic abuse", "suspension"); codes only. */
  heading?: (details: FactDetails) => string | undefined;
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
  /** Only the kind's `analysable` detail fields: codes, numbers, booleans and dates. */
  details: Readonly<Record<string, string | number | boolean>>;
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
