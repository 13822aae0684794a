/*
 * cahub plugin ABI: the only contract between the cahub host and a CA provider plugin.
 *
 * A plugin is a shared library that exports one C function, `cahub_plugin_entry`, returning a
 * descriptor. Everything that crosses the line is plain C: fixed-width integers, UTF-8 strings,
 * function pointers, and JSON text for the rare, rich calls (issuing). No C++ object, exception or
 * allocator ever crosses, so a plugin built with another compiler or standard library still loads.
 *
 * Versioning. CAHUB_ABI_MAJOR changes when anything below changes incompatibly; the host refuses a
 * plugin of another major. CAHUB_ABI_MINOR grows when fields are appended; the host refuses a plugin
 * with a newer minor than its own (it would not know the new fields) and accepts an older one.
 * Structs carry `struct_size` so that both sides can tell which fields the other knows:
 * fields are only ever appended, never reordered or removed.
 *
 * Memory. Strings a plugin hands over in its descriptor are owned by the plugin and must live as
 * long as the library is loaded (string literals are ideal). Strings the host hands to a call are
 * borrowed for the duration of that call. Results travel through host-provided sinks: the host
 * copies what it is given, so nothing a plugin returns needs to be freed by the host.
 *
 * Threading. Functions marked [thread-safe] are called concurrently from the host's worker
 * threads on the same instance; functions marked [main-thread] are called once, never
 * concurrently with anything else on that instance.
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

#define CAHUB_ABI_MAJOR 1
#define CAHUB_ABI_MINOR 1

/* The one symbol a plugin exports. */
#define CAHUB_PLUGIN_ENTRY_NAME "cahub_plugin_entry"

#if defined(_WIN32)
#define CAHUB_EXPORT __declspec(dllexport)
#else
#define CAHUB_EXPORT __attribute__((visibility("default")))
#endif

/* ---- Status codes: every operation returns one; details go to an error sink. ---- */
typedef int32_t cahub_status;
#define CAHUB_OK 0
#define CAHUB_ERROR_INVALID_REQUEST 1 /* the request is malformed for this provider */
#define CAHUB_ERROR_UNSUPPORTED 2     /* the provider does not offer this operation */
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

/* One operator setting for a plugin ([plugins.<id>] in the host's configuration). */
typedef struct cahub_setting {
  const char* key;   /* e.g. "key_algorithm" */
  const char* value; /* the value as text, e.g. "auto" */
} cahub_setting;

typedef struct cahub_host_api {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  void* host_ctx; /* OWNERSHIP: host; pass back unchanged */
  /* [thread-safe] Writes one UTF-8 line to the host log, tagged with the plugin id. */
  void (*log)(void* host_ctx, int32_t level, const char* message);
  /* A folder the plugin may keep state in (its CA key, CRL, serial counter): created by the host,
   * private to this plugin. UTF-8, lives as long as the instance. */
  const char* state_dir;
  /* ABI 1.1: the operator's settings for this plugin, in the order written; lives as long as the
   * instance. A plugin built against 1.1 reads these only when struct_size covers them. */
  const cahub_setting* settings;
  size_t settings_count;
} cahub_host_api;

/* ---- Sinks: how results travel back. The host copies everything it is given. ---- */
typedef struct cahub_text_sink {
  void* host_ctx;
  /* [same thread as the call] Appends UTF-8 text; may be called several times. */
  void (*write)(void* host_ctx, const char* utf8, size_t length);
} cahub_text_sink;

/* ---- Assessment: the provider's own rules for a quote or an order (hot path: plain C). ---- */
typedef struct cahub_assess_request {
  uint32_t struct_size;
  int32_t business;  /* CAHUB_BUSINESS_* */
  int32_t applicant; /* CAHUB_APPLICANT_* */
  int32_t channel;   /* CAHUB_CHANNEL_* */
  int32_t key_type;  /* CAHUB_KEY_* */
  int32_t years;     /* validity years asked for */
  int32_t today;
  int32_t cert_not_before; /* the certificate the order is about, or CAHUB_NO_DATE */
  int32_t cert_not_after;
  int32_t first_issued;    /* first issue of its medium (warranty), or CAHUB_NO_DATE */
  int32_t defect;          /* CAHUB_DEFECT_* */
  uint32_t circumstances;  /* CAHUB_CIRC_* */
  const char* region_id;   /* borrowed for the call */
} cahub_assess_request;

/* Facts a provider establishes about a request that region scripts may price on. */
#define CAHUB_FACT_REQUIRES_REVIEW (1u << 0)        /* the CA reviews materials before issuing */
#define CAHUB_FACT_WARRANTY_COVERS_MEDIUM (1u << 1) /* a damaged medium is replaced free */

typedef struct cahub_assessment_sink {
  void* host_ctx;
  /* The provider refuses the request: code (ASCII, stable), reason in Chinese and English. */
  void (*refuse)(void* host_ctx, const char* code, const char* zh, const char* en);
  /* A step the applicant must take with this provider (verification, PIN delivery, ...). */
  void (*require_step)(void* host_ctx, const char* code, const char* zh, const char* en);
  /* Sets CAHUB_FACT_* bits. */
  void (*set_facts)(void* host_ctx, uint32_t facts);
  /* The provider's published review time in working days (0 = not published). */
  void (*set_review_working_days)(void* host_ctx, int32_t min_days, int32_t max_days);
} cahub_assessment_sink;

/* ---- The descriptor. The first three fields are frozen for every ABI version. ---- */
typedef struct cahub_plugin_descriptor {
  uint32_t struct_size; /* sizeof(cahub_plugin_descriptor) as the plugin was built */
  uint16_t abi_major;   /* CAHUB_ABI_MAJOR the plugin was built against */
  uint16_t abi_minor;   /* CAHUB_ABI_MINOR the plugin was built against */

  const char* id;          /* lower-case ASCII, e.g. "bjca"; unique among loaded plugins */
  const char* name_zh;     /* e.g. "北京数字认证股份有限公司" */
  const char* name_en;     /* e.g. "Beijing Certificate Authority" */
  const char* version;     /* the plugin's own version, e.g. "1.0.0" */
  const char* facts_json;  /* provider facts as a JSON object: hotline, offices, hours, website */

  /* Bit b of businesses_by_channel[c] is set when business b is offered on channel c. */
  uint32_t businesses_by_channel[CAHUB_CHANNEL_COUNT];
  uint32_t applicants; /* bit a set when applicant kind a is served */

  /* [main-thread] Creates an instance. On failure returns non-OK and writes why to `error`.
   * OWNERSHIP: *instance belongs to the plugin until destroy(). */
  cahub_status (*create)(const cahub_host_api* host, void** instance, const cahub_text_sink* error);
  /* [main-thread] Destroys an instance; called once, after every other call on it returned. */
  void (*destroy)(void* instance);
  /* [thread-safe] The provider's rules for one request. Writes refusals, steps and facts to the
   * sink. Returns OK when it assessed (refusing is still OK); non-OK plus `error` when it could not. */
  cahub_status (*assess)(void* instance, const cahub_assess_request* request, const cahub_assessment_sink* out,
                         const cahub_text_sink* error);
  /* [thread-safe] A rich operation (issue, revoke, freeze, ...) as a JSON request object with an
   * "op" field; writes a JSON result object to `out`, or an error message to `error`. */
  cahub_status (*operate)(void* instance, const char* request_json, size_t request_length, const cahub_text_sink* out,
                          const cahub_text_sink* error);
} cahub_plugin_descriptor;

/* The entry point every plugin exports. The host states its ABI; the plugin returns its
 * descriptor (static storage) or NULL when it cannot serve that host. Must not throw. */
typedef const cahub_plugin_descriptor* (*cahub_plugin_entry_fn)(uint16_t host_abi_major, uint16_t host_abi_minor);

#ifdef __cplusplus
}
#endif

#endif /* CAHUB_PLUGIN_H */
