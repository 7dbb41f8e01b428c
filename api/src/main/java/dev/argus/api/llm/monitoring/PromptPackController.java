package dev.argus.api.llm.monitoring;

import dev.argus.api.llm.LlmCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/monitoring/prompt-packs}: the prompts probes and benchmarks send. */
@RestController
@Tag(name = "llm monitoring")
class PromptPackController {

  private final LlmCatalog catalog;

  PromptPackController(LlmCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/v1/monitoring/prompt-packs")
  @Operation(summary = "Every prompt pack: its prompt, expected answer length and token budget")
  List<PromptPackItem> promptPacks() {
    return catalog.promptPackDetails().stream().map(PromptPackItem::of).toList();
  }
}
