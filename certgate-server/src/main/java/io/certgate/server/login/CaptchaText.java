package io.certgate.server.login;

/** Chooses the characters of a new captcha. A seam so tests can learn answers; nothing else. */
interface CaptchaText {
  String next();
}
