/*
 * A software SKF library (GM/T 0016-2012 interface) for the agent's tests and the demo: USB keys
 * without hardware. Test-only; it protects nothing.
 *
 * Everything lives in files under the folder named by CERTGATE_SOFTSKF_DIR, read again at every call
 * so that tests can plug and unplug devices by moving folders:
 *
 *   <dir>/<device>/manufacturer, serial            text, optional
 *   <dir>/<device>/<application>/user.pin          the user PIN
 *   <dir>/<device>/<application>/max_tries         tries before the PIN locks (default 6)
 *   <dir>/<device>/<application>/tries_left        written here as PINs are tried
 *   <dir>/<device>/<application>/<container>/sign.key   PEM private key (SM2 or RSA)
 *   <dir>/<device>/<application>/<container>/sign.crt   DER signing certificate
 *   <dir>/<device>/<application>/<container>/enc.crt    DER encryption certificate, optional
 *   <dir>/calls.log                                appended: one line per call (name and result)
 *
 * The quirks — CERTGATE_SOFTSKF_QUIRKS, or when it is unset the file <dir>/quirks, read at every
 * call, comma-separated — imitate vendor libraries that are not exact: single-nul (name lists end
 * with one NUL), pem-cert / base64-cert (certificates exported as text), hang:<function> (the call
 * blocks until the quirk is removed), sar:<function>:<hex> (the call returns that code),
 * crash:<function> (the call crashes the process with SIGSEGV). Built with -DSOFTSKF_NO_PININFO it has no SKF_GetPINInfo, with
 * -DSOFTSKF_NO_SIGN no SKF_ECCSignData (a library that lacks functions).
 */
#include <dirent.h>
#include <errno.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef uint32_t ULONG;
typedef int32_t BOOL;
typedef uint8_t BYTE;
typedef char *LPSTR;
typedef void *HANDLE;

#define EXPORT __attribute__((visibility("default")))

#define SAR_OK 0x00000000
#define SAR_FAIL 0x0A000001
#define SAR_INVALIDHANDLEERR 0x0A000005
#define SAR_INVALIDPARAMERR 0x0A000006
#define SAR_READFILEERR 0x0A000007
#define SAR_KEYNOTFOUNTERR 0x0A00001B
#define SAR_CERTNOTFOUNTERR 0x0A00001C
#define SAR_BUFFER_TOO_SMALL 0x0A000020
#define SAR_DEVICE_REMOVED 0x0A000023
#define SAR_PIN_INCORRECT 0x0A000024
#define SAR_PIN_LOCKED 0x0A000025
#define SAR_USER_TYPE_INVALID 0x0A00002A
#define SAR_USER_NOT_LOGGED_IN 0x0A00002D
#define SAR_APPLICATION_NOT_EXISTS 0x0A00002E

#define USER_TYPE 1
#define PATH_LEN 1024

#pragma pack(push, 1)
typedef struct {
  BYTE major;
  BYTE minor;
} VERSION;

typedef struct {
  VERSION Version;
  char Manufacturer[64];
  char Issuer[64];
  char Label[32];
  char SerialNumber[32];
  VERSION HWVersion;
  VERSION FirmwareVersion;
  ULONG AlgSymCap;
  ULONG AlgAsymCap;
  ULONG AlgHashCap;
  ULONG DevAuthAlgId;
  ULONG TotalSpace;
  ULONG FreeSpace;
  ULONG MaxECCBufferSize;
  ULONG MaxBufferSize;
  BYTE Reserved[64];
} DEVINFO;

typedef struct {
  BYTE r[64];
  BYTE s[64];
} ECCSIGNATUREBLOB;
#pragma pack(pop)

/* One handle kind for devices, applications and containers: the folder it stands for. */
typedef struct {
  uint32_t magic;
  char path[PATH_LEN];
  char app[PATH_LEN]; /* containers: their application's folder (the PIN state) */
} Handle;

#define MAGIC_DEV 0x44455631
#define MAGIC_APP 0x41505031
#define MAGIC_CON 0x434f4e31

/* Logged-in applications (the security state of a key), by folder. */
static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static char logged_in[64][PATH_LEN];

static const char *root(void) {
  const char *d = getenv("CERTGATE_SOFTSKF_DIR");
  return d ? d : "/nonexistent";
}

/* The quirks in force now: the environment variable, else the file <dir>/quirks. */
static const char *quirks(void) {
  static __thread char from_file[1024];
  const char *q = getenv("CERTGATE_SOFTSKF_QUIRKS");
  if (q) return q;
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/quirks", root());
  from_file[0] = '\0';
  FILE *f = fopen(path, "r");
  if (f) {
    size_t n = fread(from_file, 1, sizeof from_file - 1, f);
    fclose(f);
    while (n > 0 && (from_file[n - 1] == '\n' || from_file[n - 1] == '\r')) n--;
    from_file[n] = '\0';
  }
  return from_file;
}

static int quirk(const char *name) {
  const char *q = quirks();
  size_t n = strlen(name);
  for (const char *p = q; (p = strstr(p, name)) != NULL; p += n) {
    int starts = p == q || p[-1] == ',';
    int ends = p[n] == '\0' || p[n] == ',' || p[n] == ':';
    if (starts && ends) return 1;
  }
  return 0;
}

static void record(const char *function, ULONG rv) {
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/calls.log", root());
  FILE *f = fopen(path, "a");
  if (f) {
    fprintf(f, "%s %08X\n", function, rv);
    fclose(f);
  }
}

/* hang:<function> blocks while set; sar:<function>:<hex> replaces the result. */
static int injected(const char *function, ULONG *rv) {
  char key[128];
  snprintf(key, sizeof key, "hang:%s", function);
  while (quirk(key)) usleep(50000);
  snprintf(key, sizeof key, "crash:%s", function);
  if (quirk(key)) raise(SIGSEGV);
  const char *q = quirks();
  snprintf(key, sizeof key, "sar:%s:", function);
  const char *p = q ? strstr(q, key) : NULL;
  if (p) {
    *rv = (ULONG)strtoul(p + strlen(key), NULL, 16);
    return 1;
  }
  return 0;
}

#define ENTER(name)                      \
  ULONG injected_rv;                     \
  if (injected(name, &injected_rv)) {    \
    record(name, injected_rv);           \
    return injected_rv;                  \
  }
#define LEAVE(name, value)   \
  do {                       \
    ULONG leave_rv = (value); \
    record(name, leave_rv);  \
    return leave_rv;         \
  } while (0)

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int read_text(const char *dir, const char *name, char *out, size_t size) {
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  size_t n = fread(out, 1, size - 1, f);
  fclose(f);
  while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r')) n--;
  out[n] = '\0';
  return 1;
}

static void write_number(const char *dir, const char *name, long value) {
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (f) {
    fprintf(f, "%ld\n", value);
    fclose(f);
  }
}

static long read_number(const char *dir, const char *name, long fallback) {
  char text[32];
  return read_text(dir, name, text, sizeof text) ? strtol(text, NULL, 10) : fallback;
}

static int visible(const struct dirent *e) {
  return e->d_name[0] != '.';
}

/* The sub-folders of a folder as an SKF name list: "a\0b\0\0" (or "a\0b\0" with single-nul). */
static ULONG name_list(const char *dir, LPSTR out, ULONG *size) {
  if (!size) return SAR_INVALIDPARAMERR;
  struct dirent **entries;
  int n = scandir(dir, &entries, visible, alphasort);
  char list[8192];
  size_t used = 0;
  for (int i = 0; i < n; i++) {
    char sub[PATH_LEN];
    snprintf(sub, sizeof sub, "%s/%s", dir, entries[i]->d_name);
    size_t len = strlen(entries[i]->d_name) + 1;
    if (is_dir(sub) && used + len + 1 < sizeof list) {
      memcpy(list + used, entries[i]->d_name, len);
      used += len;
    }
    free(entries[i]);
  }
  if (n >= 0) free(entries);
  if (used == 0) list[used++] = '\0';
  if (!quirk("single-nul")) list[used++] = '\0';
  if (!out) {
    *size = (ULONG)used;
    return SAR_OK;
  }
  if (*size < used) {
    *size = (ULONG)used;
    return SAR_BUFFER_TOO_SMALL;
  }
  memcpy(out, list, used);
  *size = (ULONG)used;
  return SAR_OK;
}

static Handle *handle(HANDLE h, uint32_t magic) {
  Handle *p = (Handle *)h;
  return p && p->magic == magic ? p : NULL;
}

static Handle *new_handle(uint32_t magic, const char *path, const char *app) {
  Handle *h = calloc(1, sizeof *h);
  h->magic = magic;
  snprintf(h->path, sizeof h->path, "%s", path);
  snprintf(h->app, sizeof h->app, "%s", app);
  return h;
}

static ULONG close_handle(HANDLE h, uint32_t magic) {
  Handle *p = handle(h, magic);
  if (!p) return SAR_INVALIDHANDLEERR;
  p->magic = 0;
  free(p);
  return SAR_OK;
}

static void set_logged_in(const char *app, int on) {
  pthread_mutex_lock(&state_lock);
  int free_slot = -1;
  for (int i = 0; i < 64; i++) {
    if (strcmp(logged_in[i], app) == 0) {
      if (!on) logged_in[i][0] = '\0';
      pthread_mutex_unlock(&state_lock);
      return;
    }
    if (free_slot < 0 && logged_in[i][0] == '\0') free_slot = i;
  }
  if (on && free_slot >= 0) snprintf(logged_in[free_slot], PATH_LEN, "%s", app);
  pthread_mutex_unlock(&state_lock);
}

static int is_logged_in(const char *app) {
  pthread_mutex_lock(&state_lock);
  int found = 0;
  for (int i = 0; i < 64 && !found; i++) found = app[0] && strcmp(logged_in[i], app) == 0;
  pthread_mutex_unlock(&state_lock);
  return found;
}

static EVP_PKEY *load_key(const char *container) {
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/sign.key", container);
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  EVP_PKEY *key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
  fclose(f);
  return key;
}

EXPORT ULONG SKF_EnumDev(BOOL bPresent, LPSTR szNameList, ULONG *pulSize) {
  (void)bPresent;
  ENTER("SKF_EnumDev");
  LEAVE("SKF_EnumDev", name_list(root(), szNameList, pulSize));
}

EXPORT ULONG SKF_ConnectDev(LPSTR szName, HANDLE *phDev) {
  ENTER("SKF_ConnectDev");
  char path[PATH_LEN];
  if (!szName || !phDev || strchr(szName, '/')) LEAVE("SKF_ConnectDev", SAR_INVALIDPARAMERR);
  snprintf(path, sizeof path, "%s/%s", root(), szName);
  if (!is_dir(path)) LEAVE("SKF_ConnectDev", SAR_DEVICE_REMOVED);
  *phDev = new_handle(MAGIC_DEV, path, "");
  LEAVE("SKF_ConnectDev", SAR_OK);
}

EXPORT ULONG SKF_DisConnectDev(HANDLE hDev) {
  ENTER("SKF_DisConnectDev");
  LEAVE("SKF_DisConnectDev", close_handle(hDev, MAGIC_DEV));
}

EXPORT ULONG SKF_GetDevInfo(HANDLE hDev, DEVINFO *pDevInfo) {
  ENTER("SKF_GetDevInfo");
  Handle *dev = handle(hDev, MAGIC_DEV);
  if (!dev || !pDevInfo) LEAVE("SKF_GetDevInfo", SAR_INVALIDPARAMERR);
  if (!is_dir(dev->path)) LEAVE("SKF_GetDevInfo", SAR_DEVICE_REMOVED);
  memset(pDevInfo, 0, sizeof *pDevInfo);
  pDevInfo->Version.major = 1;
  read_text(dev->path, "manufacturer", pDevInfo->Manufacturer, sizeof pDevInfo->Manufacturer);
  snprintf(pDevInfo->Issuer, sizeof pDevInfo->Issuer, "CertGate soft SKF");
  const char *name = strrchr(dev->path, '/') + 1;
  snprintf(pDevInfo->Label, sizeof pDevInfo->Label, "%s", name);
  read_text(dev->path, "serial", pDevInfo->SerialNumber, sizeof pDevInfo->SerialNumber);
  pDevInfo->MaxBufferSize = 4096;
  pDevInfo->MaxECCBufferSize = 4096;
  LEAVE("SKF_GetDevInfo", SAR_OK);
}

EXPORT ULONG SKF_EnumApplication(HANDLE hDev, LPSTR szAppName, ULONG *pulSize) {
  ENTER("SKF_EnumApplication");
  Handle *dev = handle(hDev, MAGIC_DEV);
  if (!dev) LEAVE("SKF_EnumApplication", SAR_INVALIDHANDLEERR);
  if (!is_dir(dev->path)) LEAVE("SKF_EnumApplication", SAR_DEVICE_REMOVED);
  LEAVE("SKF_EnumApplication", name_list(dev->path, szAppName, pulSize));
}

EXPORT ULONG SKF_OpenApplication(HANDLE hDev, LPSTR szAppName, HANDLE *phApplication) {
  ENTER("SKF_OpenApplication");
  Handle *dev = handle(hDev, MAGIC_DEV);
  char path[PATH_LEN];
  if (!dev || !szAppName || !phApplication || strchr(szAppName, '/'))
    LEAVE("SKF_OpenApplication", SAR_INVALIDPARAMERR);
  if (!is_dir(dev->path)) LEAVE("SKF_OpenApplication", SAR_DEVICE_REMOVED);
  snprintf(path, sizeof path, "%s/%s", dev->path, szAppName);
  if (!is_dir(path)) LEAVE("SKF_OpenApplication", SAR_APPLICATION_NOT_EXISTS);
  *phApplication = new_handle(MAGIC_APP, path, path);
  LEAVE("SKF_OpenApplication", SAR_OK);
}

EXPORT ULONG SKF_CloseApplication(HANDLE hApplication) {
  ENTER("SKF_CloseApplication");
  LEAVE("SKF_CloseApplication", close_handle(hApplication, MAGIC_APP));
}

EXPORT ULONG SKF_VerifyPIN(HANDLE hApplication, ULONG ulPINType, LPSTR szPIN,
                           ULONG *pulRetryCount) {
  ENTER("SKF_VerifyPIN");
  Handle *app = handle(hApplication, MAGIC_APP);
  if (!app || !szPIN || !pulRetryCount) LEAVE("SKF_VerifyPIN", SAR_INVALIDPARAMERR);
  if (ulPINType != USER_TYPE) LEAVE("SKF_VerifyPIN", SAR_USER_TYPE_INVALID);
  if (!is_dir(app->path)) LEAVE("SKF_VerifyPIN", SAR_DEVICE_REMOVED);
  long max = read_number(app->path, "max_tries", 6);
  long left = read_number(app->path, "tries_left", max);
  char pin[256];
  if (!read_text(app->path, "user.pin", pin, sizeof pin)) LEAVE("SKF_VerifyPIN", SAR_READFILEERR);
  if (left <= 0) {
    *pulRetryCount = 0;
    LEAVE("SKF_VerifyPIN", SAR_PIN_LOCKED);
  }
  if (strcmp(pin, szPIN) == 0) {
    write_number(app->path, "tries_left", max);
    set_logged_in(app->path, 1);
    *pulRetryCount = (ULONG)max;
    LEAVE("SKF_VerifyPIN", SAR_OK);
  }
  left--;
  write_number(app->path, "tries_left", left);
  *pulRetryCount = (ULONG)left;
  LEAVE("SKF_VerifyPIN", SAR_PIN_INCORRECT);
}

#ifndef SOFTSKF_NO_PININFO
EXPORT ULONG SKF_GetPINInfo(HANDLE hApplication, ULONG ulPINType, ULONG *pulMaxRetryCount,
                            ULONG *pulRemainRetryCount, BOOL *pbDefaultPin) {
  ENTER("SKF_GetPINInfo");
  Handle *app = handle(hApplication, MAGIC_APP);
  if (!app || !pulMaxRetryCount || !pulRemainRetryCount || !pbDefaultPin)
    LEAVE("SKF_GetPINInfo", SAR_INVALIDPARAMERR);
  if (ulPINType != USER_TYPE) LEAVE("SKF_GetPINInfo", SAR_USER_TYPE_INVALID);
  if (!is_dir(app->path)) LEAVE("SKF_GetPINInfo", SAR_DEVICE_REMOVED);
  long max = read_number(app->path, "max_tries", 6);
  *pulMaxRetryCount = (ULONG)max;
  *pulRemainRetryCount = (ULONG)read_number(app->path, "tries_left", max);
  *pbDefaultPin = 0;
  LEAVE("SKF_GetPINInfo", SAR_OK);
}
#endif

EXPORT ULONG SKF_ClearSecureState(HANDLE hApplication) {
  ENTER("SKF_ClearSecureState");
  Handle *app = handle(hApplication, MAGIC_APP);
  if (!app) LEAVE("SKF_ClearSecureState", SAR_INVALIDHANDLEERR);
  set_logged_in(app->path, 0);
  LEAVE("SKF_ClearSecureState", SAR_OK);
}

EXPORT ULONG SKF_EnumContainer(HANDLE hApplication, LPSTR szContainerName, ULONG *pulSize) {
  ENTER("SKF_EnumContainer");
  Handle *app = handle(hApplication, MAGIC_APP);
  if (!app) LEAVE("SKF_EnumContainer", SAR_INVALIDHANDLEERR);
  if (!is_dir(app->path)) LEAVE("SKF_EnumContainer", SAR_DEVICE_REMOVED);
  LEAVE("SKF_EnumContainer", name_list(app->path, szContainerName, pulSize));
}

EXPORT ULONG SKF_OpenContainer(HANDLE hApplication, LPSTR szContainerName, HANDLE *phContainer) {
  ENTER("SKF_OpenContainer");
  Handle *app = handle(hApplication, MAGIC_APP);
  char path[PATH_LEN];
  if (!app || !szContainerName || !phContainer || strchr(szContainerName, '/'))
    LEAVE("SKF_OpenContainer", SAR_INVALIDPARAMERR);
  if (!is_dir(app->path)) LEAVE("SKF_OpenContainer", SAR_DEVICE_REMOVED);
  snprintf(path, sizeof path, "%s/%s", app->path, szContainerName);
  if (!is_dir(path)) LEAVE("SKF_OpenContainer", SAR_INVALIDPARAMERR);
  *phContainer = new_handle(MAGIC_CON, path, app->path);
  LEAVE("SKF_OpenContainer", SAR_OK);
}

EXPORT ULONG SKF_CloseContainer(HANDLE hContainer) {
  ENTER("SKF_CloseContainer");
  LEAVE("SKF_CloseContainer", close_handle(hContainer, MAGIC_CON));
}

/* 0 no key, 1 RSA, 2 ECC (SM2). */
EXPORT ULONG SKF_GetContainerType(HANDLE hContainer, ULONG *pulContainerType) {
  ENTER("SKF_GetContainerType");
  Handle *con = handle(hContainer, MAGIC_CON);
  if (!con || !pulContainerType) LEAVE("SKF_GetContainerType", SAR_INVALIDPARAMERR);
  if (!is_dir(con->path)) LEAVE("SKF_GetContainerType", SAR_DEVICE_REMOVED);
  EVP_PKEY *key = load_key(con->path);
  *pulContainerType = !key ? 0 : EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA ? 1 : 2;
  EVP_PKEY_free(key);
  LEAVE("SKF_GetContainerType", SAR_OK);
}

static ULONG export_certificate(Handle *con, BOOL sign, BYTE *out, ULONG *len) {
  char path[PATH_LEN];
  snprintf(path, sizeof path, "%s/%s", con->path, sign ? "sign.crt" : "enc.crt");
  FILE *f = fopen(path, "rb");
  if (!f) return SAR_CERTNOTFOUNTERR;
  BYTE der[16384];
  size_t n = fread(der, 1, sizeof der, f);
  fclose(f);
  BYTE text[24576];
  BYTE *data = der;
  size_t size = n;
  if (quirk("pem-cert") || quirk("base64-cert")) {
    BYTE b64[24000];
    int b64len = EVP_EncodeBlock(b64, der, (int)n);
    size = 0;
    if (quirk("pem-cert")) size += (size_t)sprintf((char *)text, "-----BEGIN CERTIFICATE-----\n");
    for (int i = 0; i < b64len; i += 64) {
      int line = b64len - i < 64 ? b64len - i : 64;
      memcpy(text + size, b64 + i, (size_t)line);
      size += (size_t)line;
      text[size++] = '\n';
    }
    if (quirk("pem-cert")) size += (size_t)sprintf((char *)text + size, "-----END CERTIFICATE-----\n");
    data = text;
  }
  if (!out) {
    *len = (ULONG)size;
    return SAR_OK;
  }
  if (*len < size) {
    *len = (ULONG)size;
    return SAR_BUFFER_TOO_SMALL;
  }
  memcpy(out, data, size);
  *len = (ULONG)size;
  return SAR_OK;
}

EXPORT ULONG SKF_ExportCertificate(HANDLE hContainer, BOOL bSignFlag, BYTE *pbCert,
                                   ULONG *pulCertLen) {
  ENTER("SKF_ExportCertificate");
  Handle *con = handle(hContainer, MAGIC_CON);
  if (!con || !pulCertLen) LEAVE("SKF_ExportCertificate", SAR_INVALIDPARAMERR);
  if (!is_dir(con->path)) LEAVE("SKF_ExportCertificate", SAR_DEVICE_REMOVED);
  LEAVE("SKF_ExportCertificate", export_certificate(con, bSignFlag, pbCert, pulCertLen));
}

/* SM2 (GB/T 32918.2) over a caller-computed e: r = (e + x1) mod n, s = (1+d)^-1 (k - r d) mod n. */
static int sm2_sign(EVP_PKEY *key, const BYTE *e, size_t elen, ECCSIGNATUREBLOB *sig) {
  BIGNUM *d = NULL;
  if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &d)) return 0;
  EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_sm2);
  BN_CTX *ctx = BN_CTX_new();
  BN_CTX_start(ctx);
  const BIGNUM *n = EC_GROUP_get0_order(group);
  BIGNUM *k = BN_CTX_get(ctx), *x1 = BN_CTX_get(ctx), *r = BN_CTX_get(ctx);
  BIGNUM *s = BN_CTX_get(ctx), *t = BN_CTX_get(ctx), *em = BN_CTX_get(ctx);
  EC_POINT *p = EC_POINT_new(group);
  int ok = 0;
  BN_bin2bn(e, (int)elen, em);
  for (int attempt = 0; attempt < 16 && !ok; attempt++) {
    if (!BN_priv_rand_range(k, n) || BN_is_zero(k)) continue;
    if (!EC_POINT_mul(group, p, k, NULL, NULL, ctx)) break;
    if (!EC_POINT_get_affine_coordinates(group, p, x1, NULL, ctx)) break;
    BN_mod_add(r, em, x1, n, ctx);
    BN_add(t, r, k);
    if (BN_is_zero(r) || BN_cmp(t, n) == 0) continue;
    BN_mod_mul(t, r, d, n, ctx);  /* r d */
    BN_mod_sub(s, k, t, n, ctx);  /* k - r d */
    BN_add(t, d, BN_value_one()); /* 1 + d */
    BN_mod_inverse(t, t, n, ctx);
    BN_mod_mul(s, s, t, n, ctx);
    if (BN_is_zero(s)) continue;
    memset(sig, 0, sizeof *sig);
    BN_bn2binpad(r, sig->r + 32, 32);
    BN_bn2binpad(s, sig->s + 32, 32);
    ok = 1;
  }
  EC_POINT_free(p);
  BN_CTX_end(ctx);
  BN_CTX_free(ctx);
  EC_GROUP_free(group);
  BN_clear_free(d);
  return ok;
}

#ifndef SOFTSKF_NO_SIGN
EXPORT ULONG SKF_ECCSignData(HANDLE hContainer, BYTE *pbData, ULONG ulDataLen,
                             ECCSIGNATUREBLOB *pSignature) {
  ENTER("SKF_ECCSignData");
  Handle *con = handle(hContainer, MAGIC_CON);
  if (!con || !pbData || !pSignature || ulDataLen != 32)
    LEAVE("SKF_ECCSignData", SAR_INVALIDPARAMERR);
  if (!is_dir(con->path)) LEAVE("SKF_ECCSignData", SAR_DEVICE_REMOVED);
  if (!is_logged_in(con->app)) LEAVE("SKF_ECCSignData", SAR_USER_NOT_LOGGED_IN);
  EVP_PKEY *key = load_key(con->path);
  if (!key || EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
    EVP_PKEY_free(key);
    LEAVE("SKF_ECCSignData", SAR_KEYNOTFOUNTERR);
  }
  int ok = sm2_sign(key, pbData, ulDataLen, pSignature);
  EVP_PKEY_free(key);
  LEAVE("SKF_ECCSignData", ok ? SAR_OK : SAR_FAIL);
}
#endif

/* PKCS#1 v1.5 type 1 over the caller's DigestInfo. */
EXPORT ULONG SKF_RSASignData(HANDLE hContainer, BYTE *pbData, ULONG ulDataLen, BYTE *pbSignature,
                             ULONG *pulSignLen) {
  ENTER("SKF_RSASignData");
  Handle *con = handle(hContainer, MAGIC_CON);
  if (!con || !pbData || !pulSignLen) LEAVE("SKF_RSASignData", SAR_INVALIDPARAMERR);
  if (!is_dir(con->path)) LEAVE("SKF_RSASignData", SAR_DEVICE_REMOVED);
  if (!is_logged_in(con->app)) LEAVE("SKF_RSASignData", SAR_USER_NOT_LOGGED_IN);
  EVP_PKEY *key = load_key(con->path);
  if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    EVP_PKEY_free(key);
    LEAVE("SKF_RSASignData", SAR_KEYNOTFOUNTERR);
  }
  ULONG need = (ULONG)EVP_PKEY_get_size(key);
  ULONG rv = SAR_OK;
  if (!pbSignature) {
    *pulSignLen = need;
  } else if (*pulSignLen < need) {
    *pulSignLen = need;
    rv = SAR_BUFFER_TOO_SMALL;
  } else {
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
    size_t outlen = *pulSignLen;
    if (!ctx || EVP_PKEY_sign_init(ctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0 ||
        EVP_PKEY_sign(ctx, pbSignature, &outlen, pbData, ulDataLen) <= 0) {
      rv = SAR_FAIL;
    } else {
      *pulSignLen = (ULONG)outlen;
    }
    EVP_PKEY_CTX_free(ctx);
  }
  EVP_PKEY_free(key);
  LEAVE("SKF_RSASignData", rv);
}
