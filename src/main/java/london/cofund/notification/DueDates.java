package london.cofund.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import london.cofund.system.EngineClock;

/** Reads a send task's {@code mailDueDate}, whatever type the model's expression produced. */
public final class DueDates {

  private static final ZoneId LONDON = EngineClock.LONDON;

  private DueDates() {}

  /**
   * The value as a date and time: a {@link Date}, a {@code java.time} value or an ISO-8601 text. A
   * date without a time means the end of that day in London. Null and blank give null.
   *
   * @throws IllegalArgumentException for anything else: a modelling mistake to fix
   */
  public static OffsetDateTime of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime();
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(LONDON).toOffsetDateTime();
    }
    if (value instanceof Instant instant) {
      return instant.atZone(LONDON).toOffsetDateTime();
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(LONDON).toOffsetDateTime();
    }
    if (value instanceof LocalDate day) {
      return day.atTime(LocalTime.of(23, 59)).atZone(LONDON).toOffsetDateTime();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toOffsetDateTime();
      } catch (DateTimeParseException notZoned) {
        try {
          return of(LocalDateTime.parse(text));
        } catch (DateTimeParseException notLocal) {
          try {
            return of(LocalDate.parse(text));
          } catch (DateTimeParseException notDate) {
            throw new IllegalArgumentException(
                "mailDueDate '"
                    + text
                    + "' is not a date: give a"
                    + " Date or an ISO-8601 text such as 2017-08-14T17:00:00+01:00",
                notDate);
          }
        }
      }
    }
  }
}
