package dev.argus.api.system;

import java.util.regex.Pattern;
import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables and query parameters that are integers accept decimal digits only, with an
 * optional minus sign. Spring's own reading ({@code NumberUtils.parseNumber}) also takes {@code
 * 0x1} and {@code #1} as hex and trims {@code "1 "}, so {@code /api/v1/targets/0x1} would act on
 * target 1: a second spelling of the same resource. A value that is not plain digits is a type
 * mismatch, which {@link ApiExceptionHandler} answers 422 naming the parameter.
 *
 * <p>Property editors rather than converters: when a converter refuses a value, the binder falls
 * back to its default editors, which would accept the hex again; an editor registered here is the
 * only reading of these types.
 */
@ControllerAdvice
class StrictNumbers {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

  @InitBinder
  void decimalIntegersOnly(WebDataBinder binder) {
    for (Class<? extends Number> type : new Class[] {Long.class, Integer.class, Short.class}) {
      binder.registerCustomEditor(type, new DecimalEditor(type, true));
    }
    binder.registerCustomEditor(long.class, new DecimalEditor(Long.class, false));
    binder.registerCustomEditor(int.class, new DecimalEditor(Integer.class, false));
    binder.registerCustomEditor(short.class, new DecimalEditor(Short.class, false));
  }

  /** Spring's number editor (empty values, range checks) behind a decimal-digits-only gate. */
  private static final class DecimalEditor extends CustomNumberEditor {

    DecimalEditor(Class<? extends Number> type, boolean allowEmpty) {
      super(type, allowEmpty);
    }

    @Override
    public void setAsText(String text) {
      if (text != null && !text.isEmpty() && !DECIMAL.matcher(text).matches()) {
        throw new IllegalArgumentException("not a decimal integer: '" + text + "'");
      }
      super.setAsText(text);
    }
  }
}
