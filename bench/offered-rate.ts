/** The steady offered rate of the pipeline rows and the crisis background (issue 2: p99 at 200 messages/s). */
export const OFFERED_PER_S = 200;
