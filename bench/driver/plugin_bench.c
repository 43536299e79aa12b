// A native benchmark driver for dummy plugins: it loads plugin .so files the way libsinsp does
// (dlopen RTLD_NOW|RTLD_LOCAL, dlsym of every plugin_* member of the API) and measures the
// plugin API path Falco uses, for the C# dummy and the plain C baseline in one process. Every
// measurement runs for C# and then for C before the next one starts, round after round, so that
// machine noise hits both alike; the figures are medians over the rounds. Read the ratios, not
// the absolute numbers.
//
//   plugin_bench run <csharp.so> <c.so> [<csharp-diagnostics.so>] [--rounds N] [--events N]
//                    [--calls N] [--iters N]
//       The benchmark. First checks that both plugins are interchangeable (symbols, fields,
//       schema, events, extracted values), then measures per round: next_batch at batch sizes
//       1/64/512 (N events each), extract_fields (N calls per field set), the cost of the
//       cheapest export, init+destroy and open+close (N pairs each), and a cold start in a fresh
//       process. With the diagnostics build it also counts managed bytes allocated per event
//       and per extract call. Prints a table of medians and one JSON line.
//   plugin_bench cold <plugin.so>
//       (used by run) In this fresh process: dlopen, the metadata calls libsinsp makes on load,
//       init, open and the first event; prints the times and the resident memory added.
//   plugin_bench loop <plugin.so> <workload> <count>
//       One workload in a loop, for profilers (perf record, perf stat):
//       workload = nb1 | nb64 | nb512 | value | strvalue | divisible | all3 | init | open.
//
// Timing uses CLOCK_MONOTONIC around whole loops (one clock read per call would cost as much as
// the calls being measured).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "plugin_abi.h"

// ---------------------------------------------------------------------------------------------
// Loading

// Every member of the plugin_api struct (API 3.12), in header order: libsinsp dlsyms each one.
static const char *const API_MEMBERS[] = {
    "get_required_api_version", "get_init_schema", "init", "destroy", "get_last_error", "get_name",
    "get_description", "get_contact", "get_version", "get_id", "get_event_source", "open", "close",
    "list_open_params", "get_progress", "event_to_string", "next_batch", "get_extract_event_types",
    "get_extract_event_sources", "get_fields", "extract_fields", "get_parse_event_types",
    "get_parse_event_sources", "parse_event", "get_async_event_sources", "get_async_events",
    "set_async_event_handler", "dump_state", "set_config", "get_metrics", "capture_open",
    "capture_close", "get_required_event_schema_version",
};
#define API_MEMBER_COUNT (sizeof(API_MEMBERS) / sizeof(API_MEMBERS[0]))

typedef struct {
  const char *label;
  const char *path;
  void *lib;
  void *symbols[API_MEMBER_COUNT];
  int symbol_count;
  const char *(*get_required_api_version)(void);
  const char *(*get_init_schema)(uint32_t *);
  ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *);
  void (*destroy)(ss_plugin_t *);
  const char *(*get_last_error)(ss_plugin_t *);
  const char *(*get_name)(void);
  uint32_t (*get_id)(void);
  const char *(*get_event_source)(void);
  ss_instance_t *(*open)(ss_plugin_t *, const char *, ss_plugin_rc *);
  void (*close)(ss_plugin_t *, ss_instance_t *);
  ss_plugin_rc (*next_batch)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***);
  const char *(*get_progress)(ss_plugin_t *, ss_instance_t *, uint32_t *);
  const char *(*get_fields)(void);
  ss_plugin_rc (*extract_fields)(ss_plugin_t *, const ss_plugin_event_input *, const ss_plugin_field_extract_input *);
  uint16_t *(*get_extract_event_types)(uint32_t *, ss_plugin_t *);
  uint64_t (*allocated_bytes)(void);  // only in C# builds with FalcoPluginDiagnostics=true
  uint64_t evtnum;  // the event numbers given to this plugin so far: always increasing
} plugin_t;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("plugin_bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *symbol(plugin_t *p, const char *member) {
  for (size_t i = 0; i < API_MEMBER_COUNT; i++)
    if (!strcmp(API_MEMBERS[i], member)) return p->symbols[i];
  return NULL;
}

static void load(plugin_t *p, const char *label, const char *path) {
  memset(p, 0, sizeof(*p));
  p->label = label;
  p->path = path;
  p->lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!p->lib) die("dlopen %s: %s", path, dlerror());
  for (size_t i = 0; i < API_MEMBER_COUNT; i++) {
    char name[64];
    snprintf(name, sizeof(name), "plugin_%s", API_MEMBERS[i]);
    p->symbols[i] = dlsym(p->lib, name);
    p->symbol_count += p->symbols[i] != NULL;
  }
  // Function pointers come from dlsym as void*; POSIX guarantees the conversion.
  *(void **)&p->get_required_api_version = symbol(p, "get_required_api_version");
  *(void **)&p->get_init_schema = symbol(p, "get_init_schema");
  *(void **)&p->init = symbol(p, "init");
  *(void **)&p->destroy = symbol(p, "destroy");
  *(void **)&p->get_last_error = symbol(p, "get_last_error");
  *(void **)&p->get_name = symbol(p, "get_name");
  *(void **)&p->get_id = symbol(p, "get_id");
  *(void **)&p->get_event_source = symbol(p, "get_event_source");
  *(void **)&p->open = symbol(p, "open");
  *(void **)&p->close = symbol(p, "close");
  *(void **)&p->next_batch = symbol(p, "next_batch");
  *(void **)&p->get_progress = symbol(p, "get_progress");
  *(void **)&p->get_fields = symbol(p, "get_fields");
  *(void **)&p->extract_fields = symbol(p, "extract_fields");
  *(void **)&p->get_extract_event_types = symbol(p, "get_extract_event_types");
  *(void **)&p->allocated_bytes = dlsym(p->lib, "falco_plugin_sdk_allocated_bytes");
  if (!p->get_required_api_version || !p->init || !p->destroy || !p->get_last_error || !p->get_name || !p->open ||
      !p->close || !p->next_batch || !p->get_id || !p->get_event_source || !p->get_fields || !p->extract_fields)
    die("%s lacks a symbol of a source+extract plugin", path);
}

static ss_plugin_t *init_plugin(plugin_t *p, const char *config) {
  ss_plugin_init_input in = {config, NULL, NULL, NULL, NULL};
  ss_plugin_rc rc = SS_PLUGIN_FAILURE;
  ss_plugin_t *s = p->init(&in, &rc);
  if (rc != SS_PLUGIN_SUCCESS) die("%s: init(%s) failed: %s", p->label, config, s ? p->get_last_error(s) : "(no state)");
  return s;
}

static ss_instance_t *open_capture(plugin_t *p, ss_plugin_t *s, uint64_t start, uint64_t max_events, uint32_t batch) {
  char params[128];
  snprintf(params, sizeof(params), "{\"start\":%" PRIu64 ",\"maxEvents\":%" PRIu64 ",\"batchSize\":%u}", start, max_events,
           batch);
  ss_plugin_rc rc = SS_PLUGIN_FAILURE;
  ss_instance_t *h = p->open(s, params, &rc);
  if (rc != SS_PLUGIN_SUCCESS) die("%s: open(%s) failed: %s", p->label, params, p->get_last_error(s));
  return h;
}

static inline uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

static long rss_kb(void) {
  FILE *statm = fopen("/proc/self/statm", "r");
  long pages = 0, resident = 0;
  if (statm) {
    if (fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
    fclose(statm);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// ---------------------------------------------------------------------------------------------
// Events and fields

static uint32_t payload_len(const ss_plugin_event *evt) {
  uint32_t len;
  memcpy(&len, (const uint8_t *)evt + sizeof(ss_plugin_event) + 4, 4);
  return len;
}

static const char *payload(const ss_plugin_event *evt) { return (const char *)evt + PLUGIN_EVENT_PAYLOAD_OFFSET; }

// A fixed set of events from one capture, copied out of the plugin's batch memory (which is only
// valid until the next call). Extraction cycles through them with ever-increasing event numbers,
// so per-event caches in the plugins see a new event on every call, as in a live capture.
#define STORE_EVENTS 1024
#define STORE_SLOT 64
typedef struct {
  uint8_t *bytes;
  const ss_plugin_event *evt[STORE_EVENTS];
} event_store;

static void capture_store(event_store *store, plugin_t *p) {
  ss_plugin_t *s = init_plugin(p, "{\"jitter\":10}");
  ss_instance_t *h = open_capture(p, s, 1, STORE_EVENTS, 512);
  store->bytes = aligned_alloc(STORE_SLOT, STORE_EVENTS * STORE_SLOT);
  if (!store->bytes) die("out of memory");
  uint32_t count = 0;
  while (count < STORE_EVENTS) {
    uint32_t n = 0;
    ss_plugin_event **evts = NULL;
    ss_plugin_rc rc = p->next_batch(s, h, &n, &evts);
    for (uint32_t i = 0; i < n && count < STORE_EVENTS; i++, count++) {
      if (evts[i]->len > STORE_SLOT) die("event of %u bytes does not fit a %d-byte slot", evts[i]->len, STORE_SLOT);
      memcpy(store->bytes + (size_t)count * STORE_SLOT, evts[i], evts[i]->len);
      store->evt[count] = (const ss_plugin_event *)(store->bytes + (size_t)count * STORE_SLOT);
    }
    if (rc == SS_PLUGIN_EOF) break;
    if (rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_TIMEOUT) die("%s: next_batch failed: %s", p->label, p->get_last_error(s));
  }
  if (count != STORE_EVENTS) die("%s: captured %u of %d events", p->label, count, STORE_EVENTS);
  p->close(s, h);
  p->destroy(s);
}

enum { FIELD_DIVISIBLE = 0, FIELD_VALUE = 1, FIELD_STRVALUE = 2 };

// The requests libsinsp builds for the filter fields dummy.value, dummy.strvalue and
// dummy.divisible[3]: field id, name, argument and type are set on every call.
static const ss_plugin_extract_field FIELD_VALUE_REQ = {.field_id = FIELD_VALUE, .field = "dummy.value", .ftype = FTYPE_UINT64};
static const ss_plugin_extract_field FIELD_STRVALUE_REQ = {.field_id = FIELD_STRVALUE, .field = "dummy.strvalue", .ftype = FTYPE_STRING};
static const ss_plugin_extract_field FIELD_DIVISIBLE_REQ = {
    .field_id = FIELD_DIVISIBLE, .field = "dummy.divisible", .arg_index = 3, .arg_present = 1, .ftype = FTYPE_UINT64};

typedef struct {
  const char *name;
  int nfields;
  const ss_plugin_extract_field *fields[3];
} extract_workload;

enum { EX_VALUE, EX_STRVALUE, EX_DIVISIBLE, EX_ALL3, EX_COUNT };
static const extract_workload EXTRACT_WORKLOADS[EX_COUNT] = {
    {"value", 1, {&FIELD_VALUE_REQ}},
    {"strvalue", 1, {&FIELD_STRVALUE_REQ}},
    {"divisible", 1, {&FIELD_DIVISIBLE_REQ}},
    {"all3", 3, {&FIELD_VALUE_REQ, &FIELD_STRVALUE_REQ, &FIELD_DIVISIBLE_REQ}},
};

static const uint32_t BATCH_SIZES[] = {1, 64, 512};
#define BATCH_COUNT 3

// ---------------------------------------------------------------------------------------------
// Measurements

// next_batch until EOF; only the next_batch calls are in the timed loop. Returns ns per event.
static double bench_next_batch(plugin_t *p, ss_plugin_t *s, uint32_t batch, uint64_t events) {
  ss_instance_t *h = open_capture(p, s, 1, events, batch);
  uint64_t got = 0;
  ss_plugin_rc rc;
  uint64_t t0 = now_ns();
  do {
    uint32_t n = 0;
    ss_plugin_event **evts = NULL;
    rc = p->next_batch(s, h, &n, &evts);
    got += n;
  } while (rc == SS_PLUGIN_SUCCESS || rc == SS_PLUGIN_TIMEOUT);
  uint64_t t1 = now_ns();
  if (rc != SS_PLUGIN_EOF) die("%s: next_batch failed: %s", p->label, p->get_last_error(s));
  if (got != events) die("%s: next_batch gave %" PRIu64 " of %" PRIu64 " events", p->label, got, events);
  p->close(s, h);
  return (double)(t1 - t0) / (double)events;
}

// extract_fields calls, one event each, cycling through the stored events. Returns ns per field.
static double bench_extract(plugin_t *p, ss_plugin_t *s, const event_store *store, const extract_workload *w,
                            uint64_t calls) {
  ss_plugin_extract_field fields[3];
  ss_plugin_field_extract_input in;
  memset(&in, 0, sizeof(in));
  in.num_fields = (uint32_t)w->nfields;
  in.fields = fields;
  ss_plugin_event_input ev = {NULL, 0, "dummy"};
  uint64_t t0 = now_ns();
  for (uint64_t i = 0; i < calls; i++) {
    ev.evt = store->evt[i & (STORE_EVENTS - 1)];
    ev.evtnum = ++p->evtnum;
    for (int f = 0; f < w->nfields; f++) fields[f] = *w->fields[f];
    ss_plugin_rc rc = p->extract_fields(s, &ev, &in);
    int ok = rc == SS_PLUGIN_SUCCESS;
    for (int f = 0; f < w->nfields; f++) ok &= fields[f].res_len == 1;
    if (!ok) die("%s: extract %s failed on event %" PRIu64 ": %s", p->label, w->name, ev.evtnum, p->get_last_error(s));
  }
  uint64_t t1 = now_ns();
  return (double)(t1 - t0) / (double)(calls * (uint64_t)w->nfields);
}

// The cheapest export, plugin_get_id: what any call into the plugin costs at least. For a
// NativeAOT library this is the reverse P/Invoke transition (thread lookup, GC mode switch).
static double bench_call_floor(plugin_t *p, uint64_t calls) {
  uint64_t sum = 0;
  uint64_t t0 = now_ns();
  for (uint64_t i = 0; i < calls; i++) sum += p->get_id();
  uint64_t t1 = now_ns();
  if (sum != calls * 3) die("%s: get_id is not 3", p->label);
  return (double)(t1 - t0) / (double)calls;
}

static double bench_init_destroy(plugin_t *p, uint64_t iters) {
  ss_plugin_init_input in = {"{\"jitter\":0}", NULL, NULL, NULL, NULL};
  uint64_t t0 = now_ns();
  for (uint64_t i = 0; i < iters; i++) {
    ss_plugin_rc rc = SS_PLUGIN_FAILURE;
    ss_plugin_t *s = p->init(&in, &rc);
    if (rc != SS_PLUGIN_SUCCESS) die("%s: init failed", p->label);
    p->destroy(s);
  }
  return (double)(now_ns() - t0) / (double)iters / 1000.0;
}

static double bench_open_close(plugin_t *p, ss_plugin_t *s, uint64_t iters) {
  // The default batch size (128): what an open without batchSize allocates.
  const char *params = "{\"start\":1,\"maxEvents\":1000000}";
  uint64_t t0 = now_ns();
  for (uint64_t i = 0; i < iters; i++) {
    ss_plugin_rc rc = SS_PLUGIN_FAILURE;
    ss_instance_t *h = p->open(s, params, &rc);
    if (rc != SS_PLUGIN_SUCCESS) die("%s: open failed: %s", p->label, p->get_last_error(s));
    p->close(s, h);
  }
  return (double)(now_ns() - t0) / (double)iters / 1000.0;
}

typedef struct {
  double dlopen_ms;               // dlopen alone
  double load_ms;                 // dlopen + dlsym + the metadata calls libsinsp makes when loading
  double init_to_first_event_ms;  // then plugin_init + plugin_open + the first next_batch
  double rss_kb;                  // resident memory added by dlopen + load + init
} cold_result;

// The cold start of one plugin in a fresh process: this program re-executed in "cold" mode.
static cold_result bench_cold(const char *path) {
  int fds[2];
  if (pipe(fds) != 0) die("pipe: %s", strerror(errno));
  pid_t pid = fork();
  if (pid < 0) die("fork: %s", strerror(errno));
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl("/proc/self/exe", "plugin_bench", "cold", path, (char *)NULL);
    _exit(127);
  }
  close(fds[1]);
  char line[256] = {0};
  FILE *out = fdopen(fds[0], "r");
  if (!out || !fgets(line, sizeof(line), out)) line[0] = '\0';
  if (out) fclose(out);
  int status = 0;
  waitpid(pid, &status, 0);
  cold_result r;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
      sscanf(line, "%lf %lf %lf %lf", &r.dlopen_ms, &r.load_ms, &r.init_to_first_event_ms, &r.rss_kb) != 4)
    die("cold start of %s failed (status %d, output '%s')", path, status, line);
  return r;
}

static int cold_mode(const char *path) {
  long rss0 = rss_kb();
  uint64_t t0 = now_ns();
  void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!lib) die("dlopen %s: %s", path, dlerror());
  uint64_t t1 = now_ns();
  plugin_t p;
  load(&p, "cold", path);  // a second dlopen of a loaded library only takes a reference
  // What libsinsp reads when it loads a plugin, before any init: for a NativeAOT library the
  // first of these calls also starts the .NET runtime.
  uint32_t schema_type = 0, ntypes = 0;
  const char *metadata[] = {p.get_required_api_version(), p.get_name(), p.get_init_schema(&schema_type),
                            p.get_event_source(), p.get_fields()};
  for (size_t i = 0; i < sizeof(metadata) / sizeof(metadata[0]); i++)
    if (metadata[i] == NULL) die("a metadata call returned NULL");
  if (p.get_id() != 3 || p.get_extract_event_types(&ntypes, NULL) == NULL) die("unexpected metadata");
  uint64_t t2 = now_ns();
  ss_plugin_t *s = init_plugin(&p, "{\"jitter\":0}");
  uint64_t t3 = now_ns();
  long rss1 = rss_kb();  // sampled outside the timed spans
  uint64_t t4 = now_ns();
  ss_instance_t *h = open_capture(&p, s, 1, 1000, 128);
  uint32_t n = 0;
  ss_plugin_event **evts = NULL;
  ss_plugin_rc rc = p.next_batch(s, h, &n, &evts);
  uint64_t t5 = now_ns();
  if (rc != SS_PLUGIN_SUCCESS || n == 0) die("no first event");
  printf("%.4f %.4f %.4f %ld\n", (double)(t1 - t0) / 1e6, (double)(t2 - t0) / 1e6, (double)((t3 - t2) + (t5 - t4)) / 1e6,
         rss1 - rss0);
  p.close(s, h);
  p.destroy(s);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Checks: the two plugins must be interchangeable before their figures are compared.

static void check_same_string(const char *what, const char *a, const char *b) {
  if (!a || !b || strcmp(a, b) != 0) die("%s differs:\n  C#: %s\n  C:  %s", what, a ? a : "(null)", b ? b : "(null)");
}

// Captures events from both with jitter 0 (so the samples are deterministic) and compares them:
// payloads, headers, timestamps, progress, and the rc sequence of a capture that ends in a
// partial batch.
static void check_sources(plugin_t *a, plugin_t *b) {
  plugin_t *ps[2] = {a, b};
  ss_plugin_t *s[2];
  ss_instance_t *h[2];
  for (int k = 0; k < 2; k++) {
    s[k] = init_plugin(ps[k], "{\"jitter\":0}");
    h[k] = open_capture(ps[k], s[k], 41, 130, 64);
  }
  struct timespec wall;
  clock_gettime(CLOCK_REALTIME, &wall);
  uint64_t now = (uint64_t)wall.tv_sec * 1000000000ULL;
  for (int call = 0; call < 4; call++) {
    uint32_t n[2];
    ss_plugin_event **e[2];
    ss_plugin_rc rc[2];
    for (int k = 0; k < 2; k++) rc[k] = ps[k]->next_batch(s[k], h[k], &n[k], &e[k]);
    if (rc[0] != rc[1] || n[0] != n[1]) die("next_batch call %d: C# rc %d n %u, C rc %d n %u", call, rc[0], n[0], rc[1], n[1]);
    if (ps[0]->get_progress && ps[1]->get_progress) {
      uint32_t pct[2] = {0, 0};
      const char *detail[2];
      for (int k = 0; k < 2; k++) detail[k] = ps[k]->get_progress(s[k], h[k], &pct[k]);
      check_same_string("get_progress", detail[0], detail[1]);
      if (pct[0] != pct[1]) die("get_progress: C# %u, C %u hundredths of a percent", pct[0], pct[1]);
    }
    for (uint32_t i = 0; i < n[0]; i++) {
      char expect[24];
      snprintf(expect, sizeof(expect), "%u", 41 + call * 64 + i + 1);
      for (int k = 0; k < 2; k++) {
        const ss_plugin_event *evt = e[k][i];
        uint32_t plugin_id;
        memcpy(&plugin_id, (const uint8_t *)evt + sizeof(ss_plugin_event) + 8, 4);
        if (evt->type != PLUGIN_EVENT_CODE || evt->nparams != 2 || evt->tid != UINT64_MAX || plugin_id != 3 ||
            evt->len != PLUGIN_EVENT_PAYLOAD_OFFSET + payload_len(evt) || payload_len(evt) != strlen(expect) ||
            memcmp(payload(evt), expect, strlen(expect)) != 0)
          die("%s: event %u of batch %d is not the dummy's sample %s", ps[k]->label, i, call, expect);
        // Wall-clock stamps: within a minute of now.
        if (evt->ts + 60000000000ULL < now || evt->ts > now + 60000000000ULL)
          die("%s: event timestamp %" PRIu64 " is not the wall-clock time", ps[k]->label, evt->ts);
      }
    }
    if (rc[0] == SS_PLUGIN_EOF) break;
  }
  for (int k = 0; k < 2; k++) {
    ps[k]->close(s[k], h[k]);
    ps[k]->destroy(s[k]);
  }
}

// Extracts the three fields of every stored event from both plugins and compares the results.
static void check_extraction(plugin_t *a, plugin_t *b, const event_store *store) {
  plugin_t *ps[2] = {a, b};
  ss_plugin_t *s[2];
  for (int k = 0; k < 2; k++) s[k] = init_plugin(ps[k], "{}");
  for (int i = 0; i < STORE_EVENTS; i++) {
    const ss_plugin_event *evt = store->evt[i];
    char text[24];
    uint32_t len = payload_len(evt);
    if (len == 0 || len >= sizeof(text)) die("stored event %d has a %u-byte payload", i, len);
    memcpy(text, payload(evt), len);
    text[len] = '\0';
    uint64_t sample = strtoull(text, NULL, 10);
    for (int k = 0; k < 2; k++) {
      ss_plugin_extract_field f[3] = {FIELD_VALUE_REQ, FIELD_STRVALUE_REQ, FIELD_DIVISIBLE_REQ};
      ss_plugin_field_extract_input in;
      memset(&in, 0, sizeof(in));
      in.num_fields = 3;
      in.fields = f;
      ss_plugin_event_input ev = {evt, ++ps[k]->evtnum, "dummy"};
      if (ps[k]->extract_fields(s[k], &ev, &in) != SS_PLUGIN_SUCCESS) die("%s: extract failed: %s", ps[k]->label, ps[k]->get_last_error(s[k]));
      if (f[0].res_len != 1 || f[0].res.u64[0] != sample || f[1].res_len != 1 || strcmp(f[1].res.str[0], text) != 0 ||
          f[2].res_len != 1 || f[2].res.u64[0] != (sample % 3 == 0))
        die("%s: wrong fields for sample %s", ps[k]->label, text);
    }
  }
  for (int k = 0; k < 2; k++) ps[k]->destroy(s[k]);
}

static void check_interchangeable(plugin_t *a, plugin_t *b, const event_store *store) {
  uint32_t ta = 0, tb = 0;
  check_same_string("get_required_api_version", a->get_required_api_version(), b->get_required_api_version());
  check_same_string("get_fields", a->get_fields(), b->get_fields());
  check_same_string("get_init_schema", a->get_init_schema(&ta), b->get_init_schema(&tb));
  check_same_string("get_event_source", a->get_event_source(), b->get_event_source());
  if (a->get_id() != b->get_id() || ta != tb) die("plugin id or schema type differs");
  if (a->symbol_count != b->symbol_count) die("C# exports %d plugin_* API symbols, C %d", a->symbol_count, b->symbol_count);
  for (size_t i = 0; i < API_MEMBER_COUNT; i++)
    if ((a->symbols[i] == NULL) != (b->symbols[i] == NULL)) die("plugin_%s is exported by only one plugin", API_MEMBERS[i]);
  uint32_t na = 0, nb = 0;
  uint16_t *ea = a->get_extract_event_types(&na, NULL), *eb = b->get_extract_event_types(&nb, NULL);
  if (na != 1 || nb != 1 || ea[0] != PLUGIN_EVENT_CODE || eb[0] != PLUGIN_EVENT_CODE) die("extract event types differ from [322]");
  check_sources(a, b);
  check_extraction(a, b, store);
}

// ---------------------------------------------------------------------------------------------
// Managed allocations (C# diagnostics build only)

typedef struct {
  double next_batch_bytes_per_event[BATCH_COUNT];
  double extract_bytes_per_call[EX_COUNT];
} alloc_result;

static alloc_result bench_allocations(plugin_t *p, const event_store *store) {
  const uint64_t measured = 1000000, warmup = 10000;
  alloc_result r;
  ss_plugin_t *s = init_plugin(p, "{\"jitter\":10}");
  for (int b = 0; b < BATCH_COUNT; b++) {
    ss_instance_t *h = open_capture(p, s, 1, warmup + measured, BATCH_SIZES[b]);
    // Counted from the first call after the warm-up: one-time costs are not per event.
    uint64_t got = 0, before = 0, counted = 0;
    int measuring = 0;
    for (;;) {
      if (!measuring && got >= warmup) {
        measuring = 1;
        before = p->allocated_bytes();
        counted = got;
      }
      uint32_t n = 0;
      ss_plugin_event **evts = NULL;
      ss_plugin_rc rc = p->next_batch(s, h, &n, &evts);
      got += n;
      if (rc == SS_PLUGIN_EOF) break;
      if (rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_TIMEOUT) die("%s: next_batch failed", p->label);
    }
    r.next_batch_bytes_per_event[b] = (double)(p->allocated_bytes() - before) / (double)(got - counted);
    p->close(s, h);
  }
  for (int w = 0; w < EX_COUNT; w++) {
    bench_extract(p, s, store, &EXTRACT_WORKLOADS[w], warmup);
    uint64_t before = p->allocated_bytes();
    bench_extract(p, s, store, &EXTRACT_WORKLOADS[w], measured);
    r.extract_bytes_per_call[w] = (double)(p->allocated_bytes() - before) / (double)measured;
  }
  p->destroy(s);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The run

#define MAX_ROUNDS 64
typedef struct {
  double nb_ns[BATCH_COUNT][MAX_ROUNDS];
  double ex_ns[EX_COUNT][MAX_ROUNDS];
  double init_us[MAX_ROUNDS], open_us[MAX_ROUNDS], floor_ns[MAX_ROUNDS];
  double dlopen_ms[MAX_ROUNDS], load_ms[MAX_ROUNDS], first_event_ms[MAX_ROUNDS], rss_kb[MAX_ROUNDS];
} samples;

typedef struct {
  double nb_eps[BATCH_COUNT], nb_ns[BATCH_COUNT];
  double ex_ns[EX_COUNT];
  double init_us, open_us, floor_ns, dlopen_ms, load_ms, first_event_ms, rss_kb, so_bytes;
} figures;

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

static figures summarize(const samples *x, int rounds, const char *path) {
  figures f;
  for (int b = 0; b < BATCH_COUNT; b++) {
    f.nb_ns[b] = median(x->nb_ns[b], rounds);
    f.nb_eps[b] = 1e9 / f.nb_ns[b];
  }
  for (int w = 0; w < EX_COUNT; w++) f.ex_ns[w] = median(x->ex_ns[w], rounds);
  f.init_us = median(x->init_us, rounds);
  f.open_us = median(x->open_us, rounds);
  f.floor_ns = median(x->floor_ns, rounds);
  f.dlopen_ms = median(x->dlopen_ms, rounds);
  f.load_ms = median(x->load_ms, rounds);
  f.first_event_ms = median(x->first_event_ms, rounds);
  f.rss_kb = median(x->rss_kb, rounds);
  struct stat st;
  f.so_bytes = stat(path, &st) == 0 ? (double)st.st_size : -1;
  return f;
}

// One round: every measurement runs for C# and then for C before the next one starts, so that
// the two see the same machine conditions (this kind of machine is shared and noisy).
static void measure_round(plugin_t *ps, const event_store *store, samples *xs, int r, uint64_t events, uint64_t calls,
                          uint64_t iters) {
  ss_plugin_t *s[2];
  for (int k = 0; k < 2; k++) s[k] = init_plugin(&ps[k], "{\"jitter\":0}");
  for (int b = 0; b < BATCH_COUNT; b++)
    for (int k = 0; k < 2; k++) xs[k].nb_ns[b][r] = bench_next_batch(&ps[k], s[k], BATCH_SIZES[b], events);
  for (int w = 0; w < EX_COUNT; w++)
    for (int k = 0; k < 2; k++) xs[k].ex_ns[w][r] = bench_extract(&ps[k], s[k], store, &EXTRACT_WORKLOADS[w], calls);
  for (int k = 0; k < 2; k++) xs[k].floor_ns[r] = bench_call_floor(&ps[k], calls);
  for (int k = 0; k < 2; k++) xs[k].open_us[r] = bench_open_close(&ps[k], s[k], iters);
  for (int k = 0; k < 2; k++) ps[k].destroy(s[k]);
  for (int k = 0; k < 2; k++) xs[k].init_us[r] = bench_init_destroy(&ps[k], iters);
  for (int k = 0; k < 2; k++) {
    cold_result c = bench_cold(ps[k].path);
    xs[k].dlopen_ms[r] = c.dlopen_ms;
    xs[k].load_ms[r] = c.load_ms;
    xs[k].first_event_ms[r] = c.init_to_first_event_ms;
    xs[k].rss_kb[r] = c.rss_kb;
  }
}

static void row(const char *name, double cs, double c, const char *fmt, const char *target, int pass) {
  char a[32], b[32];
  snprintf(a, sizeof(a), fmt, cs);
  snprintf(b, sizeof(b), fmt, c);
  printf("%-40s %12s %12s %8.2f   %-16s %s\n", name, a, b, cs / c, target, pass < 0 ? "" : pass ? "ok" : "MISS");
}

static uint64_t parse_count(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end || v == 0) die("not a positive count: %s", s);
  return v;
}

static int run_mode(int argc, char **argv) {
  if (argc < 4) die("usage: plugin_bench run <csharp.so> <c.so> [<csharp-diagnostics.so>] [--rounds N] [--events N] [--calls N] [--iters N]");
  int rounds = 7;
  uint64_t events = 2000000, calls = 2000000, iters = 2000;
  const char *diag_path = NULL;
  for (int i = 4; i < argc; i++) {
    if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = (int)parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--events") && i + 1 < argc) events = parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--calls") && i + 1 < argc) calls = parse_count(argv[++i]);
    else if (!strcmp(argv[i], "--iters") && i + 1 < argc) iters = parse_count(argv[++i]);
    else if (argv[i][0] != '-' && !diag_path) diag_path = argv[i];
    else die("unknown argument %s", argv[i]);
  }
  if (rounds > MAX_ROUNDS) die("at most %d rounds", MAX_ROUNDS);

  static samples xs[2];
  plugin_t plugins[2];
  load(&plugins[0], "C#", argv[2]);
  load(&plugins[1], "C", argv[3]);

  event_store store;
  capture_store(&store, &plugins[0]);
  check_interchangeable(&plugins[0], &plugins[1], &store);
  fprintf(stderr, "checked: same symbols, fields, schema, events and extracted values; %d rounds of %" PRIu64
                  " events, %" PRIu64 " extract calls, %" PRIu64 " init/open pairs\n",
          rounds, events, calls, iters);

  // Warm-up: first calls pay for lazy initialization in either runtime.
  static samples scratch[2];
  measure_round(plugins, &store, scratch, 0, events / 10, calls / 10, iters / 10);

  uint64_t t0 = now_ns();
  for (int r = 0; r < rounds; r++) {
    measure_round(plugins, &store, xs, r, events, calls, iters);
    fprintf(stderr, "round %d/%d: next_batch b512 C# %.1f / C %.1f ns/event, extract value C# %.1f / C %.1f ns\n", r + 1,
            rounds, xs[0].nb_ns[2][r], xs[1].nb_ns[2][r], xs[0].ex_ns[EX_VALUE][r], xs[1].ex_ns[EX_VALUE][r]);
  }
  double seconds = (double)(now_ns() - t0) / 1e9;

  figures cs = summarize(&xs[0], rounds, argv[2]), c = summarize(&xs[1], rounds, argv[3]);
  int have_alloc = 0;
  alloc_result alloc;
  if (diag_path) {
    plugin_t diag;
    load(&diag, "C# (diagnostics)", diag_path);
    if (!diag.allocated_bytes) die("%s has no falco_plugin_sdk_allocated_bytes export: publish with -p:FalcoPluginDiagnostics=true", diag_path);
    alloc = bench_allocations(&diag, &store);
    have_alloc = 1;
  }

  // Targets (docs/performance.md).
  int t_nb = cs.nb_eps[2] >= 0.8 * c.nb_eps[2];
  int t_ex = 1;
  for (int w = 0; w < EX_COUNT; w++) t_ex &= cs.ex_ns[w] <= 1.5 * c.ex_ns[w];
  double max_alloc = 0;
  if (have_alloc) {
    for (int b = 0; b < BATCH_COUNT; b++) max_alloc = alloc.next_batch_bytes_per_event[b] > max_alloc ? alloc.next_batch_bytes_per_event[b] : max_alloc;
    for (int w = 0; w < EX_COUNT; w++) max_alloc = alloc.extract_bytes_per_call[w] > max_alloc ? alloc.extract_bytes_per_call[w] : max_alloc;
  }
  int t_alloc = have_alloc && max_alloc == 0;
  int t_size = cs.so_bytes <= 4.0 * 1024 * 1024;
  int t_cold = cs.first_event_ms < 10.0;

  printf("\nmedians of %d round(s), C# and C alternately; rounds took %.1f s\n", rounds, seconds);
  printf("%-40s %12s %12s %8s   %-16s %s\n", "metric", "C#", "C", "C#/C", "target", "");
  static const char *nb_names[BATCH_COUNT] = {"next_batch b=1 (Mevents/s)", "next_batch b=64 (Mevents/s)", "next_batch b=512 (Mevents/s)"};
  static const char *nb_ns_names[BATCH_COUNT] = {"next_batch b=1 (ns/event)", "next_batch b=64 (ns/event)", "next_batch b=512 (ns/event)"};
  for (int b = 0; b < BATCH_COUNT; b++)
    row(nb_names[b], cs.nb_eps[b] / 1e6, c.nb_eps[b] / 1e6, "%.2f", b == 2 ? ">= 0.80x C" : "", b == 2 ? t_nb : -1);
  for (int b = 0; b < BATCH_COUNT; b++) row(nb_ns_names[b], cs.nb_ns[b], c.nb_ns[b], "%.1f", "", -1);
  static const char *ex_names[EX_COUNT] = {"extract dummy.value (ns/field)", "extract dummy.strvalue (ns/field)",
                                           "extract dummy.divisible[3] (ns/field)", "extract all three, 1 call (ns/field)"};
  for (int w = 0; w < EX_COUNT; w++)
    row(ex_names[w], cs.ex_ns[w], c.ex_ns[w], "%.1f", "<= 1.50x C", cs.ex_ns[w] <= 1.5 * c.ex_ns[w]);
  row("call floor: plugin_get_id (ns/call)", cs.floor_ns, c.floor_ns, "%.1f", "", -1);
  row("init+destroy (us)", cs.init_us, c.init_us, "%.2f", "", -1);
  row("open+close (us)", cs.open_us, c.open_us, "%.2f", "", -1);
  row("cold init->first event (ms)", cs.first_event_ms, c.first_event_ms, "%.3f", "< 10 ms", t_cold);
  row("cold dlopen (ms)", cs.dlopen_ms, c.dlopen_ms, "%.3f", "", -1);
  row("cold load: dlopen+metadata calls (ms)", cs.load_ms, c.load_ms, "%.3f", "", -1);
  row(".so size (MB)", cs.so_bytes / 1048576.0, c.so_bytes / 1048576.0, "%.3f", "<= 4 MB", t_size);
  row("RSS added by dlopen+load+init (MB)", cs.rss_kb / 1024.0, c.rss_kb / 1024.0, "%.2f", "", -1);
  if (have_alloc) {
    printf("managed bytes allocated (C# diagnostics build, 1M events / 1M calls each after a warm-up), target 0:\n");
    printf("  next_batch per event: b=1 %.4f, b=64 %.4f, b=512 %.4f\n", alloc.next_batch_bytes_per_event[0],
           alloc.next_batch_bytes_per_event[1], alloc.next_batch_bytes_per_event[2]);
    printf("  extract per call: value %.4f, strvalue %.4f, divisible[3] %.4f, all three %.4f   %s\n",
           alloc.extract_bytes_per_call[0], alloc.extract_bytes_per_call[1], alloc.extract_bytes_per_call[2],
           alloc.extract_bytes_per_call[3], t_alloc ? "ok" : "MISS");
  } else {
    printf("managed allocations: not measured (no diagnostics build given)\n");
  }
  printf("\n");

  // One JSON line with every figure.
  const figures *fs[2] = {&cs, &c};
  const char *keys[2] = {"csharp", "c"};
  printf("{\"rounds\":%d,\"events_per_run\":%" PRIu64 ",\"extract_calls_per_run\":%" PRIu64 ",\"init_open_iterations\":%" PRIu64,
         rounds, events, calls, iters);
  for (int k = 0; k < 2; k++) {
    const figures *f = fs[k];
    printf(",\"%s\":{\"next_batch_events_per_s\":{\"b1\":%.0f,\"b64\":%.0f,\"b512\":%.0f},"
           "\"next_batch_ns_per_event\":{\"b1\":%.2f,\"b64\":%.2f,\"b512\":%.2f},"
           "\"extract_ns_per_field\":{\"value\":%.2f,\"strvalue\":%.2f,\"divisible\":%.2f,\"all3\":%.2f},"
           "\"call_floor_ns\":%.2f,\"init_destroy_us\":%.3f,\"open_close_us\":%.3f,\"cold_init_to_first_event_ms\":%.4f,\"cold_dlopen_ms\":%.4f,\"cold_load_ms\":%.4f,"
           "\"so_bytes\":%.0f,\"rss_added_kb\":%.0f}",
           keys[k], f->nb_eps[0], f->nb_eps[1], f->nb_eps[2], f->nb_ns[0], f->nb_ns[1], f->nb_ns[2], f->ex_ns[0], f->ex_ns[1],
           f->ex_ns[2], f->ex_ns[3], f->floor_ns, f->init_us, f->open_us, f->first_event_ms, f->dlopen_ms, f->load_ms, f->so_bytes, f->rss_kb);
  }
  printf(",\"ratio_csharp_over_c\":{\"next_batch_events_per_s\":{\"b1\":%.3f,\"b64\":%.3f,\"b512\":%.3f},"
         "\"extract_ns_per_field\":{\"value\":%.3f,\"strvalue\":%.3f,\"divisible\":%.3f,\"all3\":%.3f},"
         "\"init_destroy_us\":%.2f,\"open_close_us\":%.2f,\"cold_init_to_first_event_ms\":%.2f,\"so_bytes\":%.2f,\"rss_added_kb\":%.2f}",
         cs.nb_eps[0] / c.nb_eps[0], cs.nb_eps[1] / c.nb_eps[1], cs.nb_eps[2] / c.nb_eps[2], cs.ex_ns[0] / c.ex_ns[0],
         cs.ex_ns[1] / c.ex_ns[1], cs.ex_ns[2] / c.ex_ns[2], cs.ex_ns[3] / c.ex_ns[3], cs.init_us / c.init_us,
         cs.open_us / c.open_us, cs.first_event_ms / c.first_event_ms, cs.so_bytes / c.so_bytes, cs.rss_kb / c.rss_kb);
  if (have_alloc)
    printf(",\"csharp_managed_bytes\":{\"next_batch_per_event\":{\"b1\":%.4f,\"b64\":%.4f,\"b512\":%.4f},"
           "\"extract_per_call\":{\"value\":%.4f,\"strvalue\":%.4f,\"divisible\":%.4f,\"all3\":%.4f}}",
           alloc.next_batch_bytes_per_event[0], alloc.next_batch_bytes_per_event[1], alloc.next_batch_bytes_per_event[2],
           alloc.extract_bytes_per_call[0], alloc.extract_bytes_per_call[1], alloc.extract_bytes_per_call[2],
           alloc.extract_bytes_per_call[3]);
  printf(",\"targets\":{\"next_batch_b512_ge_0_8x_c\":%s,\"extract_le_1_5x_c\":%s,\"zero_managed_bytes\":%s,"
         "\"so_le_4mb\":%s,\"init_to_first_event_lt_10ms\":%s}}\n",
         t_nb ? "true" : "false", t_ex ? "true" : "false", have_alloc ? (t_alloc ? "true" : "false") : "null",
         t_size ? "true" : "false", t_cold ? "true" : "false");
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Profiling loop

static int loop_mode(int argc, char **argv) {
  if (argc < 5) die("usage: plugin_bench loop <plugin.so> <nb1|nb64|nb512|value|strvalue|divisible|all3|init|open> <count>");
  plugin_t p;
  load(&p, "plugin", argv[2]);
  uint64_t count = parse_count(argv[4]);
  ss_plugin_t *s = init_plugin(&p, "{\"jitter\":0}");
  double ns = -1;
  for (int b = 0; b < BATCH_COUNT; b++) {
    char name[8];
    snprintf(name, sizeof(name), "nb%u", BATCH_SIZES[b]);
    if (!strcmp(argv[3], name)) ns = bench_next_batch(&p, s, BATCH_SIZES[b], count);
  }
  for (int w = 0; w < EX_COUNT; w++) {
    if (strcmp(argv[3], EXTRACT_WORKLOADS[w].name) != 0) continue;
    event_store store;
    capture_store(&store, &p);
    ns = bench_extract(&p, s, &store, &EXTRACT_WORKLOADS[w], count);
  }
  if (!strcmp(argv[3], "init")) ns = bench_init_destroy(&p, count) * 1000.0;
  if (!strcmp(argv[3], "open")) ns = bench_open_close(&p, s, count) * 1000.0;
  if (ns < 0) die("unknown workload %s", argv[3]);
  printf("%s %s: %.2f ns per %s\n", argv[2], argv[3], ns,
         argv[3][0] == 'n' ? "event" : !strcmp(argv[3], "init") ? "init+destroy" : !strcmp(argv[3], "open") ? "open+close" : "field");
  p.destroy(s);
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "run")) return run_mode(argc, argv);
  if (argc >= 3 && !strcmp(argv[1], "cold")) return cold_mode(argv[2]);
  if (argc >= 2 && !strcmp(argv[1], "loop")) return loop_mode(argc, argv);
  die("usage: plugin_bench run|cold|loop ... (see the comment at the top of plugin_bench.c)");
}
