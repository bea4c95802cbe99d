/** What the attendance and completion API answers (src/modules/registration/attendance-schemas.ts). */
export interface SessionDayView {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  start: string;
  end: string;
}

export interface SessionHeading {
  id: string;
  associationId: string;
  title: string;
  city: string | null;
  timeZone: string;
  status: string;
  days: SessionDayView[];
  minAttendancePercent: number;
  requiresFinalTest: boolean;
  minTestScore: number | null;
}

export interface AttendanceRowView {
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  marks: Record<string, boolean>;
}

export interface AttendanceListView {
  session: SessionHeading;
  today: string;
  canManage: boolean;
  rows: AttendanceRowView[];
}

export interface MarkView {
  registrationId: string;
  dayId: string;
  present: boolean;
  recordedAt: string;
  completed: boolean;
  attendancePercent: number;
}

export interface CheckInView {
  status: 'checked_in' | 'already_checked_in';
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  dayId: string;
  day: string;
  recordedAt: string;
}

export interface CompletionView {
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  attendedDays: number;
  attendancePercent: number;
  testScore: number | null;
  computedCompleted: boolean;
  completed: boolean;
  overridden: boolean;
  overrideReason: string | null;
  verificationCode: string;
  updatedAt: string;
}

export interface CompletionListView {
  session: SessionHeading;
  dayCount: number;
  canManage: boolean;
  items: CompletionView[];
}

export interface HistoryEntryView {
  id: string;
  kind: 'computed' | 'override' | 'override_removed';
  completed: boolean;
  reason: string;
  actorName: string | null;
  at: string;
}

export interface SheetPreview {
  id: string;
  status: 'preview';
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  columns: string[];
  days: Array<{ column: string; day: string }>;
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

/** A day of the session as its place's calendar shows it, e.g. "Tue 12 May". */
export function dayFormatter(tag: string, timeZone: string): (startsAt: string) => string {
  const format = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  return (startsAt) => format.format(new Date(startsAt));
}
