// Shared browser helpers: JSON calls with the CSRF double-submit of DESIGN §6, generic admin forms.
"use strict";

const CertGate = (() => {
  function cookie(name) {
    const match = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : "";
  }

  async function call(method, url, body) {
    if (!cookie("XSRF-TOKEN")) {
      await fetch("/api/session", { credentials: "same-origin" });
    }
    const init = { method, credentials: "same-origin", headers: { "X-XSRF-TOKEN": cookie("XSRF-TOKEN") } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    const data = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = new Error(data.message || "请求失败");
      error.code = data.error;
      throw error;
    }
    return data;
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

  document.addEventListener("DOMContentLoaded", bindApiForms);
  return { call, cookie };
})();
