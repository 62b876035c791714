// The local CA client (DESIGN §4) seen from a page: list certificates, sign a challenge with a PIN,
// and one Chinese message per error code of the client and of the server's CA endpoints.
"use strict";

const CaAgent = (() => {
  // DESIGN §4 default; the server may configure another address (certgate.agent-url, in the layout)
  const meta = document.querySelector('meta[name="certgate-agent-url"]');
  const BASE = (meta && meta.content) || "http://127.0.0.1:27150";

  const MESSAGES = {
    // the local client
    ORIGIN_NOT_ALLOWED: "CA客户端未允许本网站访问,请在客户端配置中加入本网站地址",
    TOKEN_NOT_PRESENT: "未检测到CA锁,请插入CA锁后点击【刷新证书】",
    CERT_NOT_FOUND: "未找到所选证书,请插入CA锁后点击【刷新证书】",
    NOT_SIGNATURE_CERT: "请选择数字签名的证书类型进行绑定",
    PIN_LOCKED: "PIN码已锁定,请联系CA服务商解锁",
    INTERNAL: "CA客户端内部错误,请重启CA客户端后重试",
    CLIENT_MISSING: "CA客户端驱动未安装,请下载",
    // the server
    CHALLENGE_UNKNOWN: "操作已失效,请重新操作",
    CHALLENGE_EXPIRED: "操作超时,请重新操作",
    TOKEN_MALFORMED: "CA客户端返回的数据格式错误,请升级CA客户端",
    UNSUPPORTED_FORMAT: "CA客户端版本过旧,请下载最新版CA驱动",
    ALGORITHM_MISMATCH: "证书签名算法不匹配,请联系CA服务商",
    SIGNATURE_INVALID: "签名验证失败,请确认访问的是平台正式地址",
    CERT_MALFORMED: "证书格式错误,请联系CA服务商",
    CERT_EXPIRED: "证书已过期,请到CA服务商办理证书更新",
    CERT_NOT_YET_VALID: "证书尚未生效,请检查电脑时间或稍后再试",
    CERT_UNTRUSTED: "证书不受平台信任,请使用平台支持的CA服务商证书",
    CERT_REVOKED: "证书已被吊销,请联系CA服务商",
    REVOCATION_UNKNOWN: "暂时无法确认证书状态,请稍后再试",
    PROVIDER_DISABLED: "该CA服务商未在您所在区划开通",
    REGION_CA_DISABLED: "您所在的区划未开通CA业务",
    CA_NOT_BOUND: "该CA锁未绑定账号,请先使用账号密码登录,在CA用户管理中绑定后再使用CA登录",
    CA_ALREADY_BOUND: "该CA锁已绑定其他账号,一把CA锁只能绑定一个账号",
    ACCOUNT_DISABLED: "账号已停用,请联系机构管理员",
    ACCOUNT_LOCKED: "账号已锁定,请稍后再试",
    FORBIDDEN: "无权为该用户绑定或解绑CA",
    RATE_LIMITED: "操作过于频繁,请稍后再试",
  };

  function message(error) {
    if (error.code === "PIN_INCORRECT") {
      return error.retriesLeft != null ? `PIN码错误,还可尝试 ${error.retriesLeft} 次` : "PIN码错误";
    }
    return MESSAGES[error.code] || error.message || "操作失败";
  }

  function failure(code, text, retriesLeft) {
    const e = new Error(text || code);
    e.code = code;
    e.retriesLeft = retriesLeft;
    e.message = message(e);
    return e;
  }

  async function request(method, path, body) {
    let response;
    try {
      response = await fetch(BASE + path, {
        method,
        mode: "cors",
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      throw failure("CLIENT_MISSING");
    }
    const text = await response.text();
    if (!response.ok) {
      let err = {};
      try { err = JSON.parse(text).error || {}; } catch (e) { /* not JSON */ }
      throw failure(err.code || "INTERNAL", err.message, err.retriesLeft);
    }
    return text;
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

  /** A server error from CertGate.call, in the words above. */
  function serverMessage(e) {
    return MESSAGES[e.code] || e.message;
  }

  return { certificates, authenticate, fill, message, serverMessage };
})();
