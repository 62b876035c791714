// Shared browser helpers: the one request helper (platform API and local CA client), JSON calls with
// the CSRF double-submit of DESIGN §6, generic admin forms, the 显示密码 toggle of password fields.
"use strict";

const CertGate = (() => {
  function cookie(name) {
    const match = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : "";
  }

  /**
   * The one HTTP helper of the pages: sends a JSON body, resolves to the answer's text. A failed
   * answer throws an Error with code, message and retriesLeft, read from a JSON error body — the
   * server's {"error":CODE,"message"} or the local client's {"error":{code,message,retriesLeft}}.
   * An error page that is not JSON (a proxy's 502) is not parsed: it becomes INTERNAL. A request
   * that gets no answer at all throws code UNREACHABLE.
   */
  async function request(method, url, body, init = {}) {
    const options = { ...init, method, headers: { ...(init.headers || {}) } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, options);
    } catch (e) {
      throw failure("UNREACHABLE", "网络连接失败,请稍后再试");
    }
    const text = await response.text();
    if (response.ok) return text;
    const json = (response.headers.get("Content-Type") || "").includes("json");
    let data = {};
    if (json) {
      try { data = JSON.parse(text); } catch (e) { /* a broken body reads as no detail */ }
    }
    const detail = typeof data.error === "object" && data.error !== null
      ? data.error
      : { code: data.error, message: data.message };
    throw failure(detail.code || "INTERNAL",
      detail.message || `服务暂不可用(HTTP ${response.status}),请稍后再试`, detail.retriesLeft);
  }

  function failure(code, message, retriesLeft) {
    const error = new Error(message);
    error.code = code;
    error.retriesLeft = retriesLeft;
    return error;
  }

  /** A call to the platform's JSON API with the CSRF double-submit of DESIGN §6. */
  async function call(method, url, body) {
    if (!cookie("XSRF-TOKEN")) {
      await fetch("/api/session", { credentials: "same-origin" });
    }
    const text = await request(method, url, body, {
      credentials: "same-origin",
      headers: { "X-XSRF-TOKEN": cookie("XSRF-TOKEN") },
    });
    return text ? JSON.parse(text) : {};
  }

  // Reads a form into JSON; data-type says how: optional (empty = absent), tristate (""/true/false),
  // number-optional, list (one value as a one-element array).
  function formJson(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      const type = el.dataset.type || "";
      const value = el.value;
      if (type === "optional" || type === "number-optional") {
        if (value !== "") out[el.name] = type === "optional" ? value : Number(value);
      } else if (type === "tristate") {
        out[el.name] = value === "" ? null : value === "true";
      } else if (type === "list") {
        out[el.name] = [value];
      } else {
        out[el.name] = value;
      }
    }
    return out;
  }

  function bindApiForms() {
    for (const form of document.querySelectorAll("form.api-form")) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const error = form.querySelector(".form-error");
        if (error) error.textContent = "";
        try {
          await call(form.dataset.method, form.dataset.action, formJson(form));
          location.reload();
        } catch (e) {
          if (error) error.textContent = e.message;
        }
      });
    }
    for (const button of document.querySelectorAll("button.logout")) {
      button.addEventListener("click", async () => {
        try { await call("POST", "/api/auth/logout"); } finally { location.href = "/login"; }
      });
    }
  }

  // 显示密码 (ASVS 2.1.12): a button after every password field marked data-reveal shows what was typed,
  // and hides it again.
  function bindRevealButtons() {
    for (const input of document.querySelectorAll("input[type=password][data-reveal]")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link reveal";
      button.addEventListener("click", () => {
        reveal(input, input.type === "password");
        input.focus();
      });
      input.revealButton = button;
      input.insertAdjacentElement("afterend", button);
      reveal(input, false);
    }
  }

  function reveal(input, shown) {
    input.type = shown ? "text" : "password";
    const button = input.revealButton;
    if (!button) return;
    button.textContent = shown ? "隐藏" : "显示";
    button.setAttribute("aria-label", shown ? "隐藏密码" : "显示密码");
    button.setAttribute("aria-pressed", String(shown));
  }

  /** Hides every revealed password of a form again (after it was sent). */
  function hidePasswords(form) {
    for (const input of form.querySelectorAll("input[data-reveal]")) reveal(input, false);
  }

  document.addEventListener("DOMContentLoaded", bindApiForms);
  document.addEventListener("DOMContentLoaded", bindRevealButtons);
  return { call, cookie, request, hidePasswords };
})();
