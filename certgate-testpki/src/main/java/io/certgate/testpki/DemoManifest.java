package io.certgate.testpki;

import java.util.List;
import java.util.stream.Collectors;

/** Writes the demo PKI's {@code manifest.json}; paths in it are relative to the demo folder. */
final class DemoManifest {
  private DemoManifest() {}

  static String json(DemoPki demo) {
    String providers =
        demo.providers().stream()
            .map(p -> provider(demo, p))
            .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    return "{\n  \"format\": \"certgate-demo-pki/1\",\n"
        + "  \"demoPin\": "
        + string(DemoPki.DEMO_PIN)
        + ",\n"
        + "  \"crlBaseUrl\": "
        + string(demo.crlServer().baseUrl().toString())
        + ",\n"
        + "  \"ocspUrl\": "
        + string(demo.ocspResponder().url().toString())
        + ",\n"
        + "  \"lockIdRule\": "
        + string(TestOids.LOCK_ID_EXTENSION_RULE)
        + ",\n"
        + "  \"providers\": "
        + providers
        + "\n}\n";
  }

  private static String provider(DemoPki demo, TestProvider p) {
    String users =
        demo.users().stream()
            .filter(u -> u.providerCode().equals(p.code()))
            .map(u -> user(demo, u))
            .collect(Collectors.joining(",\n        ", "[\n        ", "\n      ]"));
    return "{\n      \"code\": "
        + string(p.code())
        + ",\n      \"name\": "
        + string(p.name())
        + ",\n      \"keyKind\": "
        + string(p.keyKind().name())
        + ",\n      \"anchors\": "
        + string(p.code() + "/anchors.pem")
        + ",\n      \"crls\": "
        + array(List.of(p.code() + "/issuing.crl", p.code() + "/root.crl"))
        + ",\n      \"crlUrls\": "
        + array(
            List.of(
                demo.crlServer().issuingCrlUrl(p.code()).toString(),
                demo.crlServer().rootCrlUrl(p.code()).toString()))
        + ",\n      \"ocspUrl\": "
        + string(demo.ocspResponder().url().toString())
        + ",\n      \"users\": "
        + users
        + "\n    }";
  }

  private static String user(DemoPki demo, DemoPki.DemoUser u) {
    String status = u.revoked() ? "REVOKED" : u.variant().name();
    return "{\"login\": "
        + string(u.login())
        + ", \"name\": "
        + string(u.name())
        + ", \"organisation\": "
        + string(DemoPki.ORGANISATION)
        + ", \"status\": "
        + string(status)
        + ", \"lockId\": "
        + string(u.credentials().lockId())
        + ", \"signatureSerial\": "
        + string(u.credentials().signature().serialNumber().toString(16))
        + ", \"notAfter\": "
        + string(u.credentials().signature().certificate().getNotAfter().toInstant().toString())
        + ", \"softKey\": "
        + string(demo.directory().relativize(u.softKey()).toString())
        + "}";
  }

  private static String array(List<String> values) {
    return values.stream().map(DemoManifest::string).collect(Collectors.joining(", ", "[", "]"));
  }

  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
