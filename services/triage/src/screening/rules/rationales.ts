/**
 * Every sentence a screening can give as its rationale. They leave the service (contact.screened, the
 * MASH record, letters drafted from it), so they are fixed sentences: no names, dates or free text
 * from the contact, only the rule that fired and the protocol paragraph it comes from.
 */
export const RATIONALES = {
  adviceCall:
    'An advice call with no red criterion: the caller is given advice and a written summary; no MASH checks (Bexley 5 and 6).',
  informationRequest:
    'A request for information with no red criterion: the caller is signposted to the service; no MASH checks (Bexley 2).',
  allocatedWorker:
    'The child is open to children’s social care with an allocated worker: the contact goes to that worker, who is alerted; no MASH checks (Croydon 8; Northamptonshire 4b; Bexley 3).',
  allocatedWorkerRed:
    'The child is open to children’s social care with an allocated worker and a red criterion applies: the contact goes to that worker as red, for action today, and the MASH manager is alerted; no MASH checks (Northamptonshire 4b).',
  previousTeam:
    'The child’s case closed to children’s social care within the recently-closed period: the contact goes back to the previous team, green, with no MASH information sharing (Northamptonshire 10; Bexley 11, three month rule).',
  previousTeamButRed:
    'The child’s case closed to children’s social care within the recently-closed period, but a red criterion applies: screened as red in the MASH rather than returned as green; the previous team is alerted.',
  strategyDiscussion:
    'Red: an urgent criterion that calls for police protection or a strategy discussion applies: routed to a strategy discussion without waiting for MASH checks (Northamptonshire Appendix C and E; Croydon 8).',
  redImmediateDanger: 'Red: immediate danger was reported: MASH checks at the red timescale.',
  redUrgentCriteria:
    'Red: an urgent criterion of the profile applies (Northamptonshire Appendix E): MASH checks at the red timescale.',
  redNonMobileBaby:
    'Red: a concern of physical abuse about a baby under six months, who is taken to be non-mobile (Northamptonshire Appendix E: non-mobile babies with any form of injury): MASH checks at the red timescale.',
  amber:
    'No red criterion, no allocated worker and no recently closed case: rated amber for MASH information sharing (Northamptonshire 10, rag summary 6 and 7).',
  earlyHelpRequest:
    'A request for early help with no red criterion: rated green for MASH checks (Northamptonshire 10: green, level 2 early help; Croydon 8).',
  earlyHelpOpen:
    'The child has an open early help assessment: the lead professional is alerted to the new concern (Northamptonshire 4).',
  lado: 'An allegation against someone who works with children: the LADO is alerted, and the contact is also screened as usual (Croydon 8 and 10).',
  consentGiven: 'Consent was given: the checks are requested.',
  consentExceptionPolice:
    'Consent was not given, but police referrals and notifications are made on the basis of a considered safeguarding need: the checks are requested without it (Croydon 5).',
  consentExceptionImmediateDanger:
    'Consent was not given, but immediate danger was reported: the checks are requested without it (Croydon 5; Bexley 21).',
  consentAwaiting:
    'Consent was refused or not sought: the checks are planned but not sent until a manager decides on consent (Bexley 19 and 27; Northamptonshire 6).',
  consentAwaitingEarlyHelp:
    'A request for early help without consent: the checks are planned but not sent until a manager decides; early help never proceeds without consent (Bexley 19).',
  unknownDateOfBirth:
    'The referral gave an approximate age, not a date of birth: the child was looked up and the agencies asked by that age, and a contact officer is asked to find out the date of birth.',
  unknownDateOfBirthAndAge:
    'The referral gave neither a date of birth nor an age: the child was looked up by name and address alone, and a contact officer is asked to find them out.',
} as const;

export type RationaleKey = keyof typeof RATIONALES;
