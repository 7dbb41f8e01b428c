package dev.argus.api.power;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A host the collector may poll: a host name or IP address (at most 253 characters, no inner
 * whitespace) that the collector's address guard would not refuse (cloud metadata, link-local,
 * unspecified, ...), judged now; a name that does not resolve yet passes and is judged at poll
 * time. Null or blank is valid, {@code @NotBlank}'s to say, so that a field gets one message.
 */
@Documented
@Constraint(validatedBy = PollableHost.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@interface PollableHost {

  /** The field, as the guard's refusal names it ({@code "host: ... is a cloud metadata ..."}). */
  String field();

  /** For a value that is not a host name or IP address. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link PollableHost}. */
  final class Validator implements ConstraintValidator<PollableHost, String> {

    private String field;

    @Override
    public void initialize(PollableHost constraint) {
      field = constraint.field();
    }

    @Override
    public boolean isValid(String host, ConstraintValidatorContext context) {
      if (host == null || host.isBlank()) {
        return true;
      }
      if (host.length() > 253 || host.strip().chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
      try {
        OutboundAddressGuard.check(field, host.strip());
        return true;
      } catch (UnsafeDestinationException e) {
        // The refusal names the host the client sent: a message parameter, which is inserted as
        // it is, never a template, which would interpret what the client wrote.
        context.disableDefaultConstraintViolation();
        context
            .unwrap(HibernateConstraintValidatorContext.class)
            .addMessageParameter("refusal", e.getMessage())
            .buildConstraintViolationWithTemplate("{refusal}")
            .addConstraintViolation();
        return false;
      }
    }
  }
}
