/** Field names as Exact spells them in its messages, in English and Dutch. */
export const FIELD_LABELS = {
  journal: ['Journal', 'Dagboek'],
  journals: ['Journals', 'Journals'],
  customer: ['Customer', 'Klant'],
  glAccount: ['G/L account', 'Grootboekrekening'],
  amount: ['Amount', 'Bedrag'],
  vatCode: ['VAT code', 'Btw-code'],
  lines: ['Sales entry lines', 'Boekingsregels'],
  entryNumber: ['Entry number', 'Boekstuknummer'],
  name: ['Name', 'Naam'],
  code: ['Code', 'Code'],
  entryDate: ['Entry date', 'Boekdatum'],
} as const;

/** A field named in a message. */
export type FieldLabel = keyof typeof FIELD_LABELS;

/** A business rule the accounting side refuses a request over: answered in Exact's error envelope. */
export type AccountingProblem =
  | { code: 'mandatory'; fields: FieldLabel[] }
  | { code: 'invalid_reference'; field: FieldLabel }
  | { code: 'invalid_gl_account_type'; glAccount: string }
  | { code: 'invalid_journal_type'; journal: string }
  | { code: 'entry_number_in_use'; journal: string; entryNumber: number }
  | { code: 'code_in_use'; accountCode: string }
  | { code: 'account_in_use'; accountCode: string }
  | { code: 'period_closed'; date: string }
  | { code: 'unknown_financial_year'; date: string }
  | { code: 'entry_locked'; reason: 'period_closed' | 'paid' }
  /** Octopus's refusal of any change in a closed book year period (focus-side.md §1b). */
  | { code: 'book_year_period_closed' }
  /** Yuki's daily quota of API calls for the domain is used up until midnight. */
  | { code: 'daily_quota_exhausted'; domain: string; limit: number }
  | { code: 'binding_new_entities' }
  | { code: 'several'; problems: AccountingProblem[] };

/** A request the accounting side cannot understand or find: not a business rule, a client mistake. */
export type RequestProblem =
  | { code: 'not_found'; entity: string }
  | { code: 'bad_request'; message: string }
  /** A body over the size the API accepts (answered 413). */
  | { code: 'body_too_large'; message: string }
  | { code: 'method_not_allowed'; method: string; entity: string };

/** The language of messages: Exact follows the user's `Accept-Language`. */
export type Language = 'en' | 'nl';

const label = (field: FieldLabel, lang: Language) => FIELD_LABELS[field][lang === 'nl' ? 1 : 0];

/** The text Exact shows for a problem; several problems are joined with `\r\n`, as Exact does. */
export function problemMessage(problem: AccountingProblem | RequestProblem, lang: Language): string {
  const nl = lang === 'nl';
  switch (problem.code) {
    case 'mandatory':
      return problem.fields.map((f) => `${nl ? 'Verplicht' : 'Mandatory'}: ${label(f, lang)}`).join('\r\n');
    case 'invalid_reference':
      return `${nl ? 'Ongeldige referentie' : 'Invalid reference'}: ${label(problem.field, lang)}`;
    case 'invalid_gl_account_type':
      return nl ? 'Ongeldig: Grootboekrekeningtype' : 'Invalid: G/L account type';
    case 'invalid_journal_type':
      return nl ? 'Ongeldig dagboek. Het dagboek moet een verkoopdagboek zijn.' : 'Invalid journal. The journal must be a sales journal.';
    case 'entry_number_in_use':
      return `${nl ? 'In gebruik' : 'In use'}: ${label('entryNumber', lang)}`;
    case 'code_in_use':
      return `${nl ? 'Bestaat al' : 'Already exists'}: ${label('code', lang)}`;
    case 'account_in_use':
      return nl
        ? 'De relatie wordt gebruikt in boekingen en kan niet worden verwijderd.'
        : 'The account is used in transactions and cannot be deleted.';
    case 'period_closed':
      return nl ? 'Periode is afgesloten' : 'Period is closed';
    case 'unknown_financial_year':
      return nl ? 'Onbekend: Boekjaar (Periodetabel)' : 'Unknown: Financial year (Period-date table)';
    case 'entry_locked':
      return problem.reason === 'paid'
        ? nl
          ? 'De boeking is afgeletterd en kan niet worden verwijderd.'
          : 'The entry is matched and cannot be deleted.'
        : nl
          ? 'Periode is afgesloten'
          : 'Period is closed';
    case 'book_year_period_closed':
      return 'Book year period is closed';
    case 'daily_quota_exhausted':
      return `The daily limit of ${problem.limit} API calls for domain ${problem.domain} has been reached. The limit is reset at midnight.`;
    case 'binding_new_entities':
      return 'Error processing request stream. Binding to new entities is not supported in update requests.';
    case 'several':
      return problem.problems.map((p) => problemMessage(p, lang)).join('\r\n');
    case 'not_found':
      return nl ? `Record niet gevonden: ${problem.entity}` : `Record not found: ${problem.entity}`;
    case 'bad_request':
    case 'body_too_large':
      return problem.message;
    case 'method_not_allowed':
      return `The HTTP method '${problem.method}' is not allowed on ${problem.entity}.`;
  }
}

/** Collapses a list of problems into one (Exact reports them together). */
export function combineProblems(problems: AccountingProblem[]): AccountingProblem | undefined {
  if (problems.length <= 1) return problems[0];
  return { code: 'several', problems };
}
