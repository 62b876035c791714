package io.certgate.agent.cli;

import io.certgate.agent.config.AgentConfig;
import io.certgate.agent.http.ApiViews;
import io.certgate.agent.token.TokenCertificate;
import io.certgate.agent.token.TokenSnapshot;
import io.certgate.agent.token.Tokens;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code certgate-agent list}: what a support person needs to hear read out, in plain text. */
final class ListCommand {
  private final PrintStream out;

  ListCommand(PrintStream out) {
    this.out = out;
  }

  int run(AgentConfig config) {
    Tokens tokens = AgentSetup.tokens(config);
    List<TokenSnapshot> scan = tokens.scan();
    out.println("PKCS#11 modules:");
    for (Path m : tokens.modules()) {
      out.println("  " + m);
    }
    if (tokens.modules().isEmpty()) {
      out.println("  (none found; set CERTGATE_AGENT_PKCS11 to your CA driver's module)");
    }
    out.println("SKF libraries:");
    for (Path l : tokens.skfLibraries()) {
      out.println("  " + l);
    }
    if (tokens.skfLibraries().isEmpty()) {
      out.println("  (none found; set CERTGATE_AGENT_SKF to your 国密 key's SKF library)");
    }
    out.println("soft keys: " + config.softKeyFolder());
    if (scan.isEmpty()) {
      out.println(
          "no key or certificate found: insert the CA key, install its driver, or add .p12 files");
    }
    for (TokenSnapshot token : scan) {
      var info = token.info();
      out.println();
      out.println(
          "token "
              + info.id()
              + ": "
              + info.label()
              + " ("
              + info.kind().wireName()
              + ", "
              + info.manufacturer()
              + (info.serial().isEmpty() ? "" : ", serial " + info.serial())
              + (info.locked() ? ", PIN LOCKED" : "")
              + info.pinRetriesLeft().map(n -> ", " + n + " PIN tries left").orElse("")
              + ")");
      for (TokenCertificate c : token.certificates()) {
        var view = ApiViews.certificateSummary(c);
        out.println("  certificate " + c.id());
        out.println("    subject:  " + view.subject());
        out.println("    issuer:   " + view.issuer());
        out.println("    valid:    " + view.notBefore() + " .. " + view.notAfter());
        out.println(
            "    key:      "
                + view.keyAlgorithm()
                + (c.signatureCapable() ? ", signature" : ", encryption only"));
      }
    }
    for (String problem : tokens.problems()) {
      out.println("problem: " + problem);
    }
    return Cli.OK;
  }
}
