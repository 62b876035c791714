// CA用户管理 and CA绑定列表: the 绑定 dialog (local client → BIND challenge → token → binding),
// 解除绑定 per row and for the checked rows, with confirmation.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const pageError = document.getElementById("page-error");
  const dialog = document.getElementById("bind-dialog");

  async function unbind(ids, label) {
    if (ids.length === 0) {
      pageError.textContent = "请先勾选已绑定的用户";
      return;
    }
    if (!confirm(`确定解除绑定${label}吗?解除后该CA锁将不能登录此账号。`)) return;
    try {
      for (const id of ids) await CertGate.call("DELETE", `/api/ca/bindings/${id}`);
      location.reload();
    } catch (e) {
      pageError.textContent = e.message;
    }
  }

  for (const button of document.querySelectorAll("button.unbind")) {
    button.addEventListener("click", () => unbind([button.dataset.bindingId], `CA锁 ${button.dataset.lock}`));
  }
  const bulk = document.getElementById("bulk-unbind");
  if (bulk) {
    bulk.addEventListener("click", () => {
      const ids = [...document.querySelectorAll(".row-check:checked")]
        .flatMap((c) => (c.dataset.bindingIds || "").split(",").filter(Boolean));
      unbind(ids, `所选 ${ids.length} 个CA`);
    });
  }
  const all = document.getElementById("check-all");
  if (all) {
    all.addEventListener("change", () => {
      for (const c of document.querySelectorAll(".row-check:not(:disabled)")) c.checked = all.checked;
    });
  }
  for (const select of document.querySelectorAll("select.autosubmit")) {
    select.addEventListener("change", () => select.form.submit());
  }
  if (!dialog) return;

  const form = document.getElementById("bind-form");
  const error = form.querySelector(".form-error");
  const noClient = document.getElementById("no-client");
  let userId = null;

  async function loadCertificates() {
    error.textContent = "";
    noClient.classList.add("hidden");
    try {
      const certs = await CaAgent.certificates();
      CaAgent.fill(form.certificate, certs);
      if (certs.length === 0) error.textContent = "未检测到数字签名证书,请插入CA锁后点击【刷新证书】";
    } catch (e) {
      CaAgent.fill(form.certificate, []);
      if (e.code === "CLIENT_MISSING") noClient.classList.remove("hidden");
      else error.textContent = e.message;
    }
  }

  for (const button of document.querySelectorAll("button.bind")) {
    button.addEventListener("click", () => {
      const row = button.closest("tr");
      userId = Number(row.dataset.userId);
      form.organization.value = row.dataset.organization || "";
      form.user.value = row.dataset.userName;
      form.pin.value = "";
      dialog.showModal();
      loadCertificates();
    });
  }
  document.getElementById("refresh-certs").addEventListener("click", loadCertificates);
  form.querySelector(".cancel").addEventListener("click", () => dialog.close());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!form.certificate.value) { error.textContent = "请选择数字签名的证书类型进行绑定"; return; }
    if (!form.pin.value) { error.textContent = "请输入PIN码"; return; }
    const pin = form.pin.value;
    form.pin.value = "";
    try {
      const challenge = await CertGate.call("POST", "/api/ca/challenges", { purpose: "BIND", userId });
      const token = await CaAgent.authenticate(form.certificate.value, challenge.nonce, pin);
      await CertGate.call("POST", "/api/ca/bindings", { userId, challengeId: challenge.challengeId, token });
      dialog.close();
      location.reload();
    } catch (e) {
      error.textContent = e.message;
    }
  });
});
