// The state-table benchmark (docs/performance.md, "State tables"): this program plays the
// framework for the C# plugin bench/plugins/TableBench and measures what the SDK's table API
// costs per operation, on both sides of it:
//   - imported table: the driver owns "bench_threads" (int64 key: tid; fields "value" uint64,
//     "name" string) and hands it to the plugin as libsinsp does: the plugin gets a handle to an
//     ss_plugin_table_input and dispatch vtables that forward every call through it
//     (t->reader_ext->fn(t->table, ...)). The plugin's fields and its parser repeat one table
//     operation K times per call, so that the fixed cost of the call spreads over K operations;
//   - exported table: the plugin exports "bench_export" through add_table; the driver calls the
//     callbacks of the copied ss_plugin_table_input directly, as the framework or another plugin
//     would;
//   - the floor: the same loops by the driver on its own C table, through its own vtables
//     (directly, and through the dispatchers), i.e. what a call costs when no managed code runs.
// For each round, every C# workload runs right before its C floor, so that machine noise hits
// both alike; the figures are medians over the rounds.
//
//   table_bench run <tablebench.so> [<tablebench-diagnostics.so>] [--rounds N] [--calls N]
//                   [--per-call K] [--ops N]
//       The benchmark: checks the plugin's results first, then measures and prints a table of
//       medians and one JSON line. With the diagnostics build (FalcoPluginDiagnostics=true) it
//       also counts managed bytes allocated per operation.
//   table_bench loop <tablebench.so> <workload> <count>
//       One workload in a loop, for profilers (perf record, perf stat); count = calls of 1000
//       operations for the imported workloads (read1 and lookup1: 1000 one-operation calls per
//       count), operations for the exported ones and the C floor loops:
//       read | read_str | read_strcopy | lookup | export_read | write | write_str | write_utf8 |
//       read1 | lookup1 | ex_read | ex_read_str | ex_write | ex_write_str | ex_lookup, or a C floor
//       loop: c_<op> (direct) or cd_<op> (through the dispatchers), op = read | read_str | write |
//       write_str | get_release | get_read_release.
//
// Timing uses CLOCK_MONOTONIC around whole loops.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plugin_abi.h"

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("table_bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static inline uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

// Hides a pointer's value from the optimizer: the floor loops must call through the vtables as
// a real caller does, not have gcc see which static function a vtable slot holds and inline it.
static inline void *opaque(const void *p) {
  void *q = (void *)(uintptr_t)p;
  __asm__ volatile("" : "+r"(q));
  return q;
}

// ---------------------------------------------------------------------------------------------
// The framework's table "bench_threads": the cheapest reasonable implementation (a fixed array
// indexed by tid, values stored inline, the name in a fixed buffer), so that its cost is the
// floor any framework pays per call.

#define FIRST_TID 100
#define THREAD_COUNT 8
#define NAME_CAP 64

typedef struct {
  int64_t tid;
  uint64_t value;
  char name[NAME_CAP];
  int present;
} thread_entry;

typedef struct {
  thread_entry entries[THREAD_COUNT];
} threads_table;

enum { FIELD_TID, FIELD_VALUE, FIELD_NAME, FIELD_COUNT };

typedef struct {
  const char *name;
  ss_plugin_state_type type;
  int id;
  int read_only;
} field_def;

static const field_def THREAD_FIELDS[FIELD_COUNT] = {
    {"tid", SS_PLUGIN_ST_INT64, FIELD_TID, 1},
    {"value", SS_PLUGIN_ST_UINT64, FIELD_VALUE, 0},
    {"name", SS_PLUGIN_ST_STRING, FIELD_NAME, 0},
};

static const ss_plugin_table_fieldinfo THREAD_FIELD_INFOS[FIELD_COUNT] = {
    {"tid", SS_PLUGIN_ST_INT64, 1},
    {"value", SS_PLUGIN_ST_UINT64, 0},
    {"name", SS_PLUGIN_ST_STRING, 0},
};

static threads_table g_threads;

#define MAX_EXPORTED 4

typedef struct bench_owner bench_owner;

// What a table handle of bench_threads points to for one plugin (libsinsp keeps one accessor per
// plugin too): the table and the owner whose last error failures set.
typedef struct {
  bench_owner *owner;
  threads_table *table;
} threads_accessor;

// A table the plugin added: libsinsp copies the input and its three _ext vtables.
typedef struct {
  ss_plugin_table_input in;
  ss_plugin_table_reader_vtable_ext reader;
  ss_plugin_table_writer_vtable_ext writer;
  ss_plugin_table_fields_vtable_ext fields;
} exported_table;

// The framework's side of one plugin state (ss_plugin_owner_t*): its last error, its handle to
// bench_threads, and the tables it exported. Each plugin state gets its own registry, as each
// would in its own inspector, so that several states of the one library can export bench_export.
struct bench_owner {
  char last_error[256];
  threads_accessor threads_acc;
  ss_plugin_table_input threads_input;
  int nexported;
  exported_table exported[MAX_EXPORTED];
  ss_plugin_table_info infos[1 + MAX_EXPORTED];
};

static void set_error(bench_owner *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(bench_owner *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(o->last_error, sizeof(o->last_error), fmt, ap);
  va_end(ap);
}

static const char *get_owner_last_error(ss_plugin_owner_t *o) {
  bench_owner *owner = o;
  return owner->last_error[0] ? owner->last_error : NULL;
}

static const char *threads_get_name(ss_plugin_table_t *t) {
  (void)t;
  return "bench_threads";
}

static uint64_t threads_get_size(ss_plugin_table_t *t) {
  threads_accessor *a = t;
  uint64_t n = 0;
  for (int i = 0; i < THREAD_COUNT; i++) n += a->table->entries[i].present != 0;
  return n;
}

static ss_plugin_table_entry_t *threads_get_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key) {
  threads_accessor *a = t;
  uint64_t index = (uint64_t)(key->s64 - FIRST_TID);
  if (index < THREAD_COUNT && a->table->entries[index].present) return &a->table->entries[index];
  set_error(a->owner, "get_entry found no element at given key");
  return NULL;
}

static ss_plugin_rc threads_read_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                       ss_plugin_state_data *out) {
  (void)t;
  const thread_entry *entry = e;
  switch (((const field_def *)f)->id) {
    case FIELD_VALUE: out->u64 = entry->value; return SS_PLUGIN_SUCCESS;
    case FIELD_NAME: out->str = entry->name; return SS_PLUGIN_SUCCESS;
    case FIELD_TID: out->s64 = entry->tid; return SS_PLUGIN_SUCCESS;
    default: return SS_PLUGIN_FAILURE;
  }
}

static void threads_release_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) {
  // Entries are array slots that live as long as the table: nothing to release.
  (void)t;
  (void)e;
}

static ss_plugin_bool threads_iterate(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
                                      ss_plugin_table_iterator_state_t *s) {
  threads_accessor *a = t;
  for (int i = 0; i < THREAD_COUNT; i++)
    if (a->table->entries[i].present && !it(s, &a->table->entries[i])) return 0;
  return 1;
}

static ss_plugin_rc threads_clear(ss_plugin_table_t *t) {
  threads_accessor *a = t;
  for (int i = 0; i < THREAD_COUNT; i++) a->table->entries[i].present = 0;
  return SS_PLUGIN_SUCCESS;
}

static ss_plugin_rc threads_erase(ss_plugin_table_t *t, const ss_plugin_state_data *key) {
  threads_accessor *a = t;
  uint64_t index = (uint64_t)(key->s64 - FIRST_TID);
  if (index >= THREAD_COUNT || !a->table->entries[index].present) {
    set_error(a->owner, "table entry not found");
    return SS_PLUGIN_FAILURE;
  }
  a->table->entries[index].present = 0;
  return SS_PLUGIN_SUCCESS;
}

static ss_plugin_table_entry_t *threads_create_entry(ss_plugin_table_t *t) {
  (void)t;
  return calloc(1, sizeof(thread_entry));
}

static void threads_destroy_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) {
  (void)t;
  free(e);
}

static ss_plugin_table_entry_t *threads_add_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key,
                                                  ss_plugin_table_entry_t *e) {
  threads_accessor *a = t;
  uint64_t index = (uint64_t)(key->s64 - FIRST_TID);
  if (index >= THREAD_COUNT) {
    set_error(a->owner, "bench_threads holds tids %d to %d only", FIRST_TID, FIRST_TID + THREAD_COUNT - 1);
    return NULL;
  }
  thread_entry *slot = &a->table->entries[index];
  *slot = *(thread_entry *)e;
  slot->tid = key->s64;
  slot->present = 1;
  free(e);
  return slot;
}

static ss_plugin_rc threads_write_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                        const ss_plugin_state_data *in) {
  threads_accessor *a = t;
  thread_entry *entry = e;
  const field_def *field = f;
  switch (field->id) {
    case FIELD_VALUE: entry->value = in->u64; return SS_PLUGIN_SUCCESS;
    case FIELD_NAME: {
      // libsinsp assigns into a std::string; a bounded copy into the entry is the cheapest
      // equivalent. NULL reads as "" as in libsinsp.
      const char *s = in->str ? in->str : "";
      size_t len = strlen(s);
      if (len >= NAME_CAP) {
        set_error(a->owner, "name of %zu bytes does not fit bench_threads", len);
        return SS_PLUGIN_FAILURE;
      }
      memcpy(entry->name, s, len + 1);
      return SS_PLUGIN_SUCCESS;
    }
    default:
      set_error(a->owner, "can't set a read-only static struct field: %s", field->name);
      return SS_PLUGIN_FAILURE;
  }
}

static const ss_plugin_table_fieldinfo *threads_list_fields(ss_plugin_table_t *t, uint32_t *nfields) {
  (void)t;
  *nfields = FIELD_COUNT;
  return THREAD_FIELD_INFOS;
}

static ss_plugin_table_field_t *threads_get_field(ss_plugin_table_t *t, const char *name, ss_plugin_state_type type) {
  threads_accessor *a = t;
  for (int i = 0; i < FIELD_COUNT; i++) {
    if (strcmp(THREAD_FIELDS[i].name, name) != 0) continue;
    if (THREAD_FIELDS[i].type != type) {
      set_error(a->owner, "incompatible data types for static field: %s", name);
      return NULL;
    }
    return (ss_plugin_table_field_t *)&THREAD_FIELDS[i];
  }
  set_error(a->owner, "undefined field '%s' in table 'bench_threads'", name);
  return NULL;
}

static ss_plugin_table_field_t *threads_add_field(ss_plugin_table_t *t, const char *name, ss_plugin_state_type type) {
  threads_accessor *a = t;
  for (int i = 0; i < FIELD_COUNT; i++)
    if (!strcmp(THREAD_FIELDS[i].name, name) && THREAD_FIELDS[i].type == type) return (ss_plugin_table_field_t *)&THREAD_FIELDS[i];
  set_error(a->owner, "bench_threads takes no dynamic fields (%s)", name);
  return NULL;
}

static ss_plugin_table_reader_vtable_ext THREADS_READER = {threads_get_name, threads_get_size, threads_get_entry,
                                                           threads_read_field, threads_release_entry, threads_iterate};
static ss_plugin_table_writer_vtable_ext THREADS_WRITER = {threads_clear, threads_erase, threads_create_entry,
                                                           threads_destroy_entry, threads_add_entry, threads_write_field};
static ss_plugin_table_fields_vtable_ext THREADS_FIELDS = {threads_list_fields, threads_get_field, threads_add_field};

static void reset_threads(void) {
  memset(&g_threads, 0, sizeof(g_threads));
  for (int i = 0; i < THREAD_COUNT; i++) {
    thread_entry *e = &g_threads.entries[i];
    e->tid = FIRST_TID + i;
    e->value = 7 + (uint64_t)i;
    snprintf(e->name, sizeof(e->name), "thread-%d", FIRST_TID + i);
    e->present = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The dispatchers libsinsp gives plugins: every table handle points to an ss_plugin_table_input,
// and each call forwards to that table's own vtable with its own table pointer. The plugin's
// imported-table calls pay this hop, as they do in Falco.

#define IN(t) ((const ss_plugin_table_input *)(t))

static const char *d_get_table_name(ss_plugin_table_t *t) { return IN(t)->reader_ext->get_table_name(IN(t)->table); }
static uint64_t d_get_table_size(ss_plugin_table_t *t) { return IN(t)->reader_ext->get_table_size(IN(t)->table); }
static ss_plugin_table_entry_t *d_get_table_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key) {
  return IN(t)->reader_ext->get_table_entry(IN(t)->table, key);
}
static ss_plugin_rc d_read_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                       ss_plugin_state_data *out) {
  return IN(t)->reader_ext->read_entry_field(IN(t)->table, e, f, out);
}
static void d_release_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) {
  IN(t)->reader_ext->release_table_entry(IN(t)->table, e);
}
static ss_plugin_bool d_iterate_entries(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
                                        ss_plugin_table_iterator_state_t *s) {
  return IN(t)->reader_ext->iterate_entries(IN(t)->table, it, s);
}
static ss_plugin_rc d_clear_table(ss_plugin_table_t *t) { return IN(t)->writer_ext->clear_table(IN(t)->table); }
static ss_plugin_rc d_erase_table_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key) {
  return IN(t)->writer_ext->erase_table_entry(IN(t)->table, key);
}
static ss_plugin_table_entry_t *d_create_table_entry(ss_plugin_table_t *t) {
  return IN(t)->writer_ext->create_table_entry(IN(t)->table);
}
static void d_destroy_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) {
  IN(t)->writer_ext->destroy_table_entry(IN(t)->table, e);
}
static ss_plugin_table_entry_t *d_add_table_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key,
                                                  ss_plugin_table_entry_t *e) {
  return IN(t)->writer_ext->add_table_entry(IN(t)->table, key, e);
}
static ss_plugin_rc d_write_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e, const ss_plugin_table_field_t *f,
                                        const ss_plugin_state_data *in) {
  return IN(t)->writer_ext->write_entry_field(IN(t)->table, e, f, in);
}
static const ss_plugin_table_fieldinfo *d_list_table_fields(ss_plugin_table_t *t, uint32_t *n) {
  return IN(t)->fields_ext->list_table_fields(IN(t)->table, n);
}
static ss_plugin_table_field_t *d_get_table_field(ss_plugin_table_t *t, const char *name, ss_plugin_state_type type) {
  return IN(t)->fields_ext->get_table_field(IN(t)->table, name, type);
}
static ss_plugin_table_field_t *d_add_table_field(ss_plugin_table_t *t, const char *name, ss_plugin_state_type type) {
  return IN(t)->fields_ext->add_table_field(IN(t)->table, name, type);
}

static ss_plugin_table_reader_vtable_ext DISPATCH_READER = {d_get_table_name, d_get_table_size, d_get_table_entry,
                                                            d_read_entry_field, d_release_table_entry, d_iterate_entries};
static ss_plugin_table_writer_vtable_ext DISPATCH_WRITER = {d_clear_table, d_erase_table_entry, d_create_table_entry,
                                                            d_destroy_table_entry, d_add_table_entry, d_write_entry_field};
static ss_plugin_table_fields_vtable_ext DISPATCH_FIELDS = {d_list_table_fields, d_get_table_field, d_add_table_field};
static const ss_plugin_table_reader_vtable DISPATCH_READER_LEGACY = {d_get_table_name, d_get_table_size, d_get_table_entry,
                                                                     d_read_entry_field};

// ---------------------------------------------------------------------------------------------
// The registry functions of the init input

static ss_plugin_table_info *list_tables(ss_plugin_owner_t *o, uint32_t *ntables) {
  bench_owner *owner = o;
  owner->infos[0] = (ss_plugin_table_info){"bench_threads", SS_PLUGIN_ST_INT64};
  for (int i = 0; i < owner->nexported; i++)
    owner->infos[1 + i] = (ss_plugin_table_info){owner->exported[i].in.name, owner->exported[i].in.key_type};
  *ntables = 1 + (uint32_t)owner->nexported;
  return owner->infos;
}

static ss_plugin_table_t *get_table(ss_plugin_owner_t *o, const char *name, ss_plugin_state_type key_type) {
  bench_owner *owner = o;
  ss_plugin_table_input *found = NULL;
  if (!strcmp(name, "bench_threads")) found = &owner->threads_input;
  for (int i = 0; i < owner->nexported; i++)
    if (!strcmp(name, owner->exported[i].in.name)) found = &owner->exported[i].in;
  if (!found) return NULL;  // as libsinsp: an absent table gives NULL and no message
  if (found->key_type != key_type) {
    set_error(owner, "table in registry accessed with wrong key type: table='%s'", name);
    return NULL;
  }
  return found;
}

// libsinsp's checks of add_table for plugins requiring API >= 3.1: every _ext function set, and
// the deprecated by-value vtables equal to their _ext twins.
static ss_plugin_rc add_table(ss_plugin_owner_t *o, const ss_plugin_table_input *in) {
  bench_owner *owner = o;
  const char *prefix = "failure in adding state table defined by plugin 'tablebench': ";
  if (!in || !in->name) {
    set_error(owner, "%s%s", prefix, !in ? "input is null" : "name is null");
    return SS_PLUGIN_FAILURE;
  }
  if (!in->reader_ext || !in->writer_ext || !in->fields_ext) {
    set_error(owner, "%sextended vtables must all be defined", prefix);
    return SS_PLUGIN_FAILURE;
  }
  const ss_plugin_table_reader_vtable_ext *r = in->reader_ext;
  const ss_plugin_table_writer_vtable_ext *w = in->writer_ext;
  const ss_plugin_table_fields_vtable_ext *f = in->fields_ext;
  if (!r->get_table_name || !r->get_table_size || !r->get_table_entry || !r->read_entry_field || !r->release_table_entry ||
      !r->iterate_entries || r->get_table_name != in->reader.get_table_name || r->get_table_size != in->reader.get_table_size ||
      r->get_table_entry != in->reader.get_table_entry || r->read_entry_field != in->reader.read_entry_field) {
    set_error(owner, "%sbroken or inconsistent reader vtables", prefix);
    return SS_PLUGIN_FAILURE;
  }
  if (memcmp(w, &in->writer, sizeof(*w)) != 0 || !w->clear_table || !w->erase_table_entry || !w->create_table_entry ||
      !w->destroy_table_entry || !w->add_table_entry || !w->write_entry_field) {
    set_error(owner, "%sbroken or inconsistent writer vtables", prefix);
    return SS_PLUGIN_FAILURE;
  }
  if (memcmp(f, &in->fields, sizeof(*f)) != 0 || !f->list_table_fields || !f->get_table_field || !f->add_table_field) {
    set_error(owner, "%sbroken or inconsistent fields vtables", prefix);
    return SS_PLUGIN_FAILURE;
  }
  if (!strcmp(in->name, "bench_threads")) {
    set_error(owner, "table added to registry multiple times: %s", in->name);
    return SS_PLUGIN_FAILURE;
  }
  for (int i = 0; i < owner->nexported; i++) {
    if (!strcmp(in->name, owner->exported[i].in.name)) {
      set_error(owner, "table added to registry multiple times: %s", in->name);
      return SS_PLUGIN_FAILURE;
    }
  }
  if (owner->nexported == MAX_EXPORTED) {
    set_error(owner, "%sthe benchmark keeps %d tables per plugin at most", prefix, MAX_EXPORTED);
    return SS_PLUGIN_FAILURE;
  }
  // Copied, as libsinsp does: the plugin's structs may be temporary; name, table and the
  // functions must outlive the table.
  exported_table *x = &owner->exported[owner->nexported++];
  x->in = *in;
  x->reader = *r;
  x->writer = *w;
  x->fields = *f;
  x->in.reader_ext = &x->reader;
  x->in.writer_ext = &x->writer;
  x->in.fields_ext = &x->fields;
  return SS_PLUGIN_SUCCESS;
}

static void owner_init(bench_owner *o) {
  memset(o, 0, sizeof(*o));
  o->threads_acc = (threads_accessor){o, &g_threads};
  o->threads_input.name = "bench_threads";
  o->threads_input.key_type = SS_PLUGIN_ST_INT64;
  o->threads_input.table = &o->threads_acc;
  memcpy(&o->threads_input.reader, &THREADS_READER, sizeof(o->threads_input.reader));
  o->threads_input.writer = THREADS_WRITER;
  o->threads_input.fields = THREADS_FIELDS;
  o->threads_input.reader_ext = &THREADS_READER;
  o->threads_input.writer_ext = &THREADS_WRITER;
  o->threads_input.fields_ext = &THREADS_FIELDS;
}

// ---------------------------------------------------------------------------------------------
// The plugin

typedef struct {
  const char *label;
  void *lib;
  const char *(*get_required_api_version)(void);
  ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *);
  void (*destroy)(ss_plugin_t *);
  const char *(*get_last_error)(ss_plugin_t *);
  const char *(*get_fields)(void);
  ss_plugin_rc (*extract_fields)(ss_plugin_t *, const ss_plugin_event_input *, const ss_plugin_field_extract_input *);
  ss_plugin_rc (*parse_event)(ss_plugin_t *, const ss_plugin_event_input *, const ss_plugin_event_parse_input *);
  uint64_t (*allocated_bytes)(void);  // only in builds with FalcoPluginDiagnostics=true
  uint64_t evtnum;
} plugin_t;

static void load(plugin_t *p, const char *label, const char *path) {
  memset(p, 0, sizeof(*p));
  p->label = label;
  p->lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!p->lib) die("dlopen %s: %s", path, dlerror());
  // Function pointers come from dlsym as void*; POSIX guarantees the conversion.
  *(void **)&p->get_required_api_version = dlsym(p->lib, "plugin_get_required_api_version");
  *(void **)&p->init = dlsym(p->lib, "plugin_init");
  *(void **)&p->destroy = dlsym(p->lib, "plugin_destroy");
  *(void **)&p->get_last_error = dlsym(p->lib, "plugin_get_last_error");
  *(void **)&p->get_fields = dlsym(p->lib, "plugin_get_fields");
  *(void **)&p->extract_fields = dlsym(p->lib, "plugin_extract_fields");
  *(void **)&p->parse_event = dlsym(p->lib, "plugin_parse_event");
  *(void **)&p->allocated_bytes = dlsym(p->lib, "falco_plugin_sdk_allocated_bytes");
  if (!p->get_required_api_version || !p->init || !p->destroy || !p->get_last_error || !p->get_fields ||
      !p->extract_fields || !p->parse_event)
    die("%s lacks a symbol of a parse+extract plugin", path);
  unsigned major = 0, minor = 0;
  if (sscanf(p->get_required_api_version(), "%u.%u", &major, &minor) != 2 || major != 3)
    die("%s requires plugin API %s; the driver implements 3.x", path, p->get_required_api_version());
  // Everything the driver fills (the _ext vtables of 3.1, reader_ext/writer_ext in the init
  // tables input of 3.5) is what a 3.5+ framework passes: any 3.x plugin reads a prefix of it.
}

// One plugin state and the framework's side of it.
typedef struct {
  plugin_t *p;
  ss_plugin_t *s;
  bench_owner owner;
  ss_plugin_init_tables_input tables;
} state_t;

static void state_init(state_t *st, plugin_t *p, const char *config) {
  memset(st, 0, sizeof(*st));
  st->p = p;
  owner_init(&st->owner);
  st->tables.list_tables = list_tables;
  st->tables.get_table = get_table;
  st->tables.add_table = add_table;
  st->tables.fields = DISPATCH_FIELDS;
  st->tables.fields_ext = &DISPATCH_FIELDS;
  st->tables.reader_ext = &DISPATCH_READER;
  st->tables.writer_ext = &DISPATCH_WRITER;
  ss_plugin_init_input in = {config, &st->owner, get_owner_last_error, &st->tables, NULL};
  ss_plugin_rc rc = SS_PLUGIN_FAILURE;
  st->s = p->init(&in, &rc);
  if (rc != SS_PLUGIN_SUCCESS)
    die("%s: init(%s) failed: %s", p->label, config, st->s ? p->get_last_error(st->s) : "(no state)");
  if (st->owner.nexported != 1 || strcmp(st->owner.exported[0].in.name, "bench_export") != 0 ||
      st->owner.exported[0].in.key_type != SS_PLUGIN_ST_INT64)
    die("%s: init did not export bench_export with int64 keys", p->label);
}

static void state_destroy(state_t *st) { st->p->destroy(st->s); }

// A syscall event (code 60, pipe entry: no parameters, a bare 26-byte header) of a thread that
// bench_threads holds.
#define BENCH_TID (FIRST_TID + 3)
static const ss_plugin_event BENCH_EVENT = {.ts = 1, .tid = BENCH_TID, .len = sizeof(ss_plugin_event), .type = 60, .nparams = 0};

// The field ids of the plugin's fields, by name, from get_fields.
static uint32_t field_id(plugin_t *p, const char *name) {
  char quoted[96];
  snprintf(quoted, sizeof(quoted), "\"name\":\"%s\"", name);
  const char *json = p->get_fields();
  uint32_t id = 0;
  for (const char *at = strstr(json, "\"name\":\""); at; at = strstr(at + 1, "\"name\":\""), id++)
    if (!strncmp(at, quoted, strlen(quoted))) return id;
  die("%s has no field %s", p->label, name);
}

// extract_fields calls with one field, the way libsinsp asks for a filter field; returns the
// value of the last call.
static uint64_t extract(state_t *st, uint32_t id, const char *name, uint64_t arg, uint64_t calls) {
  plugin_t *p = st->p;
  ss_plugin_extract_field field;
  ss_plugin_field_extract_input in;
  memset(&in, 0, sizeof(in));
  in.owner = &st->owner;
  in.get_owner_last_error = get_owner_last_error;
  in.num_fields = 1;
  in.fields = &field;
  _Static_assert(sizeof(in.table_reader) == sizeof(DISPATCH_READER_LEGACY), "the inline reader vtable has 4 slots");
  memcpy(in.table_reader, &DISPATCH_READER_LEGACY, sizeof(in.table_reader));
  in.table_reader_ext = &DISPATCH_READER;
  ss_plugin_event_input ev = {&BENCH_EVENT, 0, "syscall"};
  uint64_t value = 0;
  for (uint64_t i = 0; i < calls; i++) {
    field = (ss_plugin_extract_field){.field_id = id, .field = name, .arg_index = arg, .arg_present = 1, .ftype = FTYPE_UINT64};
    ev.evtnum = ++p->evtnum;
    ss_plugin_rc rc = p->extract_fields(st->s, &ev, &in);
    if (rc != SS_PLUGIN_SUCCESS || field.res_len != 1)
      die("%s: extract %s[%" PRIu64 "] failed (rc %d, %" PRIu64 " values): %s", p->label, name, arg, rc, field.res_len,
          p->get_last_error(st->s));
    value = field.res.u64[0];
  }
  return value;
}

static void parse(state_t *st, uint64_t calls) {
  plugin_t *p = st->p;
  ss_plugin_event_parse_input in;
  memset(&in, 0, sizeof(in));
  in.owner = &st->owner;
  in.get_owner_last_error = get_owner_last_error;
  memcpy(&in.table_reader, &DISPATCH_READER_LEGACY, sizeof(in.table_reader));
  in.table_writer = DISPATCH_WRITER;
  in.table_reader_ext = &DISPATCH_READER;
  in.table_writer_ext = &DISPATCH_WRITER;
  ss_plugin_event_input ev = {&BENCH_EVENT, 0, "syscall"};
  for (uint64_t i = 0; i < calls; i++) {
    ev.evtnum = ++p->evtnum;
    if (p->parse_event(st->s, &ev, &in) != SS_PLUGIN_SUCCESS) die("%s: parse_event failed: %s", p->label, p->get_last_error(st->s));
  }
}

// ---------------------------------------------------------------------------------------------
// Table loops shared by the exported table (the plugin's callbacks) and the floor (the C table):
// the same code, given a table input and its field handles.

typedef struct {
  const ss_plugin_table_input *in;  // whose table pointer and vtables are called
  ss_plugin_table_t *t;              // in->table
  const ss_plugin_table_reader_vtable_ext *r;
  const ss_plugin_table_writer_vtable_ext *w;
  ss_plugin_table_field_t *value, *name;
  ss_plugin_state_data key;
  const char *strings[2];  // written alternately, so that every write changes the value
} table_target;

static table_target target_of(const ss_plugin_table_input *in, int64_t key, const char *a, const char *b) {
  table_target x;
  x.in = in;
  x.t = in->table;
  x.r = in->reader_ext;
  x.w = in->writer_ext;
  x.value = in->fields_ext->get_table_field(in->table, "value", SS_PLUGIN_ST_UINT64);
  x.name = in->fields_ext->get_table_field(in->table, "name", SS_PLUGIN_ST_STRING);
  if (!x.value || !x.name) die("table %s lacks the fields value (uint64) and name (string)", in->name);
  x.key.s64 = key;
  x.strings[0] = a;
  x.strings[1] = b;
  return x;
}

enum { OP_READ, OP_READ_STR, OP_WRITE, OP_WRITE_STR, OP_GET_RELEASE, OP_GET_READ_RELEASE, OP_COUNT };
static const char *const OP_NAMES[OP_COUNT] = {"read", "read_str", "write", "write_str", "get_release", "get_read_release"};

// ops operations of one kind; returns ns per operation. Entry handles are taken once for the
// read and write loops, as a plugin that opens an entry and reads many fields would.
__attribute__((noinline)) static double table_loop(const table_target *x0, int op, uint64_t ops) {
  table_target x = *x0;
  x.t = opaque(x.t);
  x.r = opaque(x.r);
  x.w = opaque(x.w);
  ss_plugin_table_entry_t *e = NULL;
  if (op <= OP_WRITE_STR) {
    e = x.r->get_table_entry(x.t, &x.key);
    if (!e) die("table %s has no entry %" PRId64, x.in->name, x.key.s64);
  }
  uint64_t sum = 0;
  ss_plugin_state_data d;
  uint64_t t0 = now_ns();
  switch (op) {
    case OP_READ:
      for (uint64_t i = 0; i < ops; i++) {
        if (x.r->read_entry_field(x.t, e, x.value, &d) != SS_PLUGIN_SUCCESS) die("read_entry_field failed");
        sum += d.u64;
      }
      break;
    case OP_READ_STR:
      // The length of the value, as the plugin's GetUtf8 measures it.
      for (uint64_t i = 0; i < ops; i++) {
        if (x.r->read_entry_field(x.t, e, x.name, &d) != SS_PLUGIN_SUCCESS) die("read_entry_field failed");
        sum += strlen(d.str);
      }
      break;
    case OP_WRITE:
      for (uint64_t i = 0; i < ops; i++) {
        d.u64 = i;
        if (x.w->write_entry_field(x.t, e, x.value, &d) != SS_PLUGIN_SUCCESS) die("write_entry_field failed");
      }
      break;
    case OP_WRITE_STR:
      for (uint64_t i = 0; i < ops; i++) {
        d.str = x.strings[i & 1];
        if (x.w->write_entry_field(x.t, e, x.name, &d) != SS_PLUGIN_SUCCESS) die("write_entry_field failed");
      }
      break;
    case OP_GET_RELEASE:
      for (uint64_t i = 0; i < ops; i++) {
        ss_plugin_table_entry_t *h = x.r->get_table_entry(x.t, &x.key);
        if (!h) die("get_table_entry failed");
        x.r->release_table_entry(x.t, h);
      }
      break;
    case OP_GET_READ_RELEASE:
      for (uint64_t i = 0; i < ops; i++) {
        ss_plugin_table_entry_t *h = x.r->get_table_entry(x.t, &x.key);
        if (!h || x.r->read_entry_field(x.t, h, x.value, &d) != SS_PLUGIN_SUCCESS) die("get_table_entry/read failed");
        sum += d.u64;
        x.r->release_table_entry(x.t, h);
      }
      break;
    default: die("unknown table op %d", op);
  }
  uint64_t t1 = now_ns();
  if (e) x.r->release_table_entry(x.t, e);
  // Keeps the sums alive, so the reads stay in the loop.
  __asm__ volatile("" : : "r"(sum));
  return (double)(t1 - t0) / (double)ops;
}

// The C floor for bench_threads: directly through its own vtables, or through the dispatchers
// the plugin uses.
static table_target floor_target(bench_owner *o, int dispatch) {
  static ss_plugin_table_input via_dispatch;
  if (!dispatch) return target_of(&o->threads_input, BENCH_TID, "bench-thread-a", "bench-thread-b");
  // A table input whose table is the plugin's handle and whose vtables are the dispatchers: the
  // loops then make exactly the calls the plugin makes.
  via_dispatch = o->threads_input;
  via_dispatch.table = &o->threads_input;
  via_dispatch.reader_ext = &DISPATCH_READER;
  via_dispatch.writer_ext = &DISPATCH_WRITER;
  via_dispatch.fields_ext = &DISPATCH_FIELDS;
  return target_of(&via_dispatch, BENCH_TID, "bench-thread-a", "bench-thread-b");
}

static table_target export_target(state_t *st) {
  return target_of(&st->owner.exported[0].in, 1, "bench-export-a", "bench-export-b");
}

// ---------------------------------------------------------------------------------------------
// Workloads

enum {
  // The plugin on the imported table (K operations per call)
  W_READ, W_READ_STR, W_READ_STRCOPY, W_LOOKUP, W_EXPORT_READ, W_WRITE, W_WRITE_STR, W_WRITE_UTF8,
  // One operation per call: the cost of a single field read as Falco asks for it
  W_READ1, W_LOOKUP1,
  // The driver on the plugin's exported table
  W_EX_READ, W_EX_READ_STR, W_EX_WRITE, W_EX_WRITE_STR, W_EX_LOOKUP,
  W_COUNT
};

typedef struct {
  const char *name;   // for loop mode and JSON
  const char *label;  // for the table
  const char *field;  // extract workloads: the field asked for
  int state;          // which plugin state (config) runs it
  int floor_op;       // the C loop it compares with (-1: none)
  int floor_dispatch; // whether that loop goes through the dispatchers
} workload;

// The init configs of the three plugin states: {"writes":K} and these members.
enum { ST_U64, ST_STR, ST_UTF8, ST_COUNT };
static const char *const STATE_CONFIGS[ST_COUNT] = {
    "",
    ",\"writeString\":true",
    ",\"writeString\":true,\"utf8\":true",
};

static const workload WORKLOADS[W_COUNT] = {
    {"read", "imported: read uint64 (Get)", "tablebench.read", ST_U64, OP_READ, 1},
    {"read_str", "imported: read string (GetUtf8)", "tablebench.read_str", ST_U64, OP_READ_STR, 1},
    {"read_strcopy", "imported: read string (Get<string>)", "tablebench.read_strcopy", ST_U64, OP_READ_STR, 1},
    {"lookup", "imported: lookup+read+release", "tablebench.lookup", ST_U64, OP_GET_READ_RELEASE, 1},
    {"export_read", "owner: read own exported (Get)", "tablebench.export_read", ST_U64, -1, 0},
    {"write", "imported: write uint64 (Set)", NULL, ST_U64, OP_WRITE, 1},
    {"write_str", "imported: write string (Set)", NULL, ST_STR, OP_WRITE_STR, 1},
    {"write_utf8", "imported: write string (SetUtf8)", NULL, ST_UTF8, OP_WRITE_STR, 1},
    {"read1", "extract read[1]: whole call", "tablebench.read", ST_U64, -1, 0},
    {"lookup1", "extract lookup[1]: whole call", "tablebench.lookup", ST_U64, -1, 0},
    {"ex_read", "exported: read_entry_field uint64", NULL, ST_U64, OP_READ, 0},
    {"ex_read_str", "exported: read_entry_field string", NULL, ST_U64, OP_READ_STR, 0},
    {"ex_write", "exported: write_entry_field uint64", NULL, ST_U64, OP_WRITE, 0},
    {"ex_write_str", "exported: write_entry_field string", NULL, ST_U64, OP_WRITE_STR, 0},
    {"ex_lookup", "exported: get_table_entry+release", NULL, ST_U64, OP_GET_RELEASE, 0},
};

typedef struct {
  plugin_t *p;
  uint64_t k;  // operations per plugin call
  state_t states[ST_COUNT];
  uint32_t ids[W_COUNT];
  table_target exported;  // field handles looked up once, outside the measured loops
} bench_plugin;

static void bench_plugin_init(bench_plugin *b, plugin_t *p, uint64_t k) {
  b->p = p;
  b->k = k;
  for (int s = 0; s < ST_COUNT; s++) {
    char config[96];
    snprintf(config, sizeof(config), "{\"writes\":%" PRIu64 "%s}", k, STATE_CONFIGS[s]);
    state_init(&b->states[s], p, config);
  }
  for (int w = 0; w < W_COUNT; w++) b->ids[w] = WORKLOADS[w].field ? field_id(p, WORKLOADS[w].field) : 0;
  b->exported = export_target(&b->states[ST_U64]);
}

static void bench_plugin_destroy(bench_plugin *b) {
  for (int s = 0; s < ST_COUNT; s++) state_destroy(&b->states[s]);
}

// Runs a workload: `calls` plugin calls of K operations for the imported ones, `ops` operations
// for the exported ones; returns the number of operations done.
static uint64_t run_workload(bench_plugin *b, int w, uint64_t calls, uint64_t ops, double *ns_per_op) {
  const workload *wl = &WORKLOADS[w];
  uint64_t k = b->k;
  state_t *st = &b->states[wl->state];
  uint64_t t0 = now_ns(), done;
  if (w >= W_EX_READ) {
    *ns_per_op = table_loop(&b->exported, wl->floor_op, ops);
    return ops;
  }
  if (w == W_READ1 || w == W_LOOKUP1) {
    extract(st, b->ids[w], wl->field, 1, calls * k);
    done = calls * k;
  } else if (wl->field) {
    extract(st, b->ids[w], wl->field, k, calls);
    done = calls * k;
  } else {
    parse(st, calls);  // each parse writes K times (STATE_CONFIGS)
    done = calls * k;
  }
  *ns_per_op = (double)(now_ns() - t0) / (double)done;
  return done;
}

// ---------------------------------------------------------------------------------------------
// Checks: the plugin reads and writes what the tables hold, on both sides.

static void check(bench_plugin *b) {
  state_t *st = &b->states[ST_U64];
  const thread_entry *e = &g_threads.entries[BENCH_TID - FIRST_TID];
  uint64_t got = extract(st, b->ids[W_READ], "tablebench.read", 3, 1);
  if (got != 3 * e->value) die("read[3] = %" PRIu64 ", expected %" PRIu64, got, 3 * e->value);
  got = extract(st, b->ids[W_READ_STR], "tablebench.read_str", 2, 1);
  if (got != 2 * strlen(e->name)) die("read_str[2] = %" PRIu64 ", expected %zu", got, 2 * strlen(e->name));
  got = extract(st, b->ids[W_READ_STRCOPY], "tablebench.read_strcopy", 2, 1);
  if (got != 2 * strlen(e->name)) die("read_strcopy[2] = %" PRIu64 ", expected %zu", got, 2 * strlen(e->name));
  got = extract(st, b->ids[W_LOOKUP], "tablebench.lookup", 4, 1);
  if (got != 4 * e->value) die("lookup[4] = %" PRIu64 ", expected %" PRIu64, got, 4 * e->value);
  got = extract(st, b->ids[W_EXPORT_READ], "tablebench.export_read", 2, 1);
  if (got != 84) die("export_read[2] = %" PRIu64 ", expected 84", got);

  // An absent thread: the field is absent, not an error.
  ss_plugin_event other = BENCH_EVENT;
  other.tid = 99;
  ss_plugin_extract_field field = {.field_id = b->ids[W_READ], .field = "tablebench.read", .arg_index = 1, .arg_present = 1, .ftype = FTYPE_UINT64};
  ss_plugin_field_extract_input in = {.owner = &st->owner, .get_owner_last_error = get_owner_last_error, .num_fields = 1, .fields = &field, .table_reader_ext = &DISPATCH_READER};
  ss_plugin_event_input ev = {&other, ++b->p->evtnum, "syscall"};
  if (b->p->extract_fields(st->s, &ev, &in) != SS_PLUGIN_SUCCESS || field.res_len != 0) die("read of an absent thread is not absent");

  parse(&b->states[ST_U64], 1);
  // Write i of K writes stores i, or the name of index i & 1: the last one is left.
  if (e->value != b->k - 1) die("after parse with %" PRIu64 " uint64 writes, value = %" PRIu64, b->k, e->value);
  const char *last = (b->k - 1) & 1 ? "bench-thread-b" : "bench-thread-a";
  for (int s = ST_STR; s <= ST_UTF8; s++) {
    strcpy(g_threads.entries[BENCH_TID - FIRST_TID].name, "x");
    parse(&b->states[s], 1);
    if (strcmp(e->name, last) != 0) die("after parse with %" PRIu64 " string writes, name = %s, expected %s", b->k, e->name, last);
  }

  // The exported table, as the framework sees it.
  const ss_plugin_table_input *x = &st->owner.exported[0].in;
  uint32_t n = 0;
  const ss_plugin_table_fieldinfo *fields = x->fields_ext->list_table_fields(x->table, &n);
  if (!fields || n != 2 || strcmp(fields[0].name, "value") || fields[0].field_type != SS_PLUGIN_ST_UINT64 ||
      strcmp(fields[1].name, "name") || fields[1].field_type != SS_PLUGIN_ST_STRING)
    die("bench_export lists other fields than value (uint64) and name (string)");
  if (strcmp(x->reader_ext->get_table_name(x->table), "bench_export") || x->reader_ext->get_table_size(x->table) != 1)
    die("bench_export has another name or size");
  table_target t = export_target(st);
  ss_plugin_table_entry_t *h = t.r->get_table_entry(t.t, &t.key);
  ss_plugin_state_data d;
  if (!h || t.r->read_entry_field(t.t, h, t.value, &d) || d.u64 != 42) die("bench_export[1].value is not 42");
  if (t.r->read_entry_field(t.t, h, t.name, &d) || strcmp(d.str, "bench-export-1")) die("bench_export[1].name is not bench-export-1");
  d.u64 = 5;
  if (t.w->write_entry_field(t.t, h, t.value, &d) || t.r->read_entry_field(t.t, h, t.value, &d) || d.u64 != 5)
    die("bench_export[1].value does not read back a write");
  d.str = "written";
  if (t.w->write_entry_field(t.t, h, t.name, &d) || t.r->read_entry_field(t.t, h, t.name, &d) || strcmp(d.str, "written"))
    die("bench_export[1].name does not read back a write");
  t.r->release_table_entry(t.t, h);
  ss_plugin_state_data absent = {.s64 = 2};
  if (t.r->get_table_entry(t.t, &absent)) die("bench_export has an entry 2");
}

// ---------------------------------------------------------------------------------------------
// The run

#define MAX_ROUNDS 64

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

static double median(const double *v, int n) {
  double sorted[MAX_ROUNDS];
  memcpy(sorted, v, (size_t)n * sizeof(double));
  qsort(sorted, (size_t)n, sizeof(double), cmp_double);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static uint64_t parse_count(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end || v == 0) die("not a positive count: %s", s);
  return v;
}

// Managed bytes per operation of each workload, in the diagnostics build.
static void measure_allocations(bench_plugin *b, uint64_t calls, uint64_t ops, double *bytes) {
  double ignored;
  for (int w = 0; w < W_COUNT; w++) {
    run_workload(b, w, calls / 10 + 1, ops / 10 + 1, &ignored);  // warm-up: one-time costs are not per operation
    uint64_t before = b->p->allocated_bytes();
    uint64_t done = run_workload(b, w, calls, ops, &ignored);
    bytes[w] = (double)(b->p->allocated_bytes() - before) / (double)done;
  }
}

static int run_mode(int argc, char **argv) {
  if (argc < 3) die("usage: table_bench run <tablebench.so> [<tablebench-diagnostics.so>] [--rounds N] [--calls N] [--per-call K] [--ops N]");
  int rounds = 7;
  uint64_t calls = 1000, k = 1000, ops = 1000000;
  const char *diag_path = NULL;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = (int)parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--calls") && i + 1 < argc) calls = parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--per-call") && i + 1 < argc) k = parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--ops") && i + 1 < argc) ops = parse_count(argv[++i]);
    else if (argv[i][0] != '-' && !diag_path) diag_path = argv[i];
    else die("unknown argument %s", argv[i]);
  }
  if (rounds > MAX_ROUNDS) die("at most %d rounds", MAX_ROUNDS);

  reset_threads();
  static plugin_t plugin;
  static bench_plugin b;
  load(&plugin, "C#", argv[2]);
  bench_plugin_init(&b, &plugin, k);
  check(&b);
  fprintf(stderr, "checked: reads, writes and lookups on both tables; plugin requires API %s; %d rounds, K = %" PRIu64
                  " operations per call, %" PRIu64 " calls, %" PRIu64 " operations per exported-table loop\n",
          plugin.get_required_api_version(), rounds, k, calls, ops);

  // The floor: the C table through its own vtables, and through the dispatchers.
  table_target floors[2] = {floor_target(&b.states[0].owner, 0), floor_target(&b.states[0].owner, 1)};

  static double cs[W_COUNT][MAX_ROUNDS], fl[2][OP_COUNT][MAX_ROUNDS];
  double ignored;
  // Warm-up: first calls pay for lazy initialization.
  for (int w = 0; w < W_COUNT; w++) run_workload(&b, w, calls / 10 + 1, ops / 10 + 1, &ignored);
  for (int d = 0; d < 2; d++)
    for (int op = 0; op < OP_COUNT; op++) table_loop(&floors[d], op, ops / 10 + 1);

  uint64_t t0 = now_ns();
  for (int r = 0; r < rounds; r++) {
    for (int w = 0; w < W_COUNT; w++) {
      run_workload(&b, w, calls, ops, &cs[w][r]);
      // The workload's own floor right after it, so that both see the same machine.
      int op = WORKLOADS[w].floor_op;
      if (op >= 0) {
        int d = WORKLOADS[w].floor_dispatch;
        fl[d][op][r] = table_loop(&floors[d], op, ops);
      }
    }
    // Floors no workload asked for in this configuration (direct lookup+read, dispatched get+release).
    for (int d = 0; d < 2; d++)
      for (int op = 0; op < OP_COUNT; op++) {
        int used = 0;
        for (int w = 0; w < W_COUNT; w++) used |= WORKLOADS[w].floor_op == op && WORKLOADS[w].floor_dispatch == d;
        if (!used) fl[d][op][r] = table_loop(&floors[d], op, ops);
      }
    fprintf(stderr, "round %d/%d: imported read C# %.2f / C %.2f ns, exported read C# %.2f / C %.2f ns\n", r + 1, rounds,
            cs[W_READ][r], fl[1][OP_READ][r], cs[W_EX_READ][r], fl[0][OP_READ][r]);
  }
  double seconds = (double)(now_ns() - t0) / 1e9;

  double m[W_COUNT], f[2][OP_COUNT];
  for (int w = 0; w < W_COUNT; w++) m[w] = median(cs[w], rounds);
  for (int d = 0; d < 2; d++)
    for (int op = 0; op < OP_COUNT; op++) f[d][op] = median(fl[d][op], rounds);

  int have_alloc = 0;
  double bytes[W_COUNT];
  if (diag_path) {
    static plugin_t diag;
    static bench_plugin db;
    load(&diag, "C# (diagnostics)", diag_path);
    if (!diag.allocated_bytes) die("%s has no falco_plugin_sdk_allocated_bytes export: publish with -p:FalcoPluginDiagnostics=true", diag_path);
    bench_plugin_init(&db, &diag, k);
    measure_allocations(&db, calls, ops, bytes);
    bench_plugin_destroy(&db);
    have_alloc = 1;
  }

  printf("\nmedians of %d round(s); K = %" PRIu64 " operations per plugin call; rounds took %.1f s\n", rounds, k, seconds);
  printf("%-38s %10s %10s %10s %7s %11s\n", "operation (ns/op)", "C#", "C direct", "C dispatch", "C#/C", "managed B/op");
  for (int w = 0; w < W_COUNT; w++) {
    const workload *wl = &WORKLOADS[w];
    char ratio[16] = "", direct[16] = "", dispatch[16] = "", alloc[16] = "";
    if (wl->floor_op >= 0) {
      snprintf(direct, sizeof(direct), "%.2f", f[0][wl->floor_op]);
      snprintf(dispatch, sizeof(dispatch), "%.2f", f[1][wl->floor_op]);
      snprintf(ratio, sizeof(ratio), "%.1f", m[w] / f[wl->floor_dispatch][wl->floor_op]);
    }
    if (have_alloc) snprintf(alloc, sizeof(alloc), "%.4f", bytes[w]);
    printf("%-38s %10.2f %10s %10s %7s %11s\n", wl->label, m[w], direct, dispatch, ratio, alloc);
  }
  printf("(C#/C: against the dispatched floor for the plugin's calls on the imported table, the direct one for\n"
         " the driver's calls on the exported table; the two extract rows are whole calls with one operation.)\n\n");

  printf("{\"rounds\":%d,\"per_call\":%" PRIu64 ",\"calls\":%" PRIu64 ",\"ops\":%" PRIu64 ",\"api\":\"%s\",\"csharp_ns\":{", rounds, k,
         calls, ops, plugin.get_required_api_version());
  for (int w = 0; w < W_COUNT; w++) printf("%s\"%s\":%.2f", w ? "," : "", WORKLOADS[w].name, m[w]);
  for (int d = 0; d < 2; d++) {
    printf("},\"c_%s_ns\":{", d ? "dispatch" : "direct");
    for (int op = 0; op < OP_COUNT; op++) printf("%s\"%s\":%.2f", op ? "," : "", OP_NAMES[op], f[d][op]);
  }
  printf("},\"ratio_csharp_over_c\":{");
  int first = 1;
  for (int w = 0; w < W_COUNT; w++) {
    if (WORKLOADS[w].floor_op < 0) continue;
    printf("%s\"%s\":%.2f", first ? "" : ",", WORKLOADS[w].name, m[w] / f[WORKLOADS[w].floor_dispatch][WORKLOADS[w].floor_op]);
    first = 0;
  }
  printf("}");
  if (have_alloc) {
    printf(",\"csharp_managed_bytes_per_op\":{");
    for (int w = 0; w < W_COUNT; w++) printf("%s\"%s\":%.4f", w ? "," : "", WORKLOADS[w].name, bytes[w]);
    printf("}");
  }
  printf("}\n");
  bench_plugin_destroy(&b);
  return 0;
}

static int loop_mode(int argc, char **argv) {
  if (argc < 5) die("usage: table_bench loop <tablebench.so> <workload> <count>");
  reset_threads();
  static plugin_t plugin;
  static bench_plugin b;
  load(&plugin, "plugin", argv[2]);
  bench_plugin_init(&b, &plugin, 1000);
  uint64_t count = parse_count(argv[4]);
  // The C floor loops: c_<op> directly on the C table, cd_<op> through the dispatchers.
  for (int d = 0; d < 2; d++) {
    for (int op = 0; op < OP_COUNT; op++) {
      char name[32];
      snprintf(name, sizeof(name), "%s_%s", d ? "cd" : "c", OP_NAMES[op]);
      if (strcmp(argv[3], name) != 0) continue;
      table_target x = floor_target(&b.states[0].owner, d);
      printf("%s %s: %.2f ns per operation\n", argv[2], argv[3], table_loop(&x, op, count));
      bench_plugin_destroy(&b);
      return 0;
    }
  }
  for (int w = 0; w < W_COUNT; w++) {
    if (strcmp(argv[3], WORKLOADS[w].name) != 0) continue;
    double ns;
    uint64_t before = plugin.allocated_bytes ? plugin.allocated_bytes() : 0;
    uint64_t done = run_workload(&b, w, count, count, &ns);
    printf("%s %s: %.2f ns per operation", argv[2], argv[3], ns);
    // Diagnostics builds: the managed bytes of this one loop, warm-up included.
    if (plugin.allocated_bytes) printf(", %" PRIu64 " managed bytes for %" PRIu64 " operations", plugin.allocated_bytes() - before, done);
    printf("\n");
    bench_plugin_destroy(&b);
    return 0;
  }
  die("unknown workload %s", argv[3]);
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "run")) return run_mode(argc, argv);
  if (argc >= 2 && !strcmp(argv[1], "loop")) return loop_mode(argc, argv);
  die("usage: table_bench run|loop ... (see the comment at the top of table_bench.c)");
}
