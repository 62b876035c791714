/**
 * The human-readable status page served at the agent's root: what it runs, what it sees, and what
 * to do when it sees nothing (zh-CN with English). It neither scans nor serves; the HTTP layer
 * hands it a scan.
 */
@NullMarked
package io.certgate.agent.status;

import org.jspecify.annotations.NullMarked;
