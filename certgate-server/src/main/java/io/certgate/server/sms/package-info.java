/**
 * SMS verification codes: issuing (6 digits, valid 5 minutes, single use, at most 5 tries), the
 * sending limits (once a minute and 10 a day per mobile and per client IP), and the {@link
 * io.certgate.server.sms.SmsGateway} that delivers them (a log for the demo, an HTTP gateway in
 * production). It does not know accounts: callers decide whether a mobile may receive a code.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"api", "limit"})
package io.certgate.server.sms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
