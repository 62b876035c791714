// 用户中心 › 修改密码: the current password, the new one twice (compared here, before anything is sent).
// The server checks the current password, counts a wrong one like a failed login and ends the user's
// other sessions; this page's session goes on.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("password-change");
  if (!form) return;
  const error = form.querySelector(".form-error");
  const result = form.querySelector(".form-result");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    result.textContent = "";
    if (form.newPassword.value !== form.confirmPassword.value) {
      error.textContent = "两次输入的新密码不一致";
      return;
    }
    try {
      await CertGate.call("PUT", "/api/account/password",
        { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      form.reset();
      CertGate.hidePasswords(form);
      result.textContent = "密码已修改。您在其他地方的登录已退出,下次请使用新密码登录。";
    } catch (e) {
      error.textContent = e.message;
    }
  });
});
