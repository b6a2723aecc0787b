package dev.gotrace.semantic;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Go's {@code time.Time} arithmetic and formatting for the wall clock of clock snapshots: Go keeps
 * seconds since year 1 in a wrapping int64, which decides its zero test and ordering, and prints
 * with {@code RFC3339Nano} in the local time zone.
 */
final class GoTime {
  /** Seconds from year 1 to 1970, Go's {@code unixToInternal}. */
  private static final long UNIX_TO_INTERNAL = 62135596800L;

  private GoTime() {}

  /** Go's internal seconds of a normalised Unix time (wrapping like Go's int64). */
  static long internalSeconds(long unixSeconds) {
    return unixSeconds + UNIX_TO_INTERNAL;
  }

  static boolean isZero(ClockSnapshot s) {
    return internalSeconds(s.wallSeconds()) == 0 && s.wallNanos() == 0;
  }

  static boolean after(ClockSnapshot a, ClockSnapshot b) {
    long sa = internalSeconds(a.wallSeconds());
    long sb = internalSeconds(b.wallSeconds());
    return sa > sb || (sa == sb && a.wallNanos() > b.wallNanos());
  }

  /** {@code t.Format(time.RFC3339Nano)} in the local zone. */
  static String rfc3339Nano(long seconds, long nanos) {
    ZonedDateTime t = local(seconds, nanos);
    if (t == null) {
      return seconds + "s+" + nanos + "ns";
    }
    StringBuilder s = dateAndTime(t, 'T', nanos);
    ZoneOffset offset = t.getOffset();
    int total = offset.getTotalSeconds();
    if (total == 0) {
      s.append('Z');
    } else {
      s.append(total < 0 ? '-' : '+');
      int abs = Math.abs(total) / 60;
      pad(s, abs / 60, 2).append(':');
      pad(s, abs % 60, 2);
    }
    return s.toString();
  }

  /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  static String goString(long seconds, long nanos) {
    ZonedDateTime t = local(seconds, nanos);
    if (t == null) {
      return seconds + "s+" + nanos + "ns";
    }
    StringBuilder s = dateAndTime(t, ' ', nanos);
    int total = t.getOffset().getTotalSeconds();
    s.append(' ').append(total < 0 ? '-' : '+');
    int abs = Math.abs(total) / 60;
    pad(s, abs / 60, 2);
    pad(s, abs % 60, 2);
    s.append(' ').append(java.time.format.DateTimeFormatter.ofPattern("zzz").format(t));
    return s.toString();
  }

  /** The instant in the local zone, or null when Java cannot represent it. */
  private static ZonedDateTime local(long seconds, long nanos) {
    try {
      return Instant.ofEpochSecond(seconds, nanos).atZone(ZoneId.systemDefault());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * {@code YYYY-MM-DD<sep>hh:mm:ss}, then the nanoseconds with trailing zeros dropped (Go's
   * {@code .999999999}), as both of Go's layouts start.
   */
  private static StringBuilder dateAndTime(ZonedDateTime t, char separator, long nanos) {
    StringBuilder s = new StringBuilder();
    int year = t.getYear();
    if (year < 0) {
      s.append('-');
      year = -year;
    }
    pad(s, year, 4).append('-');
    pad(s, t.getMonthValue(), 2).append('-');
    pad(s, t.getDayOfMonth(), 2).append(separator);
    pad(s, t.getHour(), 2).append(':');
    pad(s, t.getMinute(), 2).append(':');
    pad(s, t.getSecond(), 2);
    if (nanos != 0) {
      StringBuilder frac = new StringBuilder();
      pad(frac, (int) nanos, 9);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      s.append('.').append(frac, 0, end);
    }
    return s;
  }

  private static StringBuilder pad(StringBuilder s, int v, int width) {
    String d = Integer.toString(v);
    for (int i = d.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(d);
  }
}
