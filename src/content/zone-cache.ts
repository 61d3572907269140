/**
 * The newsroom's zone, with its UTC offsets remembered per day. Luxon asks Intl for the offset
 * of an IANA zone on every date it creates, which was the largest single cost of reading a big
 * archive; offsets only change at a zone's transitions, so a day whose first and last
 * millisecond have the same offset has that offset all day, and is answered from memory.
 */
import { FixedOffsetZone, IANAZone, type Zone } from "luxon";

const DAY = 86_400_000;

class RememberingZone extends IANAZone {
  private readonly days = new Map<number, number>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY);
    const known = this.days.get(day);
    if (known !== undefined) return known;
    const start = super.offset(day * DAY);
    // A day with a transition in it is answered exactly, every time.
    if (start !== super.offset(day * DAY + DAY - 1)) return super.offset(ts);
    this.days.set(day, start);
    return start;
  }
}

const zones = new Map<string, Zone>();

/**
 * The zone named `name` (an IANA zone), shared by every date of the build. Behaves exactly
 * like the zone luxon itself makes of the name: same type, name and offsets.
 * @example DateTime.fromISO("2023-02-18T09:30", { zone: siteZone("Europe/Berlin") }).offset // 60
 */
export function siteZone(name: string): Zone {
  let zone = zones.get(name);
  // luxon itself treats "UTC" and "GMT" as the fixed zone (written "Z" in ISO); so do we.
  if (!zone) zones.set(name, (zone = /^(utc|gmt)$/i.test(name) ? FixedOffsetZone.utcInstance : new RememberingZone(name)));
  return zone;
}
