package io.certgate.server.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key ring: the current key, which makes every new MAC, and retired keys, which only check the
 * rows and checkpoints they made. Rotation: make a new key current and keep the old one retired.
 */
final class AuditKeys {
  private final AuditKey current;
  private final Map<String, AuditKey> byId = new LinkedHashMap<>();

  AuditKeys(AuditKey current, List<AuditKey> retired) {
    this.current = current;
    byId.put(current.id(), current);
    retired.forEach(k -> byId.putIfAbsent(k.id(), k));
  }

  AuditKey current() {
    return current;
  }

  Optional<AuditKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
