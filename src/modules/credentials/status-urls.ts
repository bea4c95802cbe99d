import type { StatusPurpose } from './status-list.js';

export const STATUS_PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

/** Where list `number` of a purpose is served; credentials name this URL, so it never changes. */
export function statusListUrl(baseUrl: string, purpose: StatusPurpose, number: number): string {
  return `${baseUrl}/credentials/status/${purpose}/${number}`;
}

/** The purpose and number of one of this deployment's status list URLs, or null for any other URL. */
export function parseStatusListUrl(baseUrl: string, url: string): { purpose: StatusPurpose; number: number } | null {
  const prefix = `${baseUrl}/credentials/status/`;
  if (!url.startsWith(prefix)) return null;
  const match = /^(revocation|suspension)\/([1-9]\d{0,8})$/.exec(url.slice(prefix.length));
  return match ? { purpose: match[1] as StatusPurpose, number: Number(match[2]) } : null;
}
