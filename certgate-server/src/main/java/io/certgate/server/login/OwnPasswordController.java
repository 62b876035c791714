package io.certgate.server.login;

import io.certgate.server.account.AccountPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/account/password}: the signed-in user's 修改密码 ({@link OwnPasswords}). */
@RestController
class OwnPasswordController {
  private final OwnPasswords passwords;

  OwnPasswordController(OwnPasswords passwords) {
    this.passwords = passwords;
  }

  record PasswordChange(
      @NotBlank @Size(max = 128) String currentPassword,
      @NotBlank @Size(max = 64) String newPassword) {}

  @PutMapping("/api/account/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void change(
      @Valid @RequestBody PasswordChange body, @AuthenticationPrincipal AccountPrincipal me) {
    passwords.change(me.id(), body.currentPassword(), body.newPassword());
  }
}
