// 用户登录: tabs, captcha, password and SMS login, 记住用户名, 忘记用户名 / 忘记密码.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const policy = document.body.dataset.captchaPolicy;
  const panels = ["account", "ca", "sms", "forgot-username", "forgot-password"].map((id) => document.getElementById(id));
  const captchaIds = new Map();

  async function refreshCaptcha(panel) {
    const img = panel.querySelector(".captcha-img");
    if (!img) return;
    const row = img.closest(".captcha-row");
    if (policy === "off") { row.classList.add("hidden"); return; }
    if (policy === "after-failures" && !panel.dataset.needCaptcha) { row.classList.add("hidden"); return; }
    row.classList.remove("hidden");
    const data = await CertGate.call("GET", "/api/captcha");
    captchaIds.set(panel.id, data.captchaId);
    img.src = data.image;
    panel.querySelector("input[name=captcha]").value = "";
  }

  function show(id) {
    for (const p of panels) p.classList.toggle("hidden", p.id !== id);
    for (const t of document.querySelectorAll(".tab")) {
      t.classList.toggle("active", t.dataset.tab === id);
      t.setAttribute("aria-selected", String(t.dataset.tab === id));
    }
    const panel = document.getElementById(id);
    refreshCaptcha(panel).catch(() => {});
  }

  function captchaOf(panel) {
    const input = panel.querySelector("input[name=captcha]");
    return { captchaId: captchaIds.get(panel.id) || null, captcha: input && input.value ? input.value : null };
  }

  async function submit(panel, action) {
    const error = panel.querySelector(".form-error");
    error.textContent = "";
    try {
      await action();
    } catch (e) {
      error.textContent = e.message;
      if (e.code === "CAPTCHA_INVALID" || e.code === "BAD_CREDENTIALS") panel.dataset.needCaptcha = "1";
      refreshCaptcha(panel).catch(() => {});
    }
  }

  // set once the user picks a tab or link, so the first show() below cannot undo that choice
  let chosen = false;
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => { chosen = true; show(tab.dataset.tab); });
  for (const link of document.querySelectorAll("[data-open]")) {
    link.addEventListener("click", (e) => { e.preventDefault(); chosen = true; show(link.dataset.open); });
  }
  for (const img of document.querySelectorAll(".captcha-img")) {
    img.addEventListener("click", () => refreshCaptcha(img.closest(".panel")).catch(() => {}));
  }

  const account = document.getElementById("account");
  const remembered = localStorage.getItem("certgate.username");
  if (remembered) { account.username.value = remembered; account.remember.checked = true; }
  account.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(account, async () => {
      const body = { username: account.username.value.trim(), password: account.password.value, ...captchaOf(account) };
      const result = await CertGate.call("POST", "/api/auth/password", body);
      if (account.remember.checked) localStorage.setItem("certgate.username", body.username);
      else localStorage.removeItem("certgate.username");
      location.href = result.redirect;
    });
  });

  for (const button of document.querySelectorAll(".send-code")) {
    button.addEventListener("click", () => {
      const panel = button.closest(".panel");
      submit(panel, async () => {
        const body = { mobile: panel.mobile.value.trim(), purpose: button.dataset.purpose, ...captchaOf(panel) };
        await CertGate.call("POST", "/api/sms/codes", body);
        button.disabled = true;
        let left = 60;
        const timer = setInterval(() => {
          button.textContent = left-- > 0 ? left + "秒后重发" : "获取验证码";
          if (left < 0) { clearInterval(timer); button.disabled = false; }
        }, 1000);
        refreshCaptcha(panel).catch(() => {});
      });
    });
  }

  const sms = document.getElementById("sms");
  sms.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(sms, async () => {
      const result = await CertGate.call("POST", "/api/auth/sms", { mobile: sms.mobile.value.trim(), code: sms.code.value.trim() });
      location.href = result.redirect;
    });
  });

  const fu = document.getElementById("forgot-username");
  fu.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(fu, async () => {
      const result = await CertGate.call("POST", "/api/recovery/username", { mobile: fu.mobile.value.trim(), code: fu.code.value.trim() });
      fu.querySelector(".form-result").textContent = "您的用户名是:" + result.username;
    });
  });

  const fp = document.getElementById("forgot-password");
  fp.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(fp, async () => {
      await CertGate.call("POST", "/api/recovery/password", { mobile: fp.mobile.value.trim(), code: fp.code.value.trim(), newPassword: fp.newPassword.value });
      fp.querySelector(".form-result").textContent = "密码已重置,请使用新密码登录。";
    });
  });

  fetch("/api/session", { credentials: "same-origin" }).finally(() => { if (!chosen) show("account"); });
});
