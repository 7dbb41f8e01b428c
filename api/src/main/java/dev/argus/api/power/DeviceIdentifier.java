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
import java.util.regex.Pattern;

/**
 * An id of a device or a collector: 1-64 letters, digits, '.', '_', ':' or '-', starting with a
 * letter or digit, since it is used in the topic key {@code device/<id>} and in URLs (no slashes or
 * spaces). Null or blank is valid unless {@link #requiredMessage()} is set, so that a field gets
 * one message. Not {@code @NotBlank} for the device id: {@code PUT /api/devices/{device_id}} takes
 * it from the path, so the body's schema must not require it.
 */
@Documented
@Constraint(validatedBy = DeviceIdentifier.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@interface DeviceIdentifier {

  Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /** For an id that does not have the format. */
  String message();

  /** For a null or blank id; empty when the id may be left out. */
  String requiredMessage() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link DeviceIdentifier}. */
  final class Validator implements ConstraintValidator<DeviceIdentifier, String> {

    private String requiredMessage;

    @Override
    public void initialize(DeviceIdentifier constraint) {
      requiredMessage = constraint.requiredMessage();
    }

    @Override
    public boolean isValid(String id, ConstraintValidatorContext context) {
      if (id == null || id.isBlank()) {
        if (requiredMessage.isEmpty()) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(requiredMessage).addConstraintViolation();
        return false;
      }
      return FORMAT.matcher(id).matches();
    }
  }
}
