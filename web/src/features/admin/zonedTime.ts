/**
 * Wall-clock times in a store's or brand's zone, for <input type="datetime-local"> ("2026-12-01T19:30")
 * and dates ("2026-12-01"), converted to and from instants without a date library.
 */

function parts(instant: Date, timeZone: string): Record<string, number> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of the zone from UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01T19:30" in {@code timeZone} → ISO instant ("2026-12-01T11:30:00Z" for Asia/Shanghai). */
export function localToInstant(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // Two passes settle the offset also next to a daylight-saving change.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  return new Date(instant).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** ISO instant → "2026-12-01T19:30" as the clock in {@code timeZone} shows it. */
export function instantToLocal(iso: string, timeZone: string): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.year}-${two(p.month!)}-${two(p.day!)}T${two(p.hour!)}:${two(p.minute!)}`;
}

/** Today's date in the zone, and the date {@code days} before it: the dashboard's default range. */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const p = parts(now, timeZone);
  const today = Date.UTC(p.year!, p.month! - 1, p.day!);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(today - (days - 1) * 86_400_000), to: iso(today) };
}
