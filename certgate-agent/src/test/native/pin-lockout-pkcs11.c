/*
 * pin-lockout-pkcs11.c: a TEST-ONLY PKCS#11 module that gives SoftHSM2 the PIN counter of a real USB key.
 *
 * What: it loads a real PKCS#11 module (CERTGATE_SHIM_TARGET, default /usr/lib/softhsm/libsofthsm2.so) and
 * exports C_GetFunctionList, answering with a copy of the target's function list in which C_Login,
 * C_InitPIN, C_SetPIN and C_GetTokenInfo are replaced. Everything else (slots, objects, signing) is the
 * target's own code.
 *
 * Why: USB keys sold by Chinese CAs (Feitian, Longmai, Watchdata...) count wrong user PINs, raise
 * CKF_USER_PIN_COUNT_LOW / CKF_USER_PIN_FINAL_TRY in CK_TOKEN_INFO.flags and lock the PIN after a few
 * failures (CKR_PIN_LOCKED, CKF_USER_PIN_LOCKED). SoftHSM2 2.6 never locks and sets only COUNT_LOW, so the
 * agent's "retries left" and "PIN locked" paths could not otherwise be tested against a real token.
 *
 * Behaviour, per token (keyed by its serial number):
 *  - a failure counter kept in the file $CERTGATE_SHIM_STATE/<serial>.failures (default folder
 *    /tmp/certgate-pin-lockout), so it survives C_Finalize/C_Initialize and other processes, and a test can
 *    reset it by deleting the file;
 *  - C_Login (user PIN): CKR_PIN_INCORRECT from the target counts one failure, success resets the count;
 *    once the count reaches $CERTGATE_SHIM_MAX_TRIES (default 6) the PIN is locked: that C_Login answers
 *    CKR_PIN_LOCKED (or CKR_PIN_INCORRECT when the file <serial>.incorrect-on-lock exists, as some keys
 *    do), and every later one, with the right PIN too, CKR_PIN_LOCKED without reaching the target;
 *  - C_SetPIN counts the same way; C_InitPIN (the security officer sets a new user PIN) unlocks;
 *  - C_GetTokenInfo replaces the target's user-PIN flags: COUNT_LOW when failures > 0, FINAL_TRY when one
 *    try is left, LOCKED when locked.
 *
 * The agent's integration tests compile it (io.certgate.agent.PinLockoutModule: gcc -shared -fPIC) and
 * point the agent at it like any vendor module; it is never shipped. A process that also loads the target
 * directly must give this module a copy of the target file: the loader shares one instance per file, and
 * the two users would finalise each other's module. Linux/Unix layout only (Windows
 * PKCS#11 structs are packed to 1 byte). The few PKCS#11 types below are written from the values of the
 * OASIS PKCS#11 v2.40 specification, so that no header package is needed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

typedef unsigned long CK_ULONG;
typedef CK_ULONG CK_RV;
typedef CK_ULONG CK_FLAGS;
typedef CK_ULONG CK_SLOT_ID;
typedef CK_ULONG CK_SESSION_HANDLE;
typedef CK_ULONG CK_USER_TYPE;
typedef unsigned char CK_UTF8CHAR;

#define CKR_OK 0x00UL
#define CKR_GENERAL_ERROR 0x05UL
#define CKR_ARGUMENTS_BAD 0x07UL
#define CKR_PIN_INCORRECT 0xA0UL
#define CKR_PIN_LOCKED 0xA4UL
#define CKU_SO 0UL
#define CKF_USER_PIN_COUNT_LOW 0x00010000UL
#define CKF_USER_PIN_FINAL_TRY 0x00020000UL
#define CKF_USER_PIN_LOCKED 0x00040000UL

typedef struct {
  unsigned char major;
  unsigned char minor;
} CK_VERSION;

typedef struct {
  CK_UTF8CHAR label[32];
  CK_UTF8CHAR manufacturerID[32];
  CK_UTF8CHAR model[16];
  unsigned char serialNumber[16];
  CK_FLAGS flags;
  CK_ULONG ulMaxSessionCount, ulSessionCount, ulMaxRwSessionCount, ulRwSessionCount;
  CK_ULONG ulMaxPinLen, ulMinPinLen;
  CK_ULONG ulTotalPublicMemory, ulFreePublicMemory, ulTotalPrivateMemory, ulFreePrivateMemory;
  CK_VERSION hardwareVersion, firmwareVersion;
  unsigned char utcTime[16];
} CK_TOKEN_INFO;

typedef struct {
  CK_SLOT_ID slotID;
  CK_ULONG state;
  CK_FLAGS flags;
  CK_ULONG ulDeviceError;
} CK_SESSION_INFO;

typedef CK_RV (*generic_fn)(void);

/*
 * CK_FUNCTION_LIST: the version, then 68 function pointers in the specification's order. Only the first
 * nineteen are named; the shim copies the rest untouched.
 */
typedef struct CK_FUNCTION_LIST {
  CK_VERSION version;
  generic_fn C_Initialize, C_Finalize, C_GetInfo;
  CK_RV (*C_GetFunctionList)(struct CK_FUNCTION_LIST **);
  generic_fn C_GetSlotList, C_GetSlotInfo;
  CK_RV (*C_GetTokenInfo)(CK_SLOT_ID, CK_TOKEN_INFO *);
  generic_fn C_GetMechanismList, C_GetMechanismInfo, C_InitToken;
  CK_RV (*C_InitPIN)(CK_SESSION_HANDLE, CK_UTF8CHAR *, CK_ULONG);
  CK_RV (*C_SetPIN)(CK_SESSION_HANDLE, CK_UTF8CHAR *, CK_ULONG, CK_UTF8CHAR *, CK_ULONG);
  generic_fn C_OpenSession, C_CloseSession, C_CloseAllSessions;
  CK_RV (*C_GetSessionInfo)(CK_SESSION_HANDLE, CK_SESSION_INFO *);
  generic_fn C_GetOperationState, C_SetOperationState;
  CK_RV (*C_Login)(CK_SESSION_HANDLE, CK_USER_TYPE, CK_UTF8CHAR *, CK_ULONG);
  generic_fn after_login[49]; /* C_Logout ... C_WaitForSlotEvent */
} CK_FUNCTION_LIST;

_Static_assert(sizeof(CK_FUNCTION_LIST) == sizeof(void *) * 69, "68 functions after the version");

static CK_FUNCTION_LIST *target;
static CK_FUNCTION_LIST shim;
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;

/* ---- the persisted counter ---- */

static long max_tries(void) {
  const char *v = getenv("CERTGATE_SHIM_MAX_TRIES");
  long n = v == NULL ? 0 : strtol(v, NULL, 10);
  return n > 0 ? n : 6;
}

/* <state dir>/<serial><suffix>, the serial reduced to [A-Za-z0-9] so it is a safe file name. */
static int state_path(const unsigned char serial[16], const char *suffix, char *out, size_t size) {
  const char *dir = getenv("CERTGATE_SHIM_STATE");
  if (dir == NULL || *dir == '\0') {
    dir = "/tmp/certgate-pin-lockout";
  }
  if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
    return -1;
  }
  char name[17];
  size_t n = 0;
  for (size_t i = 0; i < 16; i++) {
    unsigned char c = serial[i];
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      name[n++] = (char)c;
    }
  }
  name[n] = '\0';
  int written = snprintf(out, size, "%s/%s%s", dir, n == 0 ? "no-serial" : name, suffix);
  return written > 0 && (size_t)written < size ? 0 : -1;
}

/*
 * Reads the counter and, when delta is not 0, changes it (delta < 0 resets to 0) under an exclusive
 * flock, so two processes using one token count correctly. Returns the count after the change, or -1.
 * A missing file is a count of 0.
 */
static long update_failures(const unsigned char serial[16], int delta) {
  char path[4096];
  if (state_path(serial, ".failures", path, sizeof path) != 0) {
    return -1;
  }
  int fd = delta == 0 ? open(path, O_RDONLY | O_CLOEXEC) : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 && delta == 0 && errno == ENOENT) {
    return 0; /* never failed */
  }
  if (fd < 0 || flock(fd, delta == 0 ? LOCK_SH : LOCK_EX) != 0) {
    if (fd >= 0) {
      close(fd);
    }
    return -1;
  }
  char buf[32] = {0};
  ssize_t got = pread(fd, buf, sizeof buf - 1, 0);
  long count = got > 0 ? strtol(buf, NULL, 10) : 0;
  long result = count;
  if (delta != 0) {
    result = delta < 0 ? 0 : count + delta;
    int len = snprintf(buf, sizeof buf, "%ld\n", result);
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)len, 0) != len) {
      result = -1;
    }
  }
  close(fd); /* releases the lock */
  return result;
}

/*
 * Tokens differ in how they answer the wrong PIN that locks them: some CKR_PIN_LOCKED at once, others
 * CKR_PIN_INCORRECT (the lock shows in the flags and in the next C_Login). The file
 * <state dir>/<serial>.incorrect-on-lock selects the second kind for one token.
 */
static int answers_incorrect_on_lock(const unsigned char serial[16]) {
  char path[4096];
  return state_path(serial, ".incorrect-on-lock", path, sizeof path) == 0 && access(path, F_OK) == 0;
}

static CK_RV serial_of_session(CK_SESSION_HANDLE session, unsigned char serial[16]) {
  CK_SESSION_INFO session_info;
  CK_RV rv = target->C_GetSessionInfo(session, &session_info);
  if (rv != CKR_OK) {
    return rv;
  }
  CK_TOKEN_INFO token;
  rv = target->C_GetTokenInfo(session_info.slotID, &token);
  if (rv == CKR_OK) {
    memcpy(serial, token.serialNumber, 16);
  }
  return rv;
}

/* ---- the replaced functions ---- */

/* Counts the target's verdict on a user PIN; refuses without asking the target once locked. */
static CK_RV counted(CK_SESSION_HANDLE session, CK_RV (*check)(void *), void *call) {
  unsigned char serial[16];
  CK_RV rv = serial_of_session(session, serial);
  if (rv != CKR_OK) {
    return rv;
  }
  long failures = update_failures(serial, 0);
  if (failures < 0) {
    return CKR_GENERAL_ERROR;
  }
  if (failures >= max_tries()) {
    return CKR_PIN_LOCKED;
  }
  rv = check(call);
  if (rv == CKR_PIN_INCORRECT) {
    failures = update_failures(serial, 1);
    if (failures < 0) {
      return CKR_GENERAL_ERROR;
    }
    if (failures >= max_tries() && !answers_incorrect_on_lock(serial)) {
      return CKR_PIN_LOCKED;
    }
  } else if (rv == CKR_OK) {
    update_failures(serial, -1);
  }
  return rv;
}

struct login_call {
  CK_SESSION_HANDLE session;
  CK_USER_TYPE user;
  CK_UTF8CHAR *pin;
  CK_ULONG len;
};

static CK_RV do_login(void *p) {
  struct login_call *c = p;
  return target->C_Login(c->session, c->user, c->pin, c->len);
}

static CK_RV shim_login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR *pin, CK_ULONG len) {
  struct login_call call = {session, user, pin, len};
  if (user == CKU_SO) {
    return do_login(&call); /* only the user PIN is counted here */
  }
  return counted(session, do_login, &call);
}

struct set_pin_call {
  CK_SESSION_HANDLE session;
  CK_UTF8CHAR *old_pin;
  CK_ULONG old_len;
  CK_UTF8CHAR *new_pin;
  CK_ULONG new_len;
};

static CK_RV do_set_pin(void *p) {
  struct set_pin_call *c = p;
  return target->C_SetPIN(c->session, c->old_pin, c->old_len, c->new_pin, c->new_len);
}

/* Changing the PIN proves knowledge of the old one: counted as a login. */
static CK_RV shim_set_pin(CK_SESSION_HANDLE session, CK_UTF8CHAR *old_pin, CK_ULONG old_len,
                          CK_UTF8CHAR *new_pin, CK_ULONG new_len) {
  struct set_pin_call call = {session, old_pin, old_len, new_pin, new_len};
  return counted(session, do_set_pin, &call);
}

/* The security officer setting a new user PIN is how a locked key is unlocked. */
static CK_RV shim_init_pin(CK_SESSION_HANDLE session, CK_UTF8CHAR *pin, CK_ULONG len) {
  CK_RV rv = target->C_InitPIN(session, pin, len);
  unsigned char serial[16];
  if (rv == CKR_OK && serial_of_session(session, serial) == CKR_OK) {
    update_failures(serial, -1);
  }
  return rv;
}

static CK_RV shim_get_token_info(CK_SLOT_ID slot, CK_TOKEN_INFO *info) {
  CK_RV rv = target->C_GetTokenInfo(slot, info);
  if (rv != CKR_OK || info == NULL) {
    return rv;
  }
  long failures = update_failures(info->serialNumber, 0);
  if (failures < 0) {
    return CKR_GENERAL_ERROR;
  }
  long max = max_tries();
  info->flags &= ~(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
  if (failures > 0) {
    info->flags |= CKF_USER_PIN_COUNT_LOW;
  }
  if (failures >= max) {
    info->flags |= CKF_USER_PIN_LOCKED;
  } else if (max - failures == 1) {
    info->flags |= CKF_USER_PIN_FINAL_TRY;
  }
  return rv;
}

/* ---- the one exported function ---- */

static CK_RV shim_get_function_list(CK_FUNCTION_LIST **list);

/* The target is loaded once per process, at the first C_GetFunctionList, and never unloaded. */
static CK_RV load_target(void) {
  if (target == NULL) {
    const char *path = getenv("CERTGATE_SHIM_TARGET");
    if (path == NULL || *path == '\0') {
      path = "/usr/lib/softhsm/libsofthsm2.so";
    }
    void *module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (module == NULL) {
      fprintf(stderr, "pin-lockout-pkcs11: cannot load %s: %s\n", path, dlerror());
      return CKR_GENERAL_ERROR;
    }
    CK_RV (*get)(CK_FUNCTION_LIST **) = (CK_RV(*)(CK_FUNCTION_LIST **))dlsym(module, "C_GetFunctionList");
    CK_FUNCTION_LIST *functions = NULL;
    if (get == NULL || get(&functions) != CKR_OK || functions == NULL) {
      fprintf(stderr, "pin-lockout-pkcs11: %s has no usable C_GetFunctionList\n", path);
      return CKR_GENERAL_ERROR;
    }
    shim = *functions;
    shim.C_GetFunctionList = shim_get_function_list;
    shim.C_GetTokenInfo = shim_get_token_info;
    shim.C_InitPIN = shim_init_pin;
    shim.C_SetPIN = shim_set_pin;
    shim.C_Login = shim_login;
    target = functions;
  }
  return CKR_OK;
}

__attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST **list) {
  if (list == NULL) {
    return CKR_ARGUMENTS_BAD;
  }
  pthread_mutex_lock(&loading);
  CK_RV rv = load_target();
  pthread_mutex_unlock(&loading);
  if (rv == CKR_OK) {
    *list = &shim;
  }
  return rv;
}

static CK_RV shim_get_function_list(CK_FUNCTION_LIST **list) {
  return C_GetFunctionList(list);
}
