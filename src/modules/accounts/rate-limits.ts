/** Password guessing is slowed per client address. */
export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };
/** Each request may send a mail to someone else's address, so few are allowed. */
export const PASSWORD_RESET_RATE_LIMIT = { max: 5, timeWindow: '15 minutes' };
