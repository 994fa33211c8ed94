/** Ward's database schema: one table per file. */
export { auditLog } from './audit-log.ts';
export { bridgeItems, bridgeSubscriptions } from './bridges.ts';
export { channels } from './channels.ts';
export { communities } from './communities.ts';
export { decisions, findings } from './decisions.ts';
export { effects } from './effects.ts';
export { evidenceCards } from './evidence-cards.ts';
export { escalations } from './escalations.ts';
export { members } from './members.ts';
export { messageRoots } from './message-roots.ts';
export { messages } from './messages.ts';
export { reviewCalls } from './review-calls.ts';
