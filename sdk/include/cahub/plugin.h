/*
 * cahub plugin ABI 2.0: the only contract between the cahub host and a CA provider plugin.
 *
 * A plugin is the provider's technical side, the same in every region: who it is, which
 * businesses it can carry out at all (capabilities), whom it issues to, how it issues, and what
 * the provider states as its own policy everywhere. What a platform agrees with a CA (which
 * businesses on which channels, offices, payees, review times, materials, fees) is the region
 * script's (offer{}, step{}, review{}, limit{}), never a plugin's: nothing that crosses this
 * boundary names a region.
 *
 * A plugin is a shared library that exports one C function, `cahub_plugin_entry`, returning a
 * descriptor. Everything that crosses the line is plain C: fixed-width integers, UTF-8 strings,
 * function pointers, and JSON text for the rare, rich calls (issuing). No C++ object, exception or
 * allocator ever crosses, so a plugin built with another compiler or standard library still loads.
 *
 * VERSIONING. CAHUB_ABI_MAJOR changes when anything below changes incompatibly; the host refuses a
 * plugin of another major. CAHUB_ABI_MINOR grows when fields are appended to a struct; the host
 * refuses a plugin with a newer minor than its own (it would not know the new fields) and accepts
 * an older one. cahub_abi_compatible() below is that rule, for host and plugin alike. Structs carry
 * `struct_size` so that both sides can tell which fields the other knows: within a major, fields
 * are only ever appended, never reordered or removed. The descriptor's first three fields
 * (struct_size, abi_major, abi_minor) are frozen for every major, so a host can always read which
 * ABI a plugin speaks and refuse it by name.
 *
 * EXTENSIONS. A capability that not every plugin has travels as an extension (CLAP's
 * get_extension, Redis's RedisModule_GetApi): a versioned id string such as
 * "cahub.upload_limits/1" names a struct or function table; the host asks the plugin for it with
 * get_extension() and gets the plugin's table or NULL. Adding one never touches the descriptor.
 * A changed layout is a new id ("…/2"); the old id keeps its layout forever.
 *
 * MEMORY. Suffixes and OWNERSHIP lines say who owns what. Strings and tables a plugin hands over
 * in its descriptor or through get_extension() are owned by the plugin and must live as long as
 * the library (descriptor) or the instance (extensions) does; string literals and static storage
 * are ideal. Strings the host hands to a call are borrowed for the duration of that call. Results
 * travel through host-provided sinks: the host copies what it is given, so nothing a plugin
 * returns needs to be freed by the host, and nothing the host returns is freed by the plugin.
 *
 * THREADING. cahub has no main thread: the host loads plugins at start-up on one thread and then
 * serves requests from a pool of worker threads. Every function below carries one tag:
 *   [thread-safe]  may be called concurrently from any number of host threads on the same instance.
 *   [main-thread]  in cahub this means "once, never concurrently": called exactly once per
 *                  instance, with no other call on that instance in progress, on whichever thread
 *                  the host is using at that moment (not necessarily the same one each time).
 *   [same thread]  a sink callback: valid only during the plugin call that received the sink, and
 *                  only on the thread that made that call.
 *
 * ERRORS. Calls return a cahub_status; details go to an error sink as one UTF-8 line. No function
 * may throw or longjmp across the boundary.
 *
 * C++ authors: include <cahub/plugin.hpp> instead and write an ordinary class.
 */
#ifndef CAHUB_PLUGIN_H
#define CAHUB_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CAHUB_ABI_MAJOR 2
#define CAHUB_ABI_MINOR 0

/* The one symbol a plugin exports. */
#define CAHUB_PLUGIN_ENTRY_NAME "cahub_plugin_entry"

#if defined(_WIN32)
#define CAHUB_EXPORT __declspec(dllexport)
#else
#define CAHUB_EXPORT __attribute__((visibility("default")))
#endif

/*
 * Whether a plugin built for ABI plugin_major.plugin_minor can be loaded by a host speaking
 * host_major.host_minor: the same major, and a minor no newer than the host's. Returns 1 or 0.
 * The host refuses a plugin with it; a plugin may call it in create() with the host table's
 * abi_major/abi_minor to refuse a host that should not have loaded it. Pure, [thread-safe].
 */
static inline int cahub_abi_compatible(uint16_t host_major, uint16_t host_minor, uint16_t plugin_major,
                                       uint16_t plugin_minor) {
  return host_major == plugin_major && plugin_minor <= host_minor;
}

/* ---- Status codes: every operation returns one; details go to an error sink. ---- */
typedef int32_t cahub_status;
#define CAHUB_OK 0
#define CAHUB_ERROR_INVALID_REQUEST 1 /* the request is malformed for this provider */
#define CAHUB_ERROR_UNSUPPORTED 2     /* the provider cannot carry out this operation */
#define CAHUB_ERROR_NOT_FOUND 3       /* e.g. an unknown certificate serial */
#define CAHUB_ERROR_PROVIDER 4        /* the provider (its CA, its connector) failed */
#define CAHUB_ERROR_INTERNAL 5        /* a bug or an exception inside the plugin */

/* ---- Closed code lists, in the same order as the host's vocabulary (DOMAIN.md §1). ---- */
#define CAHUB_BUSINESS_NEW 0
#define CAHUB_BUSINESS_ADD 1
#define CAHUB_BUSINESS_RENEW 2
#define CAHUB_BUSINESS_REISSUE_LOST 3
#define CAHUB_BUSINESS_REISSUE_DAMAGED 4
#define CAHUB_BUSINESS_CHANGE 5
#define CAHUB_BUSINESS_UNLOCK 6
#define CAHUB_BUSINESS_FREEZE 7
#define CAHUB_BUSINESS_UNFREEZE 8
#define CAHUB_BUSINESS_REVOKE 9
#define CAHUB_BUSINESS_COUNT 10

/* Channels are the region scripts' (offer{}); the code list stays here because a request names one. */
#define CAHUB_CHANNEL_ONSITE 0
#define CAHUB_CHANNEL_MAIL 1
#define CAHUB_CHANNEL_ONLINE 2
#define CAHUB_CHANNEL_SELF_SERVICE 3
#define CAHUB_CHANNEL_COUNT 4

#define CAHUB_APPLICANT_ORG 0
#define CAHUB_APPLICANT_PERSON 1
#define CAHUB_APPLICANT_ORG_PERSON 2
#define CAHUB_APPLICANT_COUNT 3

#define CAHUB_KEY_MASTER 0
#define CAHUB_KEY_SECONDARY 1

#define CAHUB_DEFECT_NONE (-1)
#define CAHUB_DEFECT_QUALITY 0
#define CAHUB_DEFECT_OTHER 1

/* Dates cross as days since 1970-01-01 (a proleptic Gregorian calendar day, China time). */
#define CAHUB_NO_DATE INT32_MIN

/* Circumstances of a request (bit flags), as far as the host knows them. */
#define CAHUB_CIRC_REGISTERED (1u << 0)
#define CAHUB_CIRC_EXPERT_IN_DATABASE (1u << 1)
#define CAHUB_CIRC_OPEN_BID (1u << 2)
#define CAHUB_CIRC_HAS_MASTER_KEY (1u << 3)
#define CAHUB_CIRC_DELEGATED (1u << 4)
#define CAHUB_CIRC_LEGAL_REP_IN_PERSON (1u << 5)
#define CAHUB_CIRC_PUBLIC_INSTITUTION (1u << 6)
#define CAHUB_CIRC_AGENT_CHANGED (1u << 7)

/* ---- Services the host offers a plugin (Redis/Envoy style: a table, never a link). ---- */
#define CAHUB_LOG_DEBUG 0
#define CAHUB_LOG_INFO 1
#define CAHUB_LOG_WARN 2
#define CAHUB_LOG_ERROR 3

/* One operator setting for a plugin ([plugins.<id>] in the host's configuration).
 * OWNERSHIP: host; both strings live as long as the instance. */
typedef struct cahub_setting {
  const char* key;   /* e.g. "key_algorithm" */
  const char* value; /* the value as text, e.g. "auto" */
} cahub_setting;

/* The host's table for one instance, handed to create().
 * OWNERSHIP: host. The table itself is borrowed for the create() call only (copy what you keep);
 * the strings and arrays it points to live as long as the instance. */
typedef struct cahub_host_api {
  uint32_t struct_size; /* sizeof(cahub_host_api) as the host was built */
  uint16_t abi_major;   /* the ABI the host speaks */
  uint16_t abi_minor;
  void* host_ctx; /* OWNERSHIP: host; pass back unchanged to the functions below */
  /* [thread-safe] Writes one UTF-8 line to the host log, tagged with the plugin id. level:
   * CAHUB_LOG_*. Never fails; a NULL message is ignored. */
  void (*log)(void* host_ctx, int32_t level, const char* message);
  /* A folder private to this plugin (its CA key, CRL, serial counter), created by the host (mode
   * 0700). UTF-8. When the host offers CAHUB_HOST_PLUGIN_STATE (several hosts share one database),
   * the host names the folder but creates nothing: keep state through that service instead, since
   * what a plugin writes here only this host sees. */
  const char* state_dir;
  /* The operator's settings for this plugin, in the order written; NULL when there are none. */
  const cahub_setting* settings;
  size_t settings_count;
  /* [thread-safe] A host service table by versioned id (RedisModule_GetApi style), or NULL when
   * this host does not offer it. OWNERSHIP: host; the table lives as long as the instance.
   * Service ids: CAHUB_HOST_KEY_SEALING and CAHUB_HOST_PLUGIN_STATE below. The probe lets a service be added without growing
   * this table; a plugin tests the answer for NULL (an older host, or the service not set up). */
  const void* (*get_api)(void* host_ctx, const char* id);
} cahub_host_api;

/* ---- Sinks: how results travel back. The host copies everything it is given. ---- */

/* OWNERSHIP: host; valid for the call it is passed to. */
typedef struct cahub_text_sink {
  void* host_ctx;
  /* [same thread] Appends `length` bytes of UTF-8 text; may be called several times. Never fails
   * (the host remembers a failed copy and reports it after the call). */
  void (*write)(void* host_ctx, const char* utf8, size_t length);
} cahub_text_sink;

/* ---- Host services, asked for by id through cahub_host_api.get_api(). ---- */

/* Sealing secrets with the operator's key-encryption key (KEK): AES-256-GCM, the envelope of
 * <cahub/key_sealing.hpp>, armored as text. The host keeps the KEK; a plugin hands it plaintext to
 * seal and gets armored text back, and the reverse. The host binds the plugin's id into every
 * `purpose`, so what one plugin sealed no other plugin can open. The host offers this service only
 * when a KEK is configured: NULL means "keep your secrets as you did", and a plugin that finds an
 * armored file without the service refuses to guess. C++ plugins use
 * cahub::sdk::sealing::host_key_sealer().
 * OWNERSHIP: host; the table and key_id live as long as the instance. */
#define CAHUB_HOST_KEY_SEALING "cahub.key_sealing/1"
typedef struct cahub_key_sealing {
  uint32_t struct_size; /* sizeof(cahub_key_sealing) as the host was built */
  const char* key_id;   /* the id of the KEK new envelopes are sealed under (16 hex digits) */
  /* [thread-safe] Seals `length` bytes of `plaintext` for `purpose` (UTF-8, NUL-terminated, names
   * what the secret is, e.g. "cahub.local_ca.key/1:bjca"). Writes the armored envelope to `out`.
   * Non-OK (CAHUB_ERROR_PROVIDER) with one line on `error` when the cipher fails. */
  cahub_status (*seal)(void* host_ctx, const char* purpose, const char* plaintext, size_t length,
                       const cahub_text_sink* out, const cahub_text_sink* error);
  /* [thread-safe] Opens an armored envelope sealed for `purpose`; writes the plaintext bytes to
   * `out`. Non-OK with one line on `error` that starts with a stable code and a colon:
   * "sealed_malformed:", "sealed_with_other_key:" (CAHUB_ERROR_INVALID_REQUEST) or
   * "sealed_not_authentic:" (CAHUB_ERROR_PROVIDER: tampered, or sealed for another purpose). */
  cahub_status (*open)(void* host_ctx, const char* purpose, const char* armored, size_t length,
                       const cahub_text_sink* out, const cahub_text_sink* error);
} cahub_key_sealing;

/* A transactional store of this plugin's records, kept by the host in its own database: what a
 * plugin keeps between calls (a local CA's sealed key, its ledger, serials, CRL numbers) when
 * several hosts serve one platform, so that any host can issue, freeze or revoke and the CRL is
 * one. The host offers it when its store is shared (PostgreSQL); NULL means "keep your state in
 * state_dir as before". C++ plugins on the SDK's local CA get it without asking.
 *
 * Records are (key, value) pairs private to the plugin (the host adds the plugin id, so no plugin
 * sees another's). A key is 1..max_key_bytes of UTF-8 without NUL; a value is 0..max_value_bytes
 * of UTF-8 text (armor what is binary). Everything happens inside transact(): the host opens a
 * transaction, takes this plugin's lock (so one body of this plugin runs at a time across every
 * host), calls `body` with a handle, and commits when body returns CAHUB_OK and every call on the
 * handle succeeded; otherwise it rolls back and nothing of the body is kept. The host may call
 * `body` again (a connection lost before COMMIT, a deadlock broken): a body must have no effect
 * outside the transaction until transact() returns CAHUB_OK.
 * OWNERSHIP: host; the table lives as long as the instance. The handle is valid only inside body,
 * on its thread. */
#define CAHUB_HOST_PLUGIN_STATE "cahub.plugin_state/1"
typedef struct cahub_state_txn cahub_state_txn; /* opaque, the host's */
/* Called for each record scan() finds, in key byte order. [same thread] */
typedef void (*cahub_state_visit)(void* visit_ctx, const char* key, const char* value, size_t length);
typedef struct cahub_plugin_state {
  uint32_t struct_size;    /* sizeof(cahub_plugin_state) as the host was built */
  uint32_t max_key_bytes;  /* longest key the host accepts */
  uint32_t max_value_bytes; /* largest value the host accepts */
  /* [thread-safe] Runs `body` in one transaction, as above. Returns body's status, or non-OK with
   * one line on `error`: CAHUB_ERROR_PROVIDER when the database failed or could not be reached
   * (nothing was kept; the request may be retried), or the first failed call's status. */
  cahub_status (*transact)(void* host_ctx, cahub_status (*body)(void* body_ctx, cahub_state_txn* txn),
                           void* body_ctx, const cahub_text_sink* error);
  /* The value of `key` to `out`: CAHUB_OK, or CAHUB_ERROR_NOT_FOUND when there is none. */
  cahub_status (*get)(cahub_state_txn* txn, const char* key, const cahub_text_sink* out);
  /* Sets `key` to `length` bytes of `value` (inserts or replaces). */
  cahub_status (*put)(cahub_state_txn* txn, const char* key, const char* value, size_t length);
  /* Removes `key`; CAHUB_OK whether or not it was there. */
  cahub_status (*erase)(cahub_state_txn* txn, const char* key);
  /* Every record whose key starts with `prefix` ("" for all), to `visit`. */
  cahub_status (*scan)(cahub_state_txn* txn, const char* prefix, cahub_state_visit visit, void* visit_ctx);
} cahub_plugin_state;

/* ---- Assessment: the provider's own rules for a quote or an order (hot path: plain C). ---- */

/* What the host asks about. OWNERSHIP: host; borrowed for the assess() call. There is no region
 * in it on purpose: a provider's rules are the same in every region. */
typedef struct cahub_assess_request {
  uint32_t struct_size;
  int32_t business;  /* CAHUB_BUSINESS_* */
  int32_t applicant; /* CAHUB_APPLICANT_* */
  int32_t channel;   /* CAHUB_CHANNEL_* (the region decides channels; most plugins ignore it) */
  int32_t key_type;  /* CAHUB_KEY_* */
  int32_t years;     /* validity years asked for */
  int32_t today;
  int32_t cert_not_before; /* the certificate the order is about, or CAHUB_NO_DATE */
  int32_t cert_not_after;
  int32_t first_issued;   /* first issue of its medium, or CAHUB_NO_DATE when the host does not know
                           * it; never guessed from cert_not_before (a renewal reuses the medium) */
  int32_t defect;         /* CAHUB_DEFECT_* */
  uint32_t circumstances; /* CAHUB_CIRC_* */
} cahub_assess_request;

/* Facts a provider establishes about a request that region scripts may price on. */
#define CAHUB_FACT_REQUIRES_REVIEW (1u << 0) /* the provider itself always reviews this request;
                                              * a region's review time is the script's review{} */
#define CAHUB_FACT_WARRANTY_COVERS_MEDIUM (1u << 1) /* a damaged medium is replaced free */

/* Where assess() writes its answer. OWNERSHIP: host; valid for the assess() call. Every callback
 * is [same thread] and copies its arguments (pass temporaries freely); none fails. */
typedef struct cahub_assessment_sink {
  void* host_ctx;
  /* The provider refuses the request: code (ASCII snake_case, stable), reason in Chinese and
   * English. Refusing is a normal answer, not an error. */
  void (*refuse)(void* host_ctx, const char* code, const char* zh, const char* en);
  /* A note of the provider's own policy that holds in every region (e.g. "10 wrong PINs lock the
   * key"). Never a region's procedure: offices, payees, review times, routes are step{}s. */
  void (*require_step)(void* host_ctx, const char* code, const char* zh, const char* en);
  /* Sets CAHUB_FACT_* bits (bits already set stay set). */
  void (*set_facts)(void* host_ctx, uint32_t facts);
} cahub_assessment_sink;

/* ---- Extensions: optional capabilities, asked for by id through get_extension(). ---- */

/* The limits of the provider's own online system on uploaded files, e.g. NMGCA "附件大小在1M之内，
 * 图片格式：jpeg、jpg、png、bmp". The host refuses an upload outside them. A plugin that publishes
 * none answers NULL for this id.
 * OWNERSHIP: plugin; the struct, the array and its strings live as long as the instance. */
#define CAHUB_EXT_UPLOAD_LIMITS "cahub.upload_limits/1"
typedef struct cahub_upload_limits {
  uint32_t struct_size;     /* sizeof(cahub_upload_limits) as the plugin was built */
  const char* const* types; /* accepted file types: lower-case extensions without the dot ("jpg") */
  size_t type_count;        /* 0: any type (types may then be NULL) */
  int64_t max_bytes;        /* largest accepted file in bytes; 0: no size limit published */
} cahub_upload_limits;

/* ---- The descriptor. The first three fields are frozen for every ABI version. ---- */

/* OWNERSHIP: plugin; static storage, lives as long as the library. The host copies what it needs
 * at load time (strings included). */
typedef struct cahub_plugin_descriptor {
  uint32_t struct_size; /* sizeof(cahub_plugin_descriptor) as the plugin was built */
  uint16_t abi_major;   /* CAHUB_ABI_MAJOR the plugin was built against */
  uint16_t abi_minor;   /* CAHUB_ABI_MINOR the plugin was built against */

  const char* id;         /* lower-case ASCII, e.g. "bjca"; unique among loaded plugins */
  const char* name_zh;    /* e.g. "北京数字认证股份有限公司" */
  const char* name_en;    /* e.g. "Beijing Certificate Authority" */
  const char* version;    /* the plugin's own version, e.g. "2.0.0" */
  const char* facts_json; /* provider-wide facts as a JSON object, true in every region: hotline,
                           * website, the provider's stated policy. NULL means {}. */

  /* Bit b set: the provider can carry out business b (CAHUB_BUSINESS_*) at all. Whether a region
   * offers it, and on which channel, is the region script's offer{}. Must not be 0. */
  uint32_t capabilities;
  uint32_t applicants; /* bit a set: the provider issues to applicant kind a (CAHUB_APPLICANT_*) */

  /* [main-thread] Creates an instance. On failure returns non-OK, leaves *instance NULL and writes
   * why to `error`. OWNERSHIP: *instance belongs to the plugin until destroy(); `host` is borrowed
   * for this call (see cahub_host_api). */
  cahub_status (*create)(const cahub_host_api* host, void** instance, const cahub_text_sink* error);
  /* [main-thread] Destroys an instance; called once, after every other call on it returned. The
   * instance's extension tables die with it. Cannot fail. */
  void (*destroy)(void* instance);
  /* [thread-safe] The provider's own rules for one request. Writes refusals, provider-wide notes
   * and facts to `out`. Returns OK when it assessed (refusing is still OK); non-OK plus a line on
   * `error` when it could not (the host then fails that one request). Hot: no I/O. */
  cahub_status (*assess)(void* instance, const cahub_assess_request* request, const cahub_assessment_sink* out,
                         const cahub_text_sink* error);
  /* [thread-safe] A rich operation (issue, revoke, freeze, ...) as a JSON request object with an
   * "op" field; writes a JSON result object to `out`, or one line to `error` with a non-OK status
   * (UNSUPPORTED for an op it does not know, NOT_FOUND for an unknown serial). May be NULL: the
   * provider has no operations. */
  cahub_status (*operate)(void* instance, const char* request_json, size_t request_length, const cahub_text_sink* out,
                          const cahub_text_sink* error);
  /* [thread-safe] The plugin's table for extension `id` (a CAHUB_EXT_* string), or NULL when it
   * does not have that extension. Must answer NULL, not fail, for an id it does not know. The host
   * asks right after create() and validates what it gets; a malformed table refuses the plugin.
   * OWNERSHIP: plugin; the table lives until destroy(). May be NULL: no extensions. */
  const void* (*get_extension)(void* instance, const char* id);
} cahub_plugin_descriptor;

/* The entry point every plugin exports. The host states its ABI; the plugin returns its
 * descriptor (static storage) or NULL when it cannot describe itself. Returning the descriptor even
 * to a host of another ABI is better: the host then refuses it naming both versions.
 * [main-thread], may be called more than once; must not throw. */
typedef const cahub_plugin_descriptor* (*cahub_plugin_entry_fn)(uint16_t host_abi_major, uint16_t host_abi_minor);

/* ---- The layout, pinned. A failure here is an ABI break: bump CAHUB_ABI_MAJOR, or append. ---- */
#if defined(__cplusplus)
#define CAHUB_STATIC_ASSERT(condition, message) static_assert(condition, message)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define CAHUB_STATIC_ASSERT(condition, message) _Static_assert(condition, message)
#endif

#ifdef CAHUB_STATIC_ASSERT
/* Every platform: the frozen head and the all-int32 request. */
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, struct_size) == 0, "frozen: struct_size first");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, abi_major) == 4, "frozen: abi_major at 4");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, abi_minor) == 6, "frozen: abi_minor at 6");
CAHUB_STATIC_ASSERT(offsetof(cahub_assess_request, first_issued) == 36, "cahub_assess_request layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_assess_request, circumstances) == 44, "cahub_assess_request layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_assess_request) == 48, "cahub_assess_request layout");

/* 64-bit pointers (LP64 and LLP64 agree: no `long` crosses): every field of every struct. */
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
CAHUB_STATIC_ASSERT(offsetof(cahub_setting, value) == 8 && sizeof(cahub_setting) == 16, "cahub_setting layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, host_ctx) == 8, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, log) == 16, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, state_dir) == 24, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, settings) == 32, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, settings_count) == 40, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_host_api, get_api) == 48, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_host_api) == 56, "cahub_host_api layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_text_sink, write) == 8 && sizeof(cahub_text_sink) == 16, "cahub_text_sink layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_assessment_sink, refuse) == 8, "cahub_assessment_sink layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_assessment_sink, require_step) == 16, "cahub_assessment_sink layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_assessment_sink, set_facts) == 24, "cahub_assessment_sink layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_assessment_sink) == 32, "cahub_assessment_sink layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_key_sealing, key_id) == 8, "cahub_key_sealing layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_key_sealing, seal) == 16, "cahub_key_sealing layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_key_sealing, open) == 24, "cahub_key_sealing layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_key_sealing) == 32, "cahub_key_sealing layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, max_value_bytes) == 8, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, transact) == 16, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, get) == 24, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, put) == 32, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, erase) == 40, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_state, scan) == 48, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_plugin_state) == 56, "cahub_plugin_state layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_upload_limits, types) == 8, "cahub_upload_limits layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_upload_limits, type_count) == 16, "cahub_upload_limits layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_upload_limits, max_bytes) == 24, "cahub_upload_limits layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_upload_limits) == 32, "cahub_upload_limits layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, id) == 8, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, facts_json) == 40, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, capabilities) == 48, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, applicants) == 52, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, create) == 56, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, destroy) == 64, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, assess) == 72, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, operate) == 80, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(offsetof(cahub_plugin_descriptor, get_extension) == 88, "cahub_plugin_descriptor layout");
CAHUB_STATIC_ASSERT(sizeof(cahub_plugin_descriptor) == 96, "cahub_plugin_descriptor layout");
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* CAHUB_PLUGIN_H */
