/**
 * The agent's configuration (DESIGN.md §4): a per-user properties file whose every key an
 * environment variable overrides, with defaults that work for the demo. It holds no secrets; PINs
 * are never configured.
 */
@NullMarked
package io.certgate.agent.config;

import org.jspecify.annotations.NullMarked;
