package io.certgate.agent.status;

import io.certgate.agent.token.TokenCertificate;
import io.certgate.agent.token.TokenSnapshot;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The page at {@code http://127.0.0.1:27150/} for a person (a user on the phone with support): the
 * version, the keys and certificates the agent sees, and what to do when it sees none. Chinese
 * first, English after. Everything shown is escaped; nothing on it can be acted upon.
 */
public final class StatusPage {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

  private final String version;
  private final List<Path> modules;
  private final List<Path> skfLibraries;
  private final Optional<Path> softKeyFolder;
  private final Optional<Path> configFile;

  public StatusPage(
      String version, List<Path> modules, Optional<Path> softKeyFolder, Optional<Path> configFile) {
    this(version, modules, List.of(), softKeyFolder, configFile);
  }

  /** A page that also names the SKF libraries in use. */
  public StatusPage(
      String version,
      List<Path> modules,
      List<Path> skfLibraries,
      Optional<Path> softKeyFolder,
      Optional<Path> configFile) {
    this.version = version;
    this.modules = List.copyOf(modules);
    this.skfLibraries = List.copyOf(skfLibraries);
    this.softKeyFolder = softKeyFolder;
    this.configFile = configFile;
  }

  /** The whole HTML document for one scan. */
  public String render(List<TokenSnapshot> tokens, List<String> problems) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>CertGate 客户端状态 / Agent status</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:60em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}")
        .append(".en{color:#555}</style></head><body>")
        .append("<h1>CertGate CA 客户端 <span class=\"en\">/ CA agent</span></h1>")
        .append("<p>版本 <span class=\"en\">Version</span>: ")
        .append(esc(version))
        .append(" — 正在运行 <span class=\"en\">running</span></p>");
    if (tokens.isEmpty()) {
      noKeys(html);
    } else {
      for (TokenSnapshot token : tokens) {
        token(html, token);
      }
    }
    sources(html, problems);
    return html.append("</body></html>").toString();
  }

  private void noKeys(StringBuilder html) {
    html.append("<h2>未发现CA锁或证书 <span class=\"en\">/ No key or certificate found</span></h2><ol>")
        .append("<li>请插入CA锁（USB Key），稍候刷新本页。")
        .append(
            " <span class=\"en\">Insert your CA key (USB key) and reload this page.</span></li>")
        .append("<li>请安装CA服务商的驱动（平台“CA驱动下载”页面）。")
        .append(" <span class=\"en\">Install your CA provider's driver (the platform's driver")
        .append(" download page).</span></li>")
        .append("<li>驱动不在下列目录时，请在配置文件中设置 pkcs11 模块路径。")
        .append(" <span class=\"en\">If the driver is installed elsewhere, add its PKCS#11")
        .append(" module path to the configuration file (CERTGATE_AGENT_PKCS11).</span></li>")
        .append("<li>软证书：把 .p12/.pfx 文件放进软证书目录。")
        .append(" <span class=\"en\">Soft certificates: put .p12/.pfx files into the soft-key")
        .append(" folder.</span></li></ol>");
  }

  private static void token(StringBuilder html, TokenSnapshot token) {
    var info = token.info();
    html.append("<h2>")
        .append(esc(info.label()))
        .append(" <span class=\"en\">(")
        .append(esc(info.manufacturer()))
        .append(info.serial().isEmpty() ? "" : ", " + esc(info.serial()))
        .append(")</span></h2>");
    if (info.locked()) {
      html.append("<p><b>PIN已锁定，请联系CA服务商解锁。</b>")
          .append(" <span class=\"en\">PIN locked: contact your CA provider.</span></p>");
    }
    html.append("<table><tr><th>证书 <span class=\"en\">Certificate</span></th>")
        .append("<th>颁发者 <span class=\"en\">Issuer</span></th>")
        .append("<th>到期 <span class=\"en\">Expires</span></th>")
        .append("<th>用途 <span class=\"en\">Use</span></th></tr>");
    for (TokenCertificate c : token.certificates()) {
      html.append("<tr><td>")
          .append(esc(c.certificate().getSubjectX500Principal().getName()))
          .append("</td><td>")
          .append(esc(c.certificate().getIssuerX500Principal().getName()))
          .append("</td><td>")
          .append(DAY.format(c.certificate().getNotAfter().toInstant()))
          .append("</td><td>")
          .append(
              c.signatureCapable()
                  ? "签名 <span class=\"en\">signature</span>"
                  : "加密 <span class=\"en\">encryption</span>")
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  private void sources(StringBuilder html, List<String> problems) {
    html.append("<h2>查找位置 <span class=\"en\">/ Where the agent looks</span></h2><ul>");
    for (Path m : modules) {
      html.append("<li>PKCS#11: ").append(esc(m.toString())).append("</li>");
    }
    if (modules.isEmpty()) {
      html.append("<li>没有找到PKCS#11驱动 <span class=\"en\">no PKCS#11 module found</span></li>");
    }
    for (Path l : skfLibraries) {
      html.append("<li>SKF (国密): ").append(esc(l.toString())).append("</li>");
    }
    softKeyFolder.ifPresent(
        f ->
            html.append("<li>软证书目录 <span class=\"en\">soft keys</span>: ")
                .append(esc(f.toString()))
                .append("</li>"));
    configFile.ifPresent(
        f ->
            html.append("<li>配置文件 <span class=\"en\">configuration</span>: ")
                .append(esc(f.toString()))
                .append("</li>"));
    html.append("</ul>");
    if (!problems.isEmpty()) {
      html.append("<h2>问题 <span class=\"en\">/ Problems</span></h2><ul>");
      problems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
      html.append("</ul>");
    }
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
