package dev.argus.api.power;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text of at most {@link #value()} characters. Unlike {@code @Size}, null or blank text is valid:
 * whether it may be blank is {@code @NotBlank}'s to say, so that a blank field gets one message.
 */
@Documented
@Constraint(validatedBy = MaxLength.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@interface MaxLength {

  int value();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link MaxLength}. */
  final class Validator implements ConstraintValidator<MaxLength, String> {

    private int max;

    @Override
    public void initialize(MaxLength constraint) {
      max = constraint.value();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      return text == null || text.isBlank() || text.length() <= max;
    }
  }
}
