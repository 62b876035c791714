// The CA block of a page (templates: fragments :: caKey): lists the signature certificates of the
// inserted keys and signs a challenge with the chosen one and its PIN. One module for every page
// that needs the local CA client: CA登录 (ca-login.js) and the 绑定 dialog (ca-users.js).
"use strict";

const CaWidget = (() => {
  /** Binds the block inside root; returns { load, sign }. */
  function attach(root) {
    const select = root.querySelector("select[name=certificate]");
    const pin = root.querySelector("input[name=pin]");
    const error = root.querySelector(".form-error");
    const status = root.querySelector(".ca-status");
    const noClient = root.querySelector(".no-client");

    /** Asks the client for its certificates and fills the select; says what it found. */
    async function load() {
      error.textContent = "";
      noClient.classList.add("hidden");
      status.textContent = "正在检测CA驱动…";
      try {
        const certs = await CaAgent.certificates();
        CaAgent.fill(select, certs);
        status.textContent = certs.length
          ? `检测完成,发现 ${certs.length} 个数字签名证书`
          : "未检测到数字签名证书,请插入CA锁后点击【刷新证书】";
      } catch (e) {
        CaAgent.fill(select, []);
        status.textContent = "";
        if (e.code === "CLIENT_MISSING") noClient.classList.remove("hidden");
        else error.textContent = e.message;
      }
    }

    /**
     * Challenge → sign → post: asks the server for a challenge (challengeRequest), has the client
     * sign its nonce with the chosen certificate and the PIN (cleared from the field at once), and
     * hands challengeId and token to post. Resolves to post's result, or undefined after showing
     * why it stopped.
     */
    async function sign(challengeRequest, post) {
      error.textContent = "";
      if (!select.value) { error.textContent = "请选择数字签名的证书"; return undefined; }
      if (!pin.value) { error.textContent = "请输入PIN码"; pin.focus(); return undefined; }
      const secret = pin.value;
      pin.value = "";
      try {
        const challenge = await CertGate.call("POST", "/api/ca/challenges", challengeRequest);
        const token = await CaAgent.authenticate(select.value, challenge.nonce, secret);
        return await post(challenge.challengeId, token);
      } catch (e) {
        error.textContent = e.message;
        return undefined;
      }
    }

    root.querySelector(".refresh-certs").addEventListener("click", load);
    return { load, sign };
  }

  return { attach };
})();
