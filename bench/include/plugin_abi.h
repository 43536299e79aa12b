// The subset of the Falco plugin API (falcosecurity/libs userspace/plugin/plugin_api.h and
// plugin_types.h, API 3.x, x86-64/LP64) that the benchmark baseline and driver use. Declared
// here rather than included so that bench/run.sh works on a fresh clone with only gcc: the
// layouts are checked against docs/plugin-abi.md by the static assertions at the bottom.
#ifndef FALCO_BENCH_PLUGIN_ABI_H
#define FALCO_BENCH_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef void ss_plugin_t;
typedef void ss_instance_t;
typedef void ss_plugin_owner_t;
typedef int32_t ss_plugin_rc;
typedef uint32_t ss_plugin_bool;

enum {
  SS_PLUGIN_SUCCESS = 0,
  SS_PLUGIN_FAILURE = 1,
  SS_PLUGIN_TIMEOUT = -1,
  SS_PLUGIN_EOF = 2,
  SS_PLUGIN_NOT_SUPPORTED = 3,
};

enum { SS_PLUGIN_SCHEMA_NONE = 0, SS_PLUGIN_SCHEMA_JSON = 1 };
enum { FTYPE_UINT64 = 8, FTYPE_STRING = 9 };

// PPME_PLUGINEVENT_E: params plugin_id (u32) and event_data (bytebuf), with u32 lengths.
#define PLUGIN_EVENT_CODE 322
// 26-byte header + two u32 parameter lengths + the u32 plugin id.
#define PLUGIN_EVENT_PAYLOAD_OFFSET 38

#pragma pack(push, 1)
typedef struct ss_plugin_event {
  uint64_t ts;
  uint64_t tid;
  uint32_t len;
  uint16_t type;
  uint32_t nparams;
} ss_plugin_event;
#pragma pack(pop)

typedef struct ss_plugin_event_input {
  const ss_plugin_event *evt;
  uint64_t evtnum;
  const char *evtsrc;
} ss_plugin_event_input;

typedef struct ss_plugin_init_input {
  const char *config;
  ss_plugin_owner_t *owner;
  const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
  const void *tables;
  void *log_fn;
} ss_plugin_init_input;

typedef struct ss_plugin_extract_field {
  union {
    const char **str;
    uint64_t *u64;
    uint32_t *u32;
    ss_plugin_bool *boolean;
    void *buf;
  } res;
  uint64_t res_len;
  uint32_t field_id;
  const char *field;
  const char *arg_key;
  uint64_t arg_index;
  ss_plugin_bool arg_present;
  uint32_t ftype;
  ss_plugin_bool flist;
} ss_plugin_extract_field;

typedef struct ss_plugin_field_extract_input {
  ss_plugin_owner_t *owner;
  const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
  uint32_t num_fields;
  ss_plugin_extract_field *fields;
  void *table_reader[4];  // deprecated inline reader vtable
  const void *table_reader_ext;
  void *value_offsets;    // API 3.11+
} ss_plugin_field_extract_input;

_Static_assert(sizeof(ss_plugin_event) == 26, "ss_plugin_event is 26 packed bytes");
_Static_assert(sizeof(ss_plugin_event_input) == 24, "ss_plugin_event_input is 24 bytes");
_Static_assert(sizeof(ss_plugin_init_input) == 40, "ss_plugin_init_input is 40 bytes");
_Static_assert(sizeof(ss_plugin_extract_field) == 64, "ss_plugin_extract_field is 64 bytes");
_Static_assert(offsetof(ss_plugin_extract_field, arg_index) == 40, "arg_index at 40");
_Static_assert(offsetof(ss_plugin_extract_field, flist) == 56, "flist at 56");
_Static_assert(sizeof(ss_plugin_field_extract_input) == 80, "ss_plugin_field_extract_input is 80 bytes");
_Static_assert(offsetof(ss_plugin_field_extract_input, value_offsets) == 72, "value_offsets at 72");

#endif
