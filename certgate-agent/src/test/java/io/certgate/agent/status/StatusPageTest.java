package io.certgate.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  @Test
  void escapesEverythingItShows() {
    StatusPage page =
        new StatusPage(
            "1.0", List.of(Path.of("/opt/<script>.so")), Optional.empty(), Optional.empty());

    String html = page.render(List.of(), List.of("module \"x\" & <b>"));

    assertThat(html)
        .doesNotContain("<script>", "<b>")
        .contains("&lt;script&gt;", "&amp; &lt;b&gt;");
  }

  @Test
  void saysWhatToDoWhenNothingIsFoundInChineseAndEnglish() {
    String html =
        new StatusPage(
                "1.0", List.of(), Optional.of(Path.of("/keys")), Optional.of(Path.of("/cfg")))
            .render(List.of(), List.of());

    assertThat(html)
        .contains(
            "请插入CA锁", "Insert your CA key", "CA驱动下载", "CERTGATE_AGENT_PKCS11", "/keys", "/cfg");
  }

  @Test
  void namesTheSkfLibrariesInUseEscaped() {
    String html =
        new StatusPage(
                "1.0",
                List.of(),
                List.of(Path.of("/usr/lib/libgm3000.1.0.so"), Path.of("/opt/<x>.so")),
                Optional.empty(),
                Optional.empty())
            .render(List.of(), List.of());

    assertThat(html).contains("SKF (国密): /usr/lib/libgm3000.1.0.so", "/opt/&lt;x&gt;.so");
  }
}
