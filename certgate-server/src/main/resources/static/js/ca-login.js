// CA登录 tab: detect the local client, list signature certificates, 登录 + PIN → LOGIN challenge →
// the client signs → POST /api/auth/ca → 用户中心.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("ca");
  if (!panel || !panel.querySelector("select[name=certificate]")) return;
  const widget = CaWidget.attach(panel);

  document.querySelector(".tab[data-tab=ca]").addEventListener("click", widget.load);
  panel.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await widget.sign({ purpose: "LOGIN" }, (challengeId, token) =>
      CertGate.call("POST", "/api/auth/ca", { challengeId, token }));
    if (result) location.href = result.redirect || "/user-center";
  });
});
