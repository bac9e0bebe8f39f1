package io.quanzi.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Dates and times come as ISO-8601 strings within the years 1 to 9999. Jackson alone accepts
 * {@code +999999999-12-31T23:59:59Z} or a bare number, which no database date can hold: stored,
 * they fail deep in the driver as a 500.
 */
public final class DateRange extends DelegatingDeserializer {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private final Class<?> type;

    DateRange(ValueDeserializer<?> delegate, Class<?> type) {
        super(delegate);
        this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
        return new DateRange(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.handleUnexpectedToken(
                    context.constructType(type),
                    parser.currentToken(),
                    parser,
                    "A date or time is an ISO-8601 string.");
        }
        String text = parser.getString();
        Object value = super.deserialize(parser, context);
        if (value != null && !inRange(value)) {
            throw InvalidFormatException.from(
                    parser, "A date must lie within the years " + MIN_YEAR + " to " + MAX_YEAR + ".", text, type);
        }
        return value;
    }

    /** Whether a date or time (of any java.time type) lies within the years 1 to 9999. */
    public static boolean inRange(Object value) {
        int year;
        if (value instanceof Instant instant) {
            if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
                return false;
            }
            year = instant.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof OffsetDateTime time) {
            year = time.getYear();
        } else if (value instanceof ZonedDateTime time) {
            year = time.getYear();
        } else if (value instanceof LocalDateTime time) {
            year = time.getYear();
        } else if (value instanceof LocalDate date) {
            year = date.getYear();
        } else if (value instanceof Year given) {
            year = given.getValue();
        } else {
            return true;
        }
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Wraps the deserializers of the date and time types. */
    static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean dated = type == Instant.class
                    || type == OffsetDateTime.class
                    || type == ZonedDateTime.class
                    || type == LocalDateTime.class
                    || type == LocalDate.class
                    || type == Year.class;
            return dated && Temporal.class.isAssignableFrom(type) ? new DateRange(deserializer, type) : deserializer;
        }
    }
}
