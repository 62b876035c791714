// CA登录 tab: detect the local client, list signature certificates, 登录 + PIN → LOGIN challenge →
// the client signs → POST /api/auth/ca → 用户中心.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("ca");
  if (!panel || !panel.querySelector("select[name=certificate]")) return;
  const select = panel.querySelector("select[name=certificate]");
  const pin = panel.querySelector("input[name=pin]");
  const error = panel.querySelector(".form-error");
  const status = panel.querySelector(".ca-status");
  const noClient = panel.querySelector(".no-client");

  async function detect() {
    error.textContent = "";
    noClient.classList.add("hidden");
    status.textContent = "正在检测CA驱动…";
    try {
      const certs = await CaAgent.certificates();
      CaAgent.fill(select, certs);
      status.textContent = certs.length ? `检测完成,发现 ${certs.length} 个数字签名证书` : "未检测到CA锁,请插入CA锁后点击【刷新证书】";
    } catch (e) {
      CaAgent.fill(select, []);
      status.textContent = "";
      if (e.code === "CLIENT_MISSING") noClient.classList.remove("hidden");
      else error.textContent = e.message;
    }
  }

  document.querySelector(".tab[data-tab=ca]").addEventListener("click", detect);
  panel.querySelector(".refresh-certs").addEventListener("click", detect);
  panel.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!select.value) { error.textContent = "请选择证书"; return; }
    if (!pin.value) { error.textContent = "请输入PIN码"; pin.focus(); return; }
    const secret = pin.value;
    pin.value = "";
    try {
      const challenge = await CertGate.call("POST", "/api/ca/challenges", { purpose: "LOGIN" });
      const token = await CaAgent.authenticate(select.value, challenge.nonce, secret);
      const result = await CertGate.call("POST", "/api/auth/ca", { challengeId: challenge.challengeId, token });
      location.href = result.redirect || "/user-center";
    } catch (e) {
      error.textContent = e.message;
    }
  });
});
