/**
 * Weekly working hours: the application-autoscaling schedules that start and stop them, the UTC hours
 * of the week an alarm may expect the services up (CloudWatch metric math only knows UTC), and how much
 * of the week they cover (the cost estimate reads that back from the synthesized schedules).
 */

/** Days a schedule runs on, in application-autoscaling cron syntax. */
export const WORKING_DAYS = ["MON-FRI", "MON-SAT", "MON-SUN"] as const;
export type WorkingDays = (typeof WORKING_DAYS)[number];

export interface WorkingHours {
  /** IANA time zone the hours are read in, e.g. Europe/Berlin. */
  readonly timezone: string;
  readonly days: WorkingDays;
  /** Hour of the day the services start (0-23). */
  readonly startHour: number;
  /** Hour of the day they stop (1-24, after startHour). */
  readonly endHour: number;
}

/** A stretch of the week in UTC, in hours from Monday 00:00 (0) up to the next Monday (168). */
export interface WeekWindow {
  readonly fromHour: number;
  readonly toHour: number;
}

const DAY_NAMES = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];
const HOURS_PER_WEEK = 168;

/** UTC (the presets' zone) needs no zone rules: loading the first zone's costs a synth tens of milliseconds. */
const UTC = "UTC";

/** Formatters by zone: each costs milliseconds to build (the zone's rules are loaded), and synth asks often. */
const offsetFormats = new Map<string, Intl.DateTimeFormat | undefined>();

function offsetFormat(timezone: string): Intl.DateTimeFormat | undefined {
  if (!offsetFormats.has(timezone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" });
    } catch {
      format = undefined;
    }
    offsetFormats.set(timezone, format);
  }
  return offsetFormats.get(timezone);
}

/** True for a time zone this Node (and so AWS, which uses the same IANA database) knows. */
export function isTimeZone(name: string): boolean {
  return name === UTC || offsetFormat(name) !== undefined;
}

/** `cron(0 <hour> ? * <days> *)`: at the start of `hour` (24 = midnight, as hour 0 of the next day). */
export function dailyCron(hour: number, days: WorkingDays): string {
  if (hour < 24) return `cron(0 ${hour} ? * ${days} *)`;
  if (days === "MON-SUN") return "cron(0 0 ? * * *)";
  const [first, last] = days.split("-").map((d) => DAY_NAMES.indexOf(d));
  const next = (i: number) => DAY_NAMES[(i + 1) % 7];
  return `cron(0 0 ? * ${next(first)}-${next(last)} *)`;
}

/** Indexes (0 = Monday) of the days a cron day field names: MON-FRI, MON,WED, *, ?. */
function cronDays(field: string): number[] {
  if (field === "*" || field === "?") return [0, 1, 2, 3, 4, 5, 6];
  return field.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map((d) => DAY_NAMES.indexOf(d.toUpperCase()));
    if (from < 0 || to < 0) throw new Error(`unsupported day of week in a schedule: ${part}`);
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    return days;
  });
}

/**
 * Hours of the week (0 = Monday 00:00 local) at which a weekly `cron(M H ? * DAYS *)` fires; other
 * forms (rate, at, several hours) are refused rather than guessed.
 */
export function cronHoursOfWeek(schedule: string): number[] {
  const match = /^cron\((\d{1,2}) (\d{1,2}) \? \* (\S+) \*\)$/.exec(schedule);
  if (!match) throw new Error(`cannot read ${JSON.stringify(schedule)}: only weekly schedules "cron(M H ? * DAYS *)" are understood`);
  const at = Number(match[2]) + Number(match[1]) / 60;
  return cronDays(match[3]).map((day) => day * 24 + at);
}

/**
 * Share of the week the services run, given when they start and when they stop (hours of the week),
 * e.g. 55/168 for 08:00-19:00 Monday to Friday. Running from the first event if none precedes it.
 */
export function weeklyUptime(starts: readonly number[], stops: readonly number[]): number {
  const events = [...starts.map((at) => ({ at, on: true })), ...stops.map((at) => ({ at, on: false }))].sort((a, b) => a.at - b.at);
  if (events.length === 0) return 1;
  // The state at Monday 00:00 is the one the week's last event left.
  let on = events[events.length - 1].on;
  let since = 0;
  let up = 0;
  for (const event of events) {
    if (on) up += event.at - since;
    on = event.on;
    since = event.at;
  }
  if (on) up += HOURS_PER_WEEK - since;
  return up / HOURS_PER_WEEK;
}

/** The zone's UTC offset in hours at a given instant. */
function utcOffsetHours(timezone: string, at: Date): number {
  if (timezone === UTC) return 0;
  const name = offsetFormat(timezone)!
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) + Number(match[3]) / 60) : 0;
}

/**
 * The UTC hours of the week the services are sure to be up: inside the working hours under both the
 * zone's winter and summer offsets (fixed reference dates, so synth stays reproducible), less
 * `warmUpHours` after each start while the tasks start and register. Whole hours only: alarms read
 * them with metric math's HOUR().
 */
export function activeUtcWindows(hours: WorkingHours, warmUpHours: number): WeekWindow[] {
  const offsets = [new Date(Date.UTC(2026, 0, 15, 12)), new Date(Date.UTC(2026, 6, 15, 12))].map((d) => utcOffsetHours(hours.timezone, d));
  const [first, last] = hours.days.split("-").map((d) => DAY_NAMES.indexOf(d));
  const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // A UTC hour is active when it lies wholly inside a working day's hours under every offset.
  const inside = (utcHour: number, offset: number) =>
    days.some((day) =>
      [-HOURS_PER_WEEK, 0, HOURS_PER_WEEK].some((shift) => {
        const from = day * 24 + hours.startHour + warmUpHours - offset + shift;
        const to = day * 24 + hours.endHour - offset + shift;
        return utcHour >= from && utcHour + 1 <= to;
      }),
    );
  const active = Array.from({ length: HOURS_PER_WEEK }, (_, hour) => offsets.every((offset) => inside(hour, offset)));
  const windows: WeekWindow[] = [];
  active.forEach((value, hour) => {
    if (!value) return;
    const previous = windows[windows.length - 1];
    if (previous && previous.toHour === hour) windows[windows.length - 1] = { fromHour: previous.fromHour, toHour: hour + 1 };
    else windows.push({ fromHour: hour, toHour: hour + 1 });
  });
  return windows;
}
