package io.certgate.server.api;

import io.certgate.core.ErrorCode;

/** HTTP status and default Chinese message of every error code, as fixed by DESIGN.md §6. */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** The HTTP status for a code: 400 malformed, 401 failed login, 403, 404, 409, 422, 429. */
  public static int status(ErrorCode code) {
    return switch (code) {
      case TOKEN_MALFORMED,
          CERT_MALFORMED,
          UNSUPPORTED_FORMAT,
          BAD_REQUEST,
          CHALLENGE_UNKNOWN,
          CHALLENGE_EXPIRED ->
          400;
      case BAD_CREDENTIALS, ACCOUNT_DISABLED, ACCOUNT_LOCKED, CAPTCHA_INVALID, UNAUTHENTICATED ->
          401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CA_ALREADY_BOUND -> 409;
      case RATE_LIMITED -> 429;
      default -> 422;
    };
  }

  /**
   * The HTTP status of a refused login: 401 for every refusal of the credentials, the certificate
   * or the account (the 422 of a certificate refused on bind is for a form the user is filling in,
   * not for a login); malformed input stays 400 and a rate limit 429.
   */
  public static int loginStatus(ErrorCode code) {
    int status = status(code);
    return status == 422 ? 401 : status;
  }

  /** The default Chinese message for a code. */
  public static String message(ErrorCode code) {
    return switch (code) {
      case CHALLENGE_UNKNOWN -> "挑战无效或已使用,请重新操作";
      case CHALLENGE_EXPIRED -> "挑战已过期,请重新操作";
      case TOKEN_MALFORMED -> "认证数据格式错误";
      case UNSUPPORTED_FORMAT -> "不支持的认证数据格式";
      case ALGORITHM_MISMATCH -> "签名算法与证书密钥不匹配";
      case SIGNATURE_INVALID -> "签名验证失败";
      case CERT_MALFORMED -> "证书格式错误";
      case CERT_EXPIRED -> "证书已过期";
      case CERT_NOT_YET_VALID -> "证书尚未生效";
      case CERT_UNTRUSTED -> "证书不受信任";
      case CERT_REVOKED -> "证书已被吊销";
      case REVOCATION_UNKNOWN -> "无法确认证书吊销状态";
      case NOT_SIGNATURE_CERT -> "请选择数字签名的证书";
      case PROVIDER_DISABLED -> "该CA服务商未启用";
      case REGION_CA_DISABLED -> "所在区划未开通CA业务";
      case CA_NOT_BOUND -> "该CA锁未绑定账号";
      case CA_ALREADY_BOUND -> "该CA锁已绑定其他账号";
      case ACCOUNT_DISABLED -> "账号已停用";
      case ACCOUNT_LOCKED -> "账号已锁定,请稍后再试";
      case FORBIDDEN -> "无权执行此操作";
      case RATE_LIMITED -> "操作过于频繁,请稍后再试";
      case CAPTCHA_INVALID -> "验证码错误或已过期";
      case BAD_CREDENTIALS -> "用户名或密码错误,或暂时无法使用密码登录";
      case UNAUTHENTICATED -> "请先登录";
      case BAD_REQUEST -> "请求格式错误";
      case NOT_FOUND -> "资源不存在";
    };
  }
}
