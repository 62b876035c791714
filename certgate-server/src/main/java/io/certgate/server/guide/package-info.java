/**
 * 操作指南: the CA binding and login guide as a page anyone can read without logging in, and each
 * region's own version (written by a platform administrator) shown to its users after login. The
 * guide is text only: stored as written and escaped on output.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "region"})
package io.certgate.server.guide;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
