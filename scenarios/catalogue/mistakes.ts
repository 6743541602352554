import type { Scenario } from '../scenario.js';
import mistakeDeleteOnlyInFocus from './mistake-delete-only-in-focus.js';
import mistakeDelinkContacts from './mistake-delink-contacts.js';
import mistakeImportContactsOnReconnect from './mistake-import-contacts-on-reconnect.js';
import mistakeLaterStartDatePartPayment from './mistake-later-start-date-part-payment.js';
import mistakeLaterStartDate from './mistake-later-start-date.js';
import mistakeNextNumberInUse from './mistake-next-number-in-use.js';
import mistakeSkipExactDeletion from './mistake-skip-exact-deletion.js';
import mistakeSwappedJournals from './mistake-swapped-journals.js';

/** Mistakes a trainer shows: each ends with the damage it does, named by the checker. */
export const MISTAKES: readonly Scenario[] = [
  mistakeImportContactsOnReconnect,
  mistakeLaterStartDate,
  mistakeDelinkContacts,
  mistakeSkipExactDeletion,
  mistakeSwappedJournals,
  mistakeDeleteOnlyInFocus,
  mistakeNextNumberInUse,
  mistakeLaterStartDatePartPayment,
];
