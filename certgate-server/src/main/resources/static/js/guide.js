// 操作指南: a platform administrator saves a region's own version of the guide.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("guide-form");
  if (!form) return;
  const region = document.getElementById("guide-region");
  const sync = () => { form.dataset.action = `/api/admin/guides/${encodeURIComponent(region.value)}`; };
  region.addEventListener("change", sync);
  sync();
});
