/**
 * The CA用户管理 listing's machinery, internal to the binding module (Spring Modulith keeps other
 * modules out of sub-packages): who may see which rows as SQL conditions ({@link
 * io.certgate.server.binding.internal.ListingScope}), the page ids and totals of the users listing
 * ({@link io.certgate.server.binding.internal.UserPages}), the per-node totals and in-memory
 * indexes of large organisations, kept exact by {@code listing_version}. The listings themselves,
 * and their rows, are read by the binding module's {@code BindingQueries}.
 */
@NullMarked
package io.certgate.server.binding.internal;

import org.jspecify.annotations.NullMarked;
