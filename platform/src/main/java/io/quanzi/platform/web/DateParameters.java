package io.quanzi.platform.web;

import io.quanzi.platform.json.DateRange;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Dates in query and path parameters obey the same range as in JSON bodies (years 1 to 9999): a
 * {@code joinedFrom=+999999999-12-31} is a 400 problem, not an overflow deep in a query.
 */
public class DateParameters implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // Registered last, so it is consulted before the standard @DateTimeFormat support it wraps.
        registry.addFormatterForFieldAnnotation(new RangeChecked());
    }

    static final class RangeChecked implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return standard.getFieldTypes();
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return standard.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = standard.getParser(annotation, fieldType);
            return (String text, Locale locale) -> {
                Object value = parser.parse(text, locale);
                if (!DateRange.inRange(value)) {
                    throw new ParseException("'" + text + "' is not a date within the years 1 to 9999", 0);
                }
                return value;
            };
        }
    }
}
