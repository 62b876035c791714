// CA服务商管理: provider create/update (nested revocation JSON), region lists, drivers.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("provider-form");
  const show = (f, e) => { f.querySelector(".form-error").textContent = e.message; };
  let method = "POST";
  for (const b of form.querySelectorAll("button[type=submit]")) {
    b.addEventListener("click", () => { method = b.dataset.method; });
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const opt = (v) => (v.trim() === "" ? undefined : v.trim());
    const body = {
      code: form.code.value.trim(),
      name: form.name.value.trim(),
      enabled: form.enabled.value === "true",
      lockId: form.lockId.value.trim(),
      revocation: {
        mode: form.mode.value,
        failure: form.failure.value,
        crlUrls: form.crlUrls.value.split("\n").map((s) => s.trim()).filter(Boolean),
        ocspUrl: opt(form.ocspUrl.value),
      },
      anchors: form.anchors.value,
      applicationUrl: opt(form.applicationUrl.value),
    };
    const url = method === "POST" ? "/api/admin/providers" : `/api/admin/providers/${encodeURIComponent(body.code)}`;
    try { await CertGate.call(method, url, body); location.reload(); } catch (e) { show(form, e); }
  });
  for (const f of document.querySelectorAll("form.region-providers")) {
    f.addEventListener("submit", async (event) => {
      event.preventDefault();
      const codes = [...f.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
      try {
        await CertGate.call("PUT", `/api/admin/regions/${f.dataset.region}/providers`, codes);
        location.reload();
      } catch (e) { show(f, e); }
    });
  }
  const drivers = document.getElementById("driver-form");
  drivers.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { name: drivers.name.value.trim(), version: drivers.version.value.trim(), url: drivers.url.value.trim() };
    try {
      await CertGate.call("POST", `/api/admin/providers/${encodeURIComponent(drivers.provider.value)}/drivers`, body);
      location.reload();
    } catch (e) { show(drivers, e); }
  });
  for (const b of document.querySelectorAll("button.delete-driver")) {
    b.addEventListener("click", async () => {
      if (!confirm("确定删除该驱动吗?")) return;
      try { await CertGate.call("DELETE", `/api/admin/drivers/${b.dataset.id}`); location.reload(); } catch (e) { alert(e.message); }
    });
  }
});
