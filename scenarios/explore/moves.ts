import fc from 'fast-check';
import type { DocumentKind } from '../../core/index.js';

// What the explorer generates: moves of the Focus user, the accountant in Exact and the network, with their targets
// as small picks ("the last booking", "the second invoice") that are resolved against the world when played. Picks
// keep every generated move meaningful whatever came before it, and shrink towards the simplest target.

/** The dates stories use, earliest first (shrinking goes towards the first): same day, earlier and later arise from these. */
export const DATES = ['2026-01-15', '2026-02-03', '2026-02-10', '2026-02-20', '2026-03-02'] as const;

/** A target among the documents or bookings there are: the last one, or the n-th (modulo how many there are). */
export type Pick = 'last' | number;

/** One generated move. */
export type Move =
  | { move: 'sync' }
  | { move: 'book'; kind: DocumentKind; date: string }
  | { move: 'credit'; invoice: Pick; date: string }
  | { move: 'nightly-sync' }
  | { move: 'pass-days'; days: number }
  | { move: 'delete-in-exact'; kind: DocumentKind; booking: Pick }
  | { move: 'book-by-hand'; date: string; invoice: Pick }
  | { move: 'lose-next-answer' }
  | { move: 'delete-in-focus'; kind: DocumentKind; document: Pick }
  | { move: 'edit'; invoice: Pick; unitPriceCents: number }
  | { move: 'set-next-booking-number'; kind: DocumentKind; change: number }
  | { move: 'deactivate'; delinkDate: string; delinkContacts: boolean }
  | { move: 'connect'; startDate: string; importContacts: boolean }
  | { move: 'close-period'; period: number }
  | { move: 'pay-in-exact'; booking: Pick };

const kind = fc.constantFrom<DocumentKind>('invoice', 'credit_note');
const date = fc.constantFrom(...DATES);
const pick: fc.Arbitrary<Pick> = fc.oneof(fc.constant<Pick>('last'), fc.nat({ max: 4 }));

/** Any move, simplest first (fast-check shrinks a `oneof` towards its first arbitraries). */
export const moveArbitrary: fc.Arbitrary<Move> = fc.oneof(
  fc.constant<Move>({ move: 'sync' }),
  fc.record({ move: fc.constant('book' as const), kind, date }),
  fc.record({ move: fc.constant('credit' as const), invoice: pick, date }),
  fc.constant<Move>({ move: 'nightly-sync' }),
  fc.record({ move: fc.constant('pass-days' as const), days: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ move: fc.constant('delete-in-exact' as const), kind, booking: pick }),
  fc.record({ move: fc.constant('book-by-hand' as const), date, invoice: pick }),
  fc.constant<Move>({ move: 'lose-next-answer' }),
  fc.record({ move: fc.constant('delete-in-focus' as const), kind, document: pick }),
  fc.record({ move: fc.constant('edit' as const), invoice: pick, unitPriceCents: fc.constantFrom(0, 50_000, 120_000) }),
  fc.record({ move: fc.constant('set-next-booking-number' as const), kind, change: fc.constantFrom(1, -1, 2, -2) }),
  fc.record({ move: fc.constant('deactivate' as const), delinkDate: date, delinkContacts: fc.boolean() }),
  fc.record({ move: fc.constant('connect' as const), startDate: fc.constantFrom('2026-01-01', ...DATES), importContacts: fc.boolean() }),
  fc.record({ move: fc.constant('close-period' as const), period: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ move: fc.constant('pay-in-exact' as const), booking: pick }),
);

/** A history: what happens before the first connection (the accountant may type invoices in), the connection, and what follows. */
export interface History {
  before: Move[];
  connect: { startDate: string };
  after: Move[];
}

/** Histories of at most `maxSteps` moves after the first connection (and up to two before it). */
export function historyArbitrary(maxSteps: number): fc.Arbitrary<History> {
  const beforeMove = fc.oneof(
    fc.record({ move: fc.constant('book' as const), kind: fc.constant<DocumentKind>('invoice'), date }),
    fc.record({ move: fc.constant('book-by-hand' as const), date, invoice: pick }),
  );
  return fc.record({
    before: fc.array(beforeMove, { maxLength: 2 }),
    connect: fc.record({ startDate: fc.constantFrom('2026-01-01', '2026-02-01') }),
    after: fc.array(moveArbitrary, { maxLength: maxSteps }),
  });
}
