// The local CA client (DESIGN §4) seen from a page: list certificates, sign a challenge with a PIN,
// and one Chinese message per error code of the client itself.
"use strict";

const CaAgent = (() => {
  // DESIGN §4 default; the server may configure another address (certgate.agent-url, in the layout)
  const meta = document.querySelector('meta[name="certgate-agent-url"]');
  const BASE = (meta && meta.content) || "http://127.0.0.1:27150";

  // Only the local client's own codes (DESIGN §4) and its absence: what happens on the user's
  // machine. The server's codes come with the server's message, shown as it is (ErrorCodes).
  const MESSAGES = {
    ORIGIN_NOT_ALLOWED: "CA客户端未允许本网站访问,请在客户端配置中加入本网站地址",
    BAD_REQUEST: "CA客户端拒绝了请求,请刷新页面后重试",
    TOKEN_NOT_PRESENT: "未检测到CA锁,请插入CA锁后点击【刷新证书】",
    CERT_NOT_FOUND: "未找到所选证书,请插入CA锁后点击【刷新证书】",
    NOT_SIGNATURE_CERT: "请选择数字签名的证书类型进行绑定",
    PIN_LOCKED: "PIN码已锁定,请联系CA服务商解锁",
    INTERNAL: "CA客户端内部错误,请重启CA客户端后重试",
    CLIENT_MISSING: "CA客户端驱动未安装,请下载",
  };

  function message(error) {
    if (error.code === "PIN_INCORRECT") {
      return error.retriesLeft != null ? `PIN码错误,还可尝试 ${error.retriesLeft} 次` : "PIN码错误";
    }
    return MESSAGES[error.code] || error.message || "操作失败";
  }

  /** A request to the client through the pages' one helper; its errors in the words above. */
  async function request(method, path, body) {
    try {
      return await CertGate.request(method, BASE + path, body, { mode: "cors" });
    } catch (e) {
      e.code = e.code === "UNREACHABLE" ? "CLIENT_MISSING" : e.code;
      e.message = message(e);
      throw e;
    }
  }

  /** Signature certificates of the inserted keys (encryption certificates are left out). */
  async function certificates() {
    const data = JSON.parse(await request("GET", "/v1/certificates"));
    return (data.certificates || []).filter((c) => c.signatureCapable);
  }

  /** The auth token (DESIGN §5) as the client returns it: JSON text, passed on unchanged. */
  function authenticate(certificateId, nonce, pin) {
    return request("POST", "/v1/authenticate", { certificateId, nonce, pin });
  }

  /** Fills a select with certificates: "CN (issuer) 到期 date". */
  function fill(select, certs) {
    select.length = 1;
    for (const c of certs) {
      const option = document.createElement("option");
      option.value = c.id;
      const until = (c.notAfter || "").substring(0, 10);
      option.textContent = `${c.commonName || c.subject} (${c.issuerCommonName || ""}) 到期 ${until}`;
      select.appendChild(option);
    }
  }

  return { certificates, authenticate, fill, message };
})();
