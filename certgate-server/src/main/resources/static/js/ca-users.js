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
  const widget = CaWidget.attach(form);
  let userId = null;

  for (const button of document.querySelectorAll("button.bind")) {
    button.addEventListener("click", () => {
      const row = button.closest("tr");
      userId = Number(row.dataset.userId);
      form.organization.value = row.dataset.organization || "";
      form.user.value = row.dataset.userName;
      form.pin.value = "";
      dialog.showModal();
      widget.load();
    });
  }
  form.querySelector(".cancel").addEventListener("click", () => dialog.close());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const bound = await widget.sign({ purpose: "BIND", userId }, (challengeId, token) =>
      CertGate.call("POST", "/api/ca/bindings", { userId, challengeId, token }));
    if (bound) {
      dialog.close();
      location.reload();
    }
  });
});
