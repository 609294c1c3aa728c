/**
 * Working hours (src/core/working-hours.ts): the schedules that start and stop the services, the UTC
 * hours alarms may expect them up in, across daylight saving time, and the share of the week they run.
 */
import { activeUtcWindows, cronHoursOfWeek, dailyCron, isTimeZone, weeklyUptime } from "../src/core/working-hours";

const WEEKDAYS_8_TO_19 = { timezone: "UTC", days: "MON-FRI", startHour: 8, endHour: 19 } as const;

describe("working hours", () => {
  it("become application-autoscaling cron schedules, midnight as hour 0 of the next day", () => {
    expect([dailyCron(8, "MON-FRI"), dailyCron(19, "MON-SAT"), dailyCron(24, "MON-FRI"), dailyCron(24, "MON-SUN")]).toEqual([
      "cron(0 8 ? * MON-FRI *)",
      "cron(0 19 ? * MON-SAT *)",
      "cron(0 0 ? * TUE-SAT *)",
      "cron(0 0 ? * * *)",
    ]);
  });

  it("run 55 of the week's 168 hours from 08:00 to 19:00 on weekdays, read back from the schedules", () => {
    expect(weeklyUptime(cronHoursOfWeek("cron(0 8 ? * MON-FRI *)"), cronHoursOfWeek("cron(0 19 ? * MON-FRI *)")) * 168).toBeCloseTo(55, 9);
    expect(weeklyUptime(cronHoursOfWeek("cron(30 7 ? * MON-SUN *)"), cronHoursOfWeek("cron(0 0 ? * * *)")) * 168).toBeCloseTo(7 * 16.5, 9);
    expect(weeklyUptime([], [])).toBe(1);
    expect(() => cronHoursOfWeek("cron(0 8 * * ? *)")).toThrow('only weekly schedules "cron(M H ? * DAYS *)" are understood');
  });

  it("give alarms the UTC hours inside the working hours under both the winter and the summer offset, less a warm-up hour", () => {
    const day = (d: number, from: number, to: number) => ({ fromHour: d * 24 + from, toHour: d * 24 + to });
    const weekdays = (from: number, to: number) => [0, 1, 2, 3, 4].map((d) => day(d, from, to));
    expect(activeUtcWindows(WEEKDAYS_8_TO_19, 1)).toEqual(weekdays(9, 19));
    // Berlin: 09:00-19:00 local is 08:00-18:00 UTC in winter and 07:00-17:00 UTC in summer.
    expect(activeUtcWindows({ ...WEEKDAYS_8_TO_19, timezone: "Europe/Berlin" }, 1)).toEqual(weekdays(8, 17));
    // Los Angeles: the local evening is the next UTC day's early hours; Friday's ends early on Saturday UTC.
    expect(activeUtcWindows({ ...WEEKDAYS_8_TO_19, timezone: "America/Los_Angeles" }, 1)).toEqual(weekdays(17, 26));
    // Kolkata (+05:30): only whole UTC hours inside 09:00-19:00 local (03:30-13:30 UTC).
    expect(activeUtcWindows({ ...WEEKDAYS_8_TO_19, timezone: "Asia/Kolkata" }, 1)).toEqual(weekdays(4, 13));
  });

  it("know the IANA time zones", () => {
    expect([isTimeZone("Europe/Berlin"), isTimeZone("UTC"), isTimeZone("Berlin"), isTimeZone("CEST+2")]).toEqual([true, true, false, false]);
  });
});
