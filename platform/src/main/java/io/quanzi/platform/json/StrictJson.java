package io.quanzi.platform.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, the same way in every app: a value of the wrong type is refused (and so
 * answered with a 400 problem naming the field) instead of being converted. No {@code 1.9} for an
 * integer, no {@code "5"} for a number, no {@code true} or {@code 5} for a string, no {@code "true"}
 * or {@code 1} for a boolean, no ordinal for an enum, no number for a date, no {@code null} for a
 * primitive, no key given twice, dates only within the years 1 to 9999 (what a database and
 * every client can represent), and text without control characters other than tabs and line
 * breaks ({@link PrintableText}). Unknown fields are refused too ({@code PlatformDefaults}). The one
 * exception is money: a {@link java.math.BigDecimal} may come as a decimal string ({@code "42.00"}),
 * so amounts survive clients that have no exact decimal numbers.
 */
public final class StrictJson {

    private StrictJson() {}

    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        SimpleModule dates = new SimpleModule("quanzi-date-range");
        dates.setDeserializerModifier(new DateRange.Modifier());
        SimpleModule text = new SimpleModule("quanzi-printable-text");
        text.setDeserializerModifier(new PrintableText.Modifier());
        return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(
                                CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(
                                CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        java.math.BigDecimal.class,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .addModule(dates)
                .addModule(text);
    }
}
