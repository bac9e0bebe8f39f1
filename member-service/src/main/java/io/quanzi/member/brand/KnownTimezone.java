package io.quanzi.member.brand;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/**
 * An IANA timezone id this JVM knows (such as {@code Asia/Shanghai} or {@code UTC}): analytics and join statistics
 * count a brand's days in it, so a misspelt zone must be refused, not silently counted in UTC.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownTimezone.Validator.class)
@interface KnownTimezone {

    String message() default "must be an IANA timezone id such as Asia/Shanghai or UTC";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownTimezone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ZoneId.getAvailableZoneIds().contains(value) || "UTC".equals(value);
        }
    }
}
