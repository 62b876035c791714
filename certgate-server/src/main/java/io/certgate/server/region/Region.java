package io.certgate.server.region;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A region (区划).
 *
 * @param code six digits, e.g. {@code 330000}
 * @param name e.g. 浙江省
 * @param parentCode the parent region, if any
 * @param caEnabled this region's own setting, {@code null} when it inherits its parent's
 * @param effectiveCaEnabled the setting in force after inheritance
 * @param createdAt when it was created
 */
public record Region(
    String code,
    String name,
    @Nullable String parentCode,
    @Nullable Boolean caEnabled,
    boolean effectiveCaEnabled,
    Instant createdAt) {}
