/**
 * The web shell: Spring Security (session cookie, CSRF double-submit of DESIGN.md §6, security
 * headers, JSON 401/403), the login page, the user centre, the admin layout and its menu. Feature
 * pages (regions, organisations, users, audit) live with their features and use this layout.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"account", "api", "login", "region"})
package io.certgate.server.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
