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

// ---------------------------------------------------------------------------------------------
// State tables (API 3.1 _ext vtables; bench/driver/table_bench.c). The structs above keep their
// untyped table members (void*), which the dummy benchmark never fills.

typedef void ss_plugin_table_t;
typedef void ss_plugin_table_entry_t;
typedef void ss_plugin_table_field_t;
typedef void ss_plugin_table_iterator_state_t;
typedef uint32_t ss_plugin_state_type;  // a C enum: 4 bytes

enum {
  SS_PLUGIN_ST_INT8 = 1,
  SS_PLUGIN_ST_INT16 = 2,
  SS_PLUGIN_ST_INT32 = 3,
  SS_PLUGIN_ST_INT64 = 4,
  SS_PLUGIN_ST_UINT8 = 5,
  SS_PLUGIN_ST_UINT16 = 6,
  SS_PLUGIN_ST_UINT32 = 7,
  SS_PLUGIN_ST_UINT64 = 8,
  SS_PLUGIN_ST_STRING = 9,
  SS_PLUGIN_ST_TABLE = 10,
  SS_PLUGIN_ST_BOOL = 25,
};

typedef union ss_plugin_state_data {
  int8_t s8;
  int16_t s16;
  int32_t s32;
  int64_t s64;
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  const char *str;
  ss_plugin_bool b;
  ss_plugin_table_t *table;
} ss_plugin_state_data;

typedef struct ss_plugin_table_info {
  const char *name;
  ss_plugin_state_type key_type;
} ss_plugin_table_info;

typedef struct ss_plugin_table_fieldinfo {
  const char *name;
  ss_plugin_state_type field_type;
  ss_plugin_bool read_only;
} ss_plugin_table_fieldinfo;

typedef ss_plugin_bool (*ss_plugin_table_iterator_func_t)(ss_plugin_table_iterator_state_t *s, ss_plugin_table_entry_t *e);

// The deprecated by-value vtables (API 3.0) are prefixes of the _ext ones.
typedef struct ss_plugin_table_reader_vtable {
  const char *(*get_table_name)(ss_plugin_table_t *t);
  uint64_t (*get_table_size)(ss_plugin_table_t *t);
  ss_plugin_table_entry_t *(*get_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
  ss_plugin_rc (*read_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                   ss_plugin_state_data *out);
} ss_plugin_table_reader_vtable;

typedef struct ss_plugin_table_reader_vtable_ext {
  const char *(*get_table_name)(ss_plugin_table_t *t);
  uint64_t (*get_table_size)(ss_plugin_table_t *t);
  ss_plugin_table_entry_t *(*get_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
  ss_plugin_rc (*read_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                   ss_plugin_state_data *out);
  void (*release_table_entry)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e);
  ss_plugin_bool (*iterate_entries)(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
                                    ss_plugin_table_iterator_state_t *s);
} ss_plugin_table_reader_vtable_ext;

typedef struct ss_plugin_table_writer_vtable {
  ss_plugin_rc (*clear_table)(ss_plugin_table_t *t);
  ss_plugin_rc (*erase_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
  ss_plugin_table_entry_t *(*create_table_entry)(ss_plugin_table_t *t);
  void (*destroy_table_entry)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e);
  ss_plugin_table_entry_t *(*add_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key,
                                              ss_plugin_table_entry_t *entry);
  ss_plugin_rc (*write_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                    const ss_plugin_state_data *in);
} ss_plugin_table_writer_vtable;

typedef ss_plugin_table_writer_vtable ss_plugin_table_writer_vtable_ext;

typedef struct ss_plugin_table_fields_vtable {
  const ss_plugin_table_fieldinfo *(*list_table_fields)(ss_plugin_table_t *t, uint32_t *nfields);
  ss_plugin_table_field_t *(*get_table_field)(ss_plugin_table_t *t, const char *name, ss_plugin_state_type data_type);
  ss_plugin_table_field_t *(*add_table_field)(ss_plugin_table_t *t, const char *name, ss_plugin_state_type data_type);
} ss_plugin_table_fields_vtable;

typedef ss_plugin_table_fields_vtable ss_plugin_table_fields_vtable_ext;

typedef struct ss_plugin_table_input {
  const char *name;
  ss_plugin_state_type key_type;
  ss_plugin_table_t *table;
  ss_plugin_table_reader_vtable reader;  // deprecated
  ss_plugin_table_writer_vtable writer;  // deprecated
  ss_plugin_table_fields_vtable fields;  // deprecated
  ss_plugin_table_reader_vtable_ext *reader_ext;
  ss_plugin_table_writer_vtable_ext *writer_ext;
  ss_plugin_table_fields_vtable_ext *fields_ext;
} ss_plugin_table_input;

typedef struct ss_plugin_init_tables_input {
  ss_plugin_table_info *(*list_tables)(ss_plugin_owner_t *o, uint32_t *ntables);
  ss_plugin_table_t *(*get_table)(ss_plugin_owner_t *o, const char *name, ss_plugin_state_type key_type);
  ss_plugin_rc (*add_table)(ss_plugin_owner_t *o, const ss_plugin_table_input *in);
  ss_plugin_table_fields_vtable fields;  // deprecated
  ss_plugin_table_fields_vtable_ext *fields_ext;
  ss_plugin_table_reader_vtable_ext *reader_ext;  // API 3.5
  ss_plugin_table_writer_vtable_ext *writer_ext;  // API 3.5
} ss_plugin_init_tables_input;

typedef struct ss_plugin_event_parse_input {
  ss_plugin_owner_t *owner;
  const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
  ss_plugin_table_reader_vtable table_reader;  // deprecated
  ss_plugin_table_writer_vtable table_writer;  // deprecated
  ss_plugin_table_reader_vtable_ext *table_reader_ext;
  ss_plugin_table_writer_vtable_ext *table_writer_ext;
} ss_plugin_event_parse_input;

_Static_assert(sizeof(ss_plugin_state_data) == 8, "ss_plugin_state_data is 8 bytes");
_Static_assert(sizeof(ss_plugin_table_info) == 16, "ss_plugin_table_info is 16 bytes");
_Static_assert(sizeof(ss_plugin_table_fieldinfo) == 16, "ss_plugin_table_fieldinfo is 16 bytes");
_Static_assert(sizeof(ss_plugin_table_reader_vtable_ext) == 48, "reader_ext is 48 bytes");
_Static_assert(sizeof(ss_plugin_table_writer_vtable_ext) == 48, "writer_ext is 48 bytes");
_Static_assert(sizeof(ss_plugin_table_fields_vtable_ext) == 24, "fields_ext is 24 bytes");
_Static_assert(sizeof(ss_plugin_table_input) == 152, "ss_plugin_table_input is 152 bytes");
_Static_assert(sizeof(ss_plugin_init_tables_input) == 72, "ss_plugin_init_tables_input is 72 bytes");
_Static_assert(sizeof(ss_plugin_event_parse_input) == 112, "ss_plugin_event_parse_input is 112 bytes");
_Static_assert(offsetof(ss_plugin_event_parse_input, table_reader_ext) == 96, "table_reader_ext at 96");

#endif
