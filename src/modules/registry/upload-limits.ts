/** Certificates are one page of a few hundred kilobytes; credentials a few kilobytes. */
export const UPLOAD_LIMIT_MB = 2;
export const UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024;
