import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';

export type Role = 'admin' | 'staff' | 'trainer' | 'assessor';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  isPlatformAdmin: boolean;
  personId: string | null;
}

export interface SessionInfo {
  user: SessionUser;
  memberships: Array<{ associationId: string; role: Role }>;
  csrfToken: string;
}

export interface Association {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  country: string;
  defaultLocale: string;
  timeZone: string;
}

export interface Session {
  user: SessionUser;
  /** The associations this user works in; every association for a platform administrator. */
  associations: Association[];
  /** The association the app is working in now (chosen in the header); null when the user has none. */
  association: Association | null;
  chooseAssociation: (id: string) => void;
}

const STORAGE_KEY = 'usta.association';

/** The associations a user may pick: all for a platform administrator, otherwise those of their memberships. */
export function visibleAssociations(info: SessionInfo, all: Association[]): Association[] {
  if (info.user.isPlatformAdmin) return all;
  const mine = new Set(info.memberships.map((m) => m.associationId));
  return all.filter((a) => mine.has(a.id));
}

function rememberedAssociation(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  info,
  associations,
  children,
}: {
  info: SessionInfo;
  associations: Association[];
  children: ReactNode;
}) {
  const [chosenId, setChosenId] = useState<string | null>(rememberedAssociation);

  const chooseAssociation = useCallback((id: string) => {
    setChosenId(id);
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this visit only.
    }
  }, []);

  const value = useMemo<Session>(
    () => ({
      user: info.user,
      associations,
      association: associations.find((a) => a.id === chosenId) ?? associations[0] ?? null,
      chooseAssociation,
    }),
    [info.user, associations, chosenId, chooseAssociation],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
