import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import type { SessionInfo } from '../session.js';

const MANAGE = ['admin', 'staff'];
const REVIEW = ['admin', 'staff', 'assessor'];

export interface CertificationRoles {
  loaded: boolean;
  /** Staff or administrator of the association: schemes and certificates. */
  canManage: (associationId: string | undefined) => boolean;
  /** Assessor, staff or administrator: the review queue and exam results. */
  canReview: (associationId: string | undefined) => boolean;
  reviewsAnywhere: boolean;
}

/** What the signed-in user may do in certification, per association (the server checks it again). */
export function useCertificationRoles(): CertificationRoles {
  const { user } = useSession();
  const session = useResource<SessionInfo>('/session');
  const memberships = session.data?.memberships ?? [];
  const holds = (roles: string[]) => (associationId: string | undefined) =>
    user.isPlatformAdmin || (associationId !== undefined && memberships.some((m) => m.associationId === associationId && roles.includes(m.role)));
  return {
    loaded: session.data !== undefined,
    canManage: holds(MANAGE),
    canReview: holds(REVIEW),
    reviewsAnywhere: user.isPlatformAdmin || memberships.some((m) => REVIEW.includes(m.role)),
  };
}
