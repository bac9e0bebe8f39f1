package io.quanzi.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Text in a request carries no control characters: no NUL, no escape sequence, no bell. Stored, they showed as boxes
 * in the app (an offer titled "a␀b") and reached terminals and CSV exports as they were. Tabs and line breaks stay:
 * they belong in a description or a post.
 */
public final class PrintableText extends DelegatingDeserializer {

    PrintableText(ValueDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
        return new PrintableText(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        Object value = super.deserialize(parser, context);
        if (value instanceof String text && !isPrintable(text)) {
            throw new ControlCharacters(parser, text);
        }
        return value;
    }

    /** A string refused for its content; the problem mapper names its field. */
    public static final class ControlCharacters extends InvalidFormatException {

        ControlCharacters(JsonParser parser, String text) {
            super(
                    parser,
                    "Text must not contain control characters (tabs and line breaks excepted).",
                    text,
                    String.class);
        }
    }

    /** Whether the text holds no control character other than tab, line feed and carriage return. */
    public static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Wraps the deserializer of {@link String}. */
    static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return description.getBeanClass() == String.class ? new PrintableText(deserializer) : deserializer;
        }
    }
}
