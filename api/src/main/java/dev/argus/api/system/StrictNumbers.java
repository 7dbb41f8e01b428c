package dev.argus.api.system;

import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables and query parameters that are integers accept decimal digits only, with an
 * optional minus sign. Spring's own conversion also reads {@code 0x1} and {@code #1} as hex and
 * trims {@code "1 "}, so {@code /api/v1/targets/0x1} would act on target 1: a second spelling of
 * the same resource. A value that is not plain digits is a type mismatch, which {@link
 * ApiExceptionHandler} answers 422 naming the parameter.
 */
@Component
class StrictNumbers implements WebMvcConfigurer {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, Long.class, strict(Long::valueOf));
    registry.addConverter(String.class, Integer.class, strict(Integer::valueOf));
    registry.addConverter(String.class, Short.class, strict(Short::valueOf));
  }

  private static <T> Converter<String, T> strict(Function<String, T> parse) {
    return text -> {
      // As Spring's converter: an empty value is no value (a default or a missing parameter).
      if (text.isEmpty()) {
        return null;
      }
      if (!DECIMAL.matcher(text).matches()) {
        throw new IllegalArgumentException("not a decimal integer: '" + text + "'");
      }
      return parse.apply(text);
    };
  }
}
