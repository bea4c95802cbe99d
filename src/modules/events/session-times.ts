/**
 * Wall-clock times in a session's time zone. Staff type a date and HH:MM as they read them on the
 * place's clocks; the database keeps the instant (timestamptz); pages show it back in that zone.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(zone, format);
  }
  return format;
}

/** True for an IANA zone name the runtime knows, e.g. Asia/Tashkent. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    wallClock(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at an instant, as milliseconds of the same reading in UTC. */
function wallMillis(instant: number, zone: string): number {
  const parts = wallClock(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(day: string): boolean {
  const m = ISO_DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day;
}

export function isClockTime(time: string): boolean {
  return HH_MM.test(time);
}

/**
 * The instant at which the clocks of `zone` show `day` `time`. Null when that reading never
 * happens (the hour skipped when clocks go forward); of two readings (clocks going back) the
 * earlier is taken.
 */
export function zonedToInstant(day: string, time: string, zone: string): Date | null {
  if (!isIsoDay(day) || !isClockTime(time)) return null;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Offsets of the zone a day either side bound every candidate (no zone shifts twice in a day).
  const offsets = new Set([wallMillis(wanted - 86_400_000, zone) - (wanted - 86_400_000), wallMillis(wanted + 86_400_000, zone) - (wanted + 86_400_000)]);
  const matches = [...offsets].map((offset) => wanted - offset).filter((instant) => wallMillis(instant, zone) === wanted);
  if (matches.length === 0) return null;
  return new Date(Math.min(...matches));
}

/** The day and HH:MM the clocks of `zone` show at an instant. */
export function instantToZoned(instant: Date, zone: string): { day: string; time: string } {
  const iso = new Date(wallMillis(instant.getTime(), zone)).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Today's date on the clocks of `zone`. */
export function todayIn(zone: string, now = new Date()): string {
  return instantToZoned(now, zone).day;
}

/**
 * A moment typed by staff: an ISO 8601 instant with an offset (`…Z`, `…+05:00`) is taken as it
 * is; a local `YYYY-MM-DDTHH:MM` is read on the clocks of `zone`. Null when it is neither.
 */
export function parseMoment(value: string, zone: string): Date | null {
  const trimmed = value.trim();
  const local = LOCAL_DATE_TIME.exec(trimmed);
  if (local) return zonedToInstant(local[1]!, `${local[2]}:${local[3]}`, zone);
  if (!WITH_OFFSET.test(trimmed) || !/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null;
  const instant = new Date(trimmed);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** `YYYY-MM-DDTHH:MM` on the clocks of `zone`, the form the moment fields are edited in. */
export function localMoment(instant: Date, zone: string): string {
  const { day, time } = instantToZoned(instant, zone);
  return `${day}T${time}`;
}
