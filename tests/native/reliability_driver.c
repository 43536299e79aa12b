// A plain C process around published plugins, as Falco is, for the long-running reliability
// suites (docs/reliability.md). Prints one JSON object on stdout; exits 1 with a message on
// stderr when a check fails.
//
//   reliability_driver soak <dummy.so> <syscallprobe.so> <events> <openat2-hex> <close-hex>
//       Pulls <events> events from the dummy's source (next_batch), extracts three fields of
//       each, and has the syscall probe parse and extract a syscall event per dummy event.
//       Samples resident memory and the plugins' garbage collections (the diagnostics builds'
//       falco_plugin_sdk_gc_collections export) after a warm-up, in the middle and at the end.
//   reliability_driver multi <dummy.so> <probe.so> <syscallprobe.so> <c-dummy.so> <openat2-hex>
//                            <threads> <events-per-thread> <init-cycles> <dlopen-cycles>
//       Loads the three .NET plugins and the C baseline in one process; <threads> threads each
//       drive their own states of all four; meanwhile the main thread runs <init-cycles>
//       init/destroy cycles of the dummy and <dlopen-cycles> dlopen/init/use/destroy/dlclose
//       cycles of the syscall probe, checking each reopened library gives a fresh state.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plugin_abi.h"

typedef struct {
  const char *path;
  void *lib;
  ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *);
  void (*destroy)(ss_plugin_t *);
  const char *(*get_last_error)(ss_plugin_t *);
  ss_instance_t *(*open)(ss_plugin_t *, const char *, ss_plugin_rc *);
  void (*close)(ss_plugin_t *, ss_instance_t *);
  ss_plugin_rc (*next_batch)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***);
  ss_plugin_rc (*extract_fields)(ss_plugin_t *, const ss_plugin_event_input *, const ss_plugin_field_extract_input *);
  ss_plugin_rc (*parse_event)(ss_plugin_t *, const ss_plugin_event_input *, const ss_plugin_event_parse_input *);
  uint64_t (*gc_collections)(void);  // diagnostics builds only
} plugin_t;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("reliability_driver: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *need(void *lib, const char *name, int required) {
  void *sym = dlsym(lib, name);
  if (!sym && required) die("missing symbol %s", name);
  return sym;
}

static void load(plugin_t *p, const char *path) {
  memset(p, 0, sizeof(*p));
  p->path = path;
  p->lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!p->lib) die("dlopen %s: %s", path, dlerror());
  // Function pointers come from dlsym as void*; POSIX guarantees the conversion.
  *(void **)&p->init = need(p->lib, "plugin_init", 1);
  *(void **)&p->destroy = need(p->lib, "plugin_destroy", 1);
  *(void **)&p->get_last_error = need(p->lib, "plugin_get_last_error", 1);
  *(void **)&p->open = need(p->lib, "plugin_open", 0);
  *(void **)&p->close = need(p->lib, "plugin_close", 0);
  *(void **)&p->next_batch = need(p->lib, "plugin_next_batch", 0);
  *(void **)&p->extract_fields = need(p->lib, "plugin_extract_fields", 1);
  *(void **)&p->parse_event = need(p->lib, "plugin_parse_event", 0);
  *(void **)&p->gc_collections = need(p->lib, "falco_plugin_sdk_gc_collections", 0);
}

static ss_plugin_t *init_state(plugin_t *p, const char *config) {
  ss_plugin_init_input in = {config, NULL, NULL, NULL, NULL};
  ss_plugin_rc rc = SS_PLUGIN_FAILURE;
  ss_plugin_t *s = p->init(&in, &rc);
  if (rc != SS_PLUGIN_SUCCESS || !s) die("%s: init failed: %s", p->path, s ? p->get_last_error(s) : "(no state)");
  return s;
}

static ss_instance_t *open_source(plugin_t *p, ss_plugin_t *s, const char *params) {
  ss_plugin_rc rc = SS_PLUGIN_FAILURE;
  ss_instance_t *h = p->open(s, params, &rc);
  if (rc != SS_PLUGIN_SUCCESS) die("%s: open(%s) failed: %s", p->path, params, p->get_last_error(s));
  return h;
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

static uint8_t *from_hex(const char *hex, size_t *len) {
  size_t n = strlen(hex) / 2;
  uint8_t *bytes = malloc(n);
  if (!bytes) die("out of memory");
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    if (sscanf(hex + 2 * i, "%2x", &v) != 1) die("bad hex event");
    bytes[i] = (uint8_t)v;
  }
  *len = n;
  return bytes;
}

// One extract_fields call of one field; returns the first uint64 value (or the string's first byte).
static uint64_t extract_one(plugin_t *p, ss_plugin_t *s, const ss_plugin_event *evt, uint64_t num, const char *src,
                            uint32_t id, const char *name, uint32_t ftype, uint64_t arg) {
  ss_plugin_extract_field f;
  memset(&f, 0, sizeof(f));
  f.field_id = id;
  f.field = name;
  f.ftype = ftype;
  f.arg_index = arg;
  f.arg_present = arg != 0;
  ss_plugin_field_extract_input in;
  memset(&in, 0, sizeof(in));
  in.num_fields = 1;
  in.fields = &f;
  ss_plugin_event_input ein = {evt, num, src};
  if (p->extract_fields(s, &ein, &in) != SS_PLUGIN_SUCCESS) die("%s: extract %s failed: %s", p->path, name, p->get_last_error(s));
  if (f.res_len != 1) die("%s: extract %s gave %" PRIu64 " values", p->path, name, f.res_len);
  return ftype == FTYPE_STRING ? (uint64_t)(unsigned char)f.res.str[0][0] : f.res.u64[0];
}

static void parse(plugin_t *p, ss_plugin_t *s, const ss_plugin_event *evt, uint64_t num) {
  ss_plugin_event_parse_input in;
  memset(&in, 0, sizeof(in));
  ss_plugin_event_input ein = {evt, num, "syscall"};
  if (p->parse_event(s, &ein, &in) != SS_PLUGIN_SUCCESS) die("%s: parse failed: %s", p->path, p->get_last_error(s));
}

static uint64_t payload_value(const ss_plugin_event *evt) {
  uint32_t len;
  memcpy(&len, (const uint8_t *)evt + sizeof(ss_plugin_event) + 4, 4);
  char text[32] = {0};
  memcpy(text, (const char *)evt + PLUGIN_EVENT_PAYLOAD_OFFSET, len < 31 ? len : 31);
  return strtoull(text, NULL, 10);
}

// Dummy fields: dummy.divisible (0, index argument), dummy.value (1), dummy.strvalue (2).
static void extract_dummy(plugin_t *p, ss_plugin_t *s, const ss_plugin_event *evt, uint64_t num, const char *src) {
  uint64_t value = extract_one(p, s, evt, num, src, 1, "dummy.value", FTYPE_UINT64, 0);
  if (value != payload_value(evt)) die("%s: dummy.value %" PRIu64 " is not the payload's", p->path, value);
  extract_one(p, s, evt, num, src, 2, "dummy.strvalue", FTYPE_STRING, 0);
  uint64_t divisible = extract_one(p, s, evt, num, src, 0, "dummy.divisible", FTYPE_UINT64, 3);
  if (divisible != (value % 3 == 0)) die("%s: dummy.divisible[3] of %" PRIu64 " is %" PRIu64, p->path, value, divisible);
}

// ---------------------------------------------------------------------------------------------
// soak

typedef struct {
  uint64_t events;
  long rss_kb;
  uint64_t gc_dummy;
  uint64_t gc_syscallprobe;
} sample_t;

static int soak(int argc, char **argv) {
  if (argc < 7) die("usage: soak <dummy.so> <syscallprobe.so> <events> <openat2-hex> <close-hex>");
  plugin_t dummy, sys;
  load(&dummy, argv[2]);
  load(&sys, argv[3]);
  uint64_t total = strtoull(argv[4], NULL, 10);
  size_t open_len, close_len;
  uint8_t *openat2 = from_hex(argv[5], &open_len);
  uint8_t *close_evt = from_hex(argv[6], &close_len);
  if (!dummy.gc_collections || !sys.gc_collections) die("the soak needs the diagnostics builds (falco_plugin_sdk_gc_collections)");

  ss_plugin_t *ds = init_state(&dummy, "{\"jitter\": 3}");
  ss_plugin_t *ss = init_state(&sys, "");
  char params[128];
  snprintf(params, sizeof(params), "{\"start\": 1, \"maxEvents\": %" PRIu64 ", \"batchSize\": 128}", total);
  ss_instance_t *h = open_source(&dummy, ds, params);

  sample_t samples[3];
  uint64_t marks[3] = {total / 10, total / 2, total};
  int next_mark = 0;
  uint64_t seen = 0;
  while (seen < total) {
    uint32_t n = 0;
    ss_plugin_event **evts = NULL;
    ss_plugin_rc rc = dummy.next_batch(ds, h, &n, &evts);
    if (rc == SS_PLUGIN_EOF && n == 0) break;
    if (rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_EOF) die("next_batch failed (%d): %s", rc, dummy.get_last_error(ds));
    for (uint32_t i = 0; i < n; i++) {
      seen++;
      extract_dummy(&dummy, ds, evts[i], seen, "dummy");
      const ss_plugin_event *syscall = (const ss_plugin_event *)(seen % 2 ? openat2 : close_evt);
      parse(&sys, ss, syscall, seen);
      // syscallprobe.counts (2): a string built per call, so the plugin's runtime allocates and collects.
      extract_one(&sys, ss, syscall, seen, "syscall", 2, "syscallprobe.counts", FTYPE_STRING, 0);
      while (next_mark < 3 && seen == marks[next_mark]) {
        samples[next_mark] = (sample_t){seen, rss_kb(), dummy.gc_collections(), sys.gc_collections()};
        next_mark++;
      }
    }
    if (rc == SS_PLUGIN_EOF) break;
  }
  if (seen != total || next_mark != 3) die("the source delivered %" PRIu64 " of %" PRIu64 " events", seen, total);
  dummy.close(ds, h);
  dummy.destroy(ds);
  sys.destroy(ss);

  printf("{\"events\": %" PRIu64 ", \"samples\": [", total);
  for (int i = 0; i < 3; i++)
    printf("%s{\"events\": %" PRIu64 ", \"rssKb\": %ld, \"gcDummy\": %" PRIu64 ", \"gcSyscallProbe\": %" PRIu64 "}", i ? ", " : "",
           samples[i].events, samples[i].rss_kb, samples[i].gc_dummy, samples[i].gc_syscallprobe);
  printf("]}\n");
  free(openat2);
  free(close_evt);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// multi

typedef struct {
  plugin_t *dummy, *probe, *sys, *cdummy;
  const ss_plugin_event *syscall;
  uint64_t events;
  int index;
} worker_t;

// Pulls `events` events from a fresh capture of a source+extract plugin with the dummy's fields.
static void drive_dummy_like(plugin_t *p, ss_plugin_t *s, uint64_t events, const char *src) {
  char params[128];
  snprintf(params, sizeof(params), "{\"start\": 1, \"maxEvents\": %" PRIu64 ", \"batchSize\": 64}", events);
  ss_instance_t *h = open_source(p, s, params);
  uint64_t seen = 0;
  for (;;) {
    uint32_t n = 0;
    ss_plugin_event **evts = NULL;
    ss_plugin_rc rc = p->next_batch(s, h, &n, &evts);
    if (rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_EOF) die("%s: next_batch failed: %s", p->path, p->get_last_error(s));
    for (uint32_t i = 0; i < n; i++) extract_dummy(p, s, evts[i], ++seen, src);
    if (rc == SS_PLUGIN_EOF) break;
  }
  if (seen != events) die("%s: %" PRIu64 " of %" PRIu64 " events", p->path, seen, events);
  p->close(s, h);
}

// The probe's first event of a fresh state and capture has probe.value (field 0) 1.
static uint64_t probe_first_value(plugin_t *p, ss_plugin_t *s) {
  ss_instance_t *h = open_source(p, s, "{\"count\": 3}");
  uint32_t n = 0;
  ss_plugin_event **evts = NULL;
  ss_plugin_rc rc = p->next_batch(s, h, &n, &evts);
  if ((rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_EOF) || n == 0) die("%s: no first event: %s", p->path, p->get_last_error(s));
  uint64_t value = extract_one(p, s, evts[0], 1, "probe", 0, "probe.value", FTYPE_UINT64, 0);
  p->close(s, h);
  return value;
}

// A new syscall probe state reports "0/0" parsed, and "1/0" after one openat2: 1 when both hold.
static int fresh_state_counts(plugin_t *p, const ss_plugin_event *openat2) {
  ss_plugin_t *s = init_state(p, "");
  uint64_t before = extract_one(p, s, openat2, 1, "syscall", 2, "syscallprobe.counts", FTYPE_STRING, 0);
  parse(p, s, openat2, 2);
  uint64_t after = extract_one(p, s, openat2, 3, "syscall", 2, "syscallprobe.counts", FTYPE_STRING, 0);
  p->destroy(s);
  return before == '0' && after == '1';
}

static void *work(void *arg) {
  worker_t *w = arg;
  ss_plugin_t *ds = init_state(w->dummy, "{\"jitter\": 2}");
  ss_plugin_t *cs = init_state(w->cdummy, "{\"jitter\": 2}");
  ss_plugin_t *ps = init_state(w->probe, "{\"label\": \"multi\"}");
  ss_plugin_t *ss = init_state(w->sys, "");
  for (int round = 0; round < 4; round++) {
    drive_dummy_like(w->dummy, ds, w->events / 4, "dummy");
    drive_dummy_like(w->cdummy, cs, w->events / 4, "dummy");
    if (probe_first_value(w->probe, ps) != 1) die("probe: a new capture does not start at 1");
    for (uint64_t i = 0; i < w->events / 4; i++) {
      parse(w->sys, ss, w->syscall, i + 1);
      extract_one(w->sys, ss, w->syscall, i + 1, "syscall", 2, "syscallprobe.counts", FTYPE_STRING, 0);
    }
  }
  w->dummy->destroy(ds);
  w->cdummy->destroy(cs);
  w->probe->destroy(ps);
  w->sys->destroy(ss);
  return NULL;
}

static int multi(int argc, char **argv) {
  if (argc < 11) die("usage: multi <dummy.so> <probe.so> <syscallprobe.so> <c-dummy.so> <openat2-hex> <threads> <events> <init-cycles> <dlopen-cycles>");
  plugin_t dummy, probe, sys, cdummy;
  load(&dummy, argv[2]);
  load(&probe, argv[3]);
  load(&sys, argv[4]);
  load(&cdummy, argv[5]);
  size_t len;
  uint8_t *syscall = from_hex(argv[6], &len);
  int threads = atoi(argv[7]);
  uint64_t events = strtoull(argv[8], NULL, 10);
  int init_cycles = atoi(argv[9]);
  int dlopen_cycles = atoi(argv[10]);
  if (threads < 1 || threads > 64) die("threads must be 1..64");

  // Warm-up: every plugin's runtime started and every path taken once, before the first sample.
  {
    worker_t w = {&dummy, &probe, &sys, &cdummy, (const ss_plugin_event *)syscall, 400, 0};
    work(&w);
  }
  long rss_start = rss_kb();

  pthread_t ids[64];
  worker_t workers[64];
  for (int t = 0; t < threads; t++) {
    workers[t] = (worker_t){&dummy, &probe, &sys, &cdummy, (const ss_plugin_event *)syscall, events, t};
    if (pthread_create(&ids[t], NULL, work, &workers[t])) die("pthread_create failed");
  }

  // Beside the workers: init/destroy cycles of the dummy...
  for (int i = 0; i < init_cycles; i++) {
    ss_plugin_t *s = init_state(&dummy, "{\"jitter\": 1}");
    if (i % 50 == 0) drive_dummy_like(&dummy, s, 8, "dummy");
    dummy.destroy(s);
  }
  long rss_middle = rss_kb();

  // ...and dlopen/dlclose cycles of a second handle on the syscall probe library, whose states
  // count what they parsed: a reopened library must give a state that starts from zero.
  int still_loaded = 0;
  const ss_plugin_event *evt = (const ss_plugin_event *)syscall;
  for (int i = 0; i < dlopen_cycles; i++) {
    plugin_t again;
    load(&again, sys.path);
    if (!fresh_state_counts(&again, evt)) die("syscallprobe: the state after reopen %d is not fresh", i);
    if (dlclose(again.lib)) die("dlclose: %s", dlerror());
    // The workers' handle keeps the library loaded; RTLD_NOLOAD asks the loader without loading.
    void *handle = dlopen(sys.path, RTLD_NOW | RTLD_NOLOAD);
    if (handle) {
      still_loaded++;
      dlclose(handle);
    }
  }

  for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
  long rss_end = rss_kb();

  // The last handle goes too: NODELETE keeps the image mapped, and a new dlopen must work.
  if (dlclose(sys.lib)) die("dlclose: %s", dlerror());
  void *after = dlopen(sys.path, RTLD_NOW | RTLD_NOLOAD);
  int resident_after_last_dlclose = after != NULL;
  if (after) dlclose(after);
  plugin_t reopened;
  load(&reopened, sys.path);
  int fresh = fresh_state_counts(&reopened, evt);
  if (!fresh) die("syscallprobe: the state after the last dlclose is not fresh");

  printf("{\"threads\": %d, \"eventsPerThread\": %" PRIu64 ", \"initCycles\": %d, \"dlopenCycles\": %d, "
         "\"rssStartKb\": %ld, \"rssMiddleKb\": %ld, \"rssEndKb\": %ld, \"stillLoadedAfterDlclose\": %d, "
         "\"residentAfterLastDlclose\": %d, \"freshAfterReopen\": %d}\n",
         threads, events, init_cycles, dlopen_cycles, rss_start, rss_middle, rss_end, still_loaded,
         resident_after_last_dlclose, fresh);
  free(syscall);
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "soak")) return soak(argc, argv);
  if (argc >= 2 && !strcmp(argv[1], "multi")) return multi(argc, argv);
  die("usage: reliability_driver soak|multi ...");
}
