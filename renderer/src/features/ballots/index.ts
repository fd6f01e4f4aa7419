/** 测评: tallies entered twice, blind, imported and confirmed by a second person. What the rest of the app may use of it. */
export { BallotsPage } from './BallotsPage';
export { UnconfirmedNotice, useUnconfirmed } from './UnconfirmedNotice';
export { countsOf, isConfirmed, tallyStatus } from './store';
export { checkTally, draftFromCounts } from './tally';
