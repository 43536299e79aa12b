// A parse + extract plugin written against the plain C ABI, to test the host's table API the
// way a real plugin uses it: tables resolved at init (nested fields through a temporary
// thread, as libsinsp's syscall_subtables test does), a per-thread counter written in
// parse_event, and fields read back in extract_fields.
//
//   gcc -shared -fPIC -DPLUGIN_NAME='"tp_a"' -o tp_a.so table_plugin.c
//   -DSOURCE_ONLY builds a source-only plugin instead, which only logs what init received.
//   -DPARSE_SOURCES='"[\"other\"]"' restricts the sources parse_event accepts.
//   -DEXTRACT_SOURCES='"[\"other\"]"' restricts the sources extract_fields accepts.
//   -DNO_EVENT_SCHEMA_VERSION leaves out get_required_event_schema_version.
//
// Parse payloads: "count" increments tp_events of the event's thread, "rename:<comm>" writes
// comm, "fd:<n>:<name>" adds fd n to the thread's fd table, "fail" makes parse_event fail.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PLUGIN_NAME
#define PLUGIN_NAME "tp"
#endif
#ifndef PARSE_SOURCES
#define PARSE_SOURCES "[]"
#endif

enum { ST_INT64 = 4, ST_UINT64 = 8, ST_STRING = 9, ST_TABLE = 10 };
enum { RC_SUCCESS = 0, RC_FAILURE = 1, RC_EOF = 2 };

typedef union { int64_t s64; uint64_t u64; uint32_t u32; uint8_t u8; const char *str; uint32_t b; void *table; } state_data_t;
typedef struct {
  const char *(*get_table_name)(void *);
  uint64_t (*get_table_size)(void *);
  void *(*get_table_entry)(void *, const state_data_t *);
  int32_t (*read_entry_field)(void *, void *, const void *, state_data_t *);
} reader_t;
typedef struct { reader_t base; void (*release_table_entry)(void *, void *); uint32_t (*iterate_entries)(void *, void *, void *); } reader_ext_t;
typedef struct {
  int32_t (*clear_table)(void *);
  int32_t (*erase_table_entry)(void *, const state_data_t *);
  void *(*create_table_entry)(void *);
  void (*destroy_table_entry)(void *, void *);
  void *(*add_table_entry)(void *, const state_data_t *, void *);
  int32_t (*write_entry_field)(void *, void *, const void *, const state_data_t *);
} writer_t;
typedef struct {
  const void *(*list_table_fields)(void *, uint32_t *);
  void *(*get_table_field)(void *, const char *, uint32_t);
  void *(*add_table_field)(void *, const char *, uint32_t);
} fields_t;
typedef struct {
  void *(*list_tables)(void *, uint32_t *);
  void *(*get_table)(void *, const char *, uint32_t);
  int32_t (*add_table)(void *, const void *);
  fields_t fields;
  fields_t *fields_ext;
  reader_ext_t *reader_ext;
  writer_t *writer_ext;
} init_tables_t;
typedef struct {
  const char *config;
  void *owner;
  const char *(*get_owner_last_error)(void *);
  init_tables_t *tables;
  void (*log_fn)(void *, const char *, const char *, uint32_t);
} init_input_t;
typedef struct __attribute__((packed)) { uint64_t ts, tid; uint32_t len; uint16_t type; uint32_t nparams; } event_t;
typedef struct { const event_t *evt; uint64_t evtnum; const char *evtsrc; } event_input_t;
typedef struct {
  void *owner;
  const char *(*get_owner_last_error)(void *);
  reader_t table_reader;
  writer_t table_writer;
  reader_ext_t *table_reader_ext;
  writer_t *table_writer_ext;
} parse_input_t;
typedef struct {
  void *res; uint64_t res_len; uint32_t field_id; const char *field; const char *arg_key;
  uint64_t arg_index; uint32_t arg_present; uint32_t ftype; uint32_t flist;
} extract_field_t;
typedef struct {
  void *owner;
  const char *(*get_owner_last_error)(void *);
  uint32_t num_fields;
  extract_field_t *fields;
  reader_t table_reader;
  reader_ext_t *table_reader_ext;
  void *value_offsets;
} extract_input_t;

typedef struct {
  char error[512];
  char facts[512];
  void *owner;
  const char *(*owner_error)(void *);
  void *threads, *comm, *events, *fds, *fd_name;
  int parse_vtables_consistent;
  const char *strings[8];
  uint64_t numbers[8];
  char text[8][640];
} state_t;

static void fail(state_t *s, const char *what) {
  const char *owner = s->owner_error ? s->owner_error(s->owner) : NULL;
  snprintf(s->error, sizeof s->error, "%s: %s", what, owner ? owner : "(no owner error)");
}

const char *plugin_get_required_api_version(void) { return "3.10.0"; }
// Parsing events of every source reads syscall events: libsinsp refuses such a plugin unless it
// names the event schema it was built against.
#ifndef NO_EVENT_SCHEMA_VERSION
const char *plugin_get_required_event_schema_version(void) { return "4.0.0"; }
#endif
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return PLUGIN_NAME; }
const char *plugin_get_description(void) { return "table API test plugin"; }
const char *plugin_get_contact(void) { return "tests"; }
const char *plugin_get_last_error(void *s) { return ((state_t *)s)->error; }
void plugin_destroy(void *s) { free(s); }

void *plugin_init(const init_input_t *in, int32_t *rc) {
  state_t *s = calloc(1, sizeof(state_t));
  s->owner = in->owner;
  s->owner_error = in->get_owner_last_error;
  const init_tables_t *t = in->tables;
  snprintf(s->facts, sizeof s->facts, "tables=%s", t ? "set" : "null");
  if (t) {
    int fields_same = t->fields.list_table_fields == t->fields_ext->list_table_fields &&
                      t->fields.get_table_field == t->fields_ext->get_table_field &&
                      t->fields.add_table_field == t->fields_ext->add_table_field;
    size_t used = strlen(s->facts);
    snprintf(s->facts + used, sizeof s->facts - used, " fields_same=%d reader_ext=%d writer_ext=%d", fields_same,
             t->reader_ext != NULL, t->writer_ext != NULL);
  }
  if (in->log_fn) in->log_fn(in->owner, NULL, s->facts, 6);
  *rc = RC_SUCCESS;
  if (!t) return s;
  if (in->config && strstr(in->config, "fail")) {
    snprintf(s->error, sizeof s->error, "config asked to fail");
    *rc = RC_FAILURE;
    return s;
  }

  s->threads = t->get_table(in->owner, "threads", ST_INT64);
  if (!s->threads) { fail(s, "no threads table"); *rc = RC_FAILURE; return s; }
  s->comm = t->fields_ext->get_table_field(s->threads, "comm", ST_STRING);
  s->events = t->fields_ext->add_table_field(s->threads, "tp_events", ST_UINT64);
  s->fds = t->fields_ext->get_table_field(s->threads, "file_descriptors", ST_TABLE);
  if (!s->comm || !s->events || !s->fds) { fail(s, "thread fields"); *rc = RC_FAILURE; return s; }

  void *temporary = t->writer_ext->create_table_entry(s->threads);
  state_data_t out;
  if (!temporary || t->reader_ext->base.read_entry_field(s->threads, temporary, s->fds, &out) != RC_SUCCESS) {
    fail(s, "temporary thread");
    *rc = RC_FAILURE;
    return s;
  }
  s->fd_name = t->fields_ext->get_table_field(out.table, "name", ST_STRING);
  t->writer_ext->destroy_table_entry(s->threads, temporary);
  if (!s->fd_name) { fail(s, "fd name field"); *rc = RC_FAILURE; }
  return s;
}

#ifdef SOURCE_ONLY
void *plugin_open(void *s, const char *params, int32_t *rc) { (void)params; *rc = RC_SUCCESS; return s; }
void plugin_close(void *s, void *h) { (void)s; (void)h; }
int32_t plugin_next_batch(void *s, void *h, uint32_t *n, void ***evts) { (void)s; (void)h; *n = 0; *evts = NULL; return RC_EOF; }
#else

const char *plugin_get_fields(void) {
  return "[{\"type\":\"string\",\"name\":\"tp.comm\",\"desc\":\"comm of the event's thread\"},"
         "{\"type\":\"uint64\",\"name\":\"tp.events\",\"desc\":\"tp_events of the event's thread\"},"
         "{\"type\":\"string\",\"name\":\"tp.fd\",\"desc\":\"name of an fd of the thread\",\"arg\":{\"isRequired\":true,\"isIndex\":true}},"
         "{\"type\":\"string\",\"name\":\"tp.facts\",\"desc\":\"what the plugin saw of its inputs\"}]";
}

const char *plugin_get_parse_event_sources(void) { return PARSE_SOURCES; }
#ifdef EXTRACT_SOURCES
const char *plugin_get_extract_event_sources(void) { return EXTRACT_SOURCES; }
#endif

static const char *payload(const event_t *evt, uint32_t *len) {
  const uint8_t *bytes = (const uint8_t *)evt;
  memcpy(len, bytes + 30, 4);
  return (const char *)bytes + 38;
}

int32_t plugin_parse_event(void *p, const event_input_t *ev, const parse_input_t *in) {
  state_t *s = p;
  s->parse_vtables_consistent = in->table_reader.get_table_entry == in->table_reader_ext->base.get_table_entry &&
                                in->table_writer.write_entry_field == in->table_writer_ext->write_entry_field;
  uint32_t len;
  const char *data = payload(ev->evt, &len);
  char text[256] = {0};
  memcpy(text, data, len < sizeof text - 1 ? len : sizeof text - 1);
  if (strcmp(text, "fail") == 0) { snprintf(s->error, sizeof s->error, "asked to fail"); return RC_FAILURE; }

  state_data_t key = {.s64 = (int64_t)ev->evt->tid};
  void *thread = in->table_reader_ext->base.get_table_entry(s->threads, &key);
  if (!thread) { fail(s, "parse"); return RC_FAILURE; }
  int32_t rc = RC_SUCCESS;
  if (strcmp(text, "count") == 0) {
    state_data_t value;
    rc = in->table_reader_ext->base.read_entry_field(s->threads, thread, s->events, &value);
    value.u64++;
    if (rc == RC_SUCCESS) rc = in->table_writer_ext->write_entry_field(s->threads, thread, s->events, &value);
  } else if (strncmp(text, "rename:", 7) == 0) {
    state_data_t value = {.str = text + 7};
    rc = in->table_writer_ext->write_entry_field(s->threads, thread, s->comm, &value);
  } else if (strncmp(text, "fd:", 3) == 0) {
    char *name = strchr(text + 3, ':');
    state_data_t fds, fd = {.s64 = atoll(text + 3)}, value = {.str = name ? name + 1 : ""};
    rc = in->table_reader_ext->base.read_entry_field(s->threads, thread, s->fds, &fds);
    void *added = rc == RC_SUCCESS ? in->table_writer_ext->add_table_entry(fds.table, &fd, in->table_writer_ext->create_table_entry(fds.table)) : NULL;
    rc = added ? in->table_writer_ext->write_entry_field(fds.table, added, s->fd_name, &value) : RC_FAILURE;
    if (added) in->table_reader_ext->release_table_entry(fds.table, added);
  }
  if (rc != RC_SUCCESS) fail(s, "parse write");
  in->table_reader_ext->release_table_entry(s->threads, thread);
  return rc;
}

static void set_string(state_t *s, extract_field_t *f, uint32_t i, const char *value) {
  snprintf(s->text[i], sizeof s->text[i], "%s", value ? value : "");
  s->strings[i] = s->text[i];
  f->res = &s->strings[i];
  f->res_len = 1;
}

int32_t plugin_extract_fields(void *p, const event_input_t *ev, const extract_input_t *in) {
  state_t *s = p;
  const reader_ext_t *r = in->table_reader_ext;
  for (uint32_t i = 0; i < in->num_fields && i < 8; i++) {
    extract_field_t *f = &in->fields[i];
    f->res_len = 0;
    if (f->field_id == 3) {
      char facts[600];
      snprintf(facts, sizeof facts, "%s parse_vtables=%d extract_reader=%d", s->facts, s->parse_vtables_consistent,
               in->table_reader.get_table_entry == r->base.get_table_entry);
      set_string(s, f, i, facts);
      continue;
    }
    state_data_t key = {.s64 = (int64_t)ev->evt->tid}, value;
    void *thread = r->base.get_table_entry(s->threads, &key);
    if (!thread) continue;
    if (f->field_id == 0 && r->base.read_entry_field(s->threads, thread, s->comm, &value) == RC_SUCCESS) {
      set_string(s, f, i, value.str);
    } else if (f->field_id == 1 && r->base.read_entry_field(s->threads, thread, s->events, &value) == RC_SUCCESS) {
      s->numbers[i] = value.u64;
      f->res = &s->numbers[i];
      f->res_len = 1;
    } else if (f->field_id == 2 && r->base.read_entry_field(s->threads, thread, s->fds, &value) == RC_SUCCESS) {
      state_data_t fd = {.s64 = (int64_t)f->arg_index}, name;
      void *entry = r->base.get_table_entry(value.table, &fd);
      if (entry && r->base.read_entry_field(value.table, entry, s->fd_name, &name) == RC_SUCCESS) set_string(s, f, i, name.str);
      if (entry) r->release_table_entry(value.table, entry);
    }
    r->release_table_entry(s->threads, thread);
  }
  return RC_SUCCESS;
}
#endif
