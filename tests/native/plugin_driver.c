// A native host for end-to-end tests that need a plain C process around the plugin, as Falco is:
// dlclose of one plugin while others run on several threads, and long runs whose memory is
// measured from outside the managed world. It dlopens plugins like libsinsp (RTLD_NOW|RTLD_LOCAL).
//
//   plugin_driver threads <closed.so> <closed-config> <used.so> <used-config> <open-params> <threads>
//   plugin_driver soak <plugin.so> <config> <open-params> <events> <field>...     field = id or id:index
//
// Every mode prints one JSON line on success and exits 0; failures print a message and exit 1.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct __attribute__((packed)) { uint64_t ts, tid; uint32_t len; uint16_t type; uint32_t nparams; } event_t;
typedef struct { const char *config; void *owner; void *get_owner_last_error; void *tables; void *log_fn; } init_input_t;
typedef struct { const event_t *evt; uint64_t evtnum; const char *evtsrc; } event_input_t;
typedef struct {
  void *res; uint64_t res_len; uint32_t field_id; const char *field; const char *arg_key;
  uint64_t arg_index; uint32_t arg_present; uint32_t ftype; uint32_t flist;
} extract_field_t;
typedef struct { void *owner; void *get_owner_last_error; uint32_t num_fields; extract_field_t *fields; void *reader[4]; void *reader_ext; void *value_offsets; } extract_input_t;

typedef struct {
  void *lib;
  void *(*init)(const init_input_t *, int32_t *);
  void (*destroy)(void *);
  const char *(*get_last_error)(void *);
  void *(*open)(void *, const char *, int32_t *);
  void (*close)(void *, void *);
  int32_t (*next_batch)(void *, void *, uint32_t *, event_t ***);
  int32_t (*extract_fields)(void *, const event_input_t *, const extract_input_t *);
  uint64_t (*allocated_bytes)(void);
} plugin_t;

static int load(plugin_t *p, const char *path) {
  memset(p, 0, sizeof(*p));
  p->lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!p->lib) { fprintf(stderr, "dlopen %s: %s\n", path, dlerror()); return -1; }
  p->init = dlsym(p->lib, "plugin_init");
  p->destroy = dlsym(p->lib, "plugin_destroy");
  p->get_last_error = dlsym(p->lib, "plugin_get_last_error");
  p->open = dlsym(p->lib, "plugin_open");
  p->close = dlsym(p->lib, "plugin_close");
  p->next_batch = dlsym(p->lib, "plugin_next_batch");
  p->extract_fields = dlsym(p->lib, "plugin_extract_fields");
  p->allocated_bytes = dlsym(p->lib, "falco_plugin_sdk_allocated_bytes");
  if (!p->init || !p->destroy || !p->open || !p->close || !p->next_batch) { fprintf(stderr, "%s is not a source plugin\n", path); return -1; }
  return 0;
}

static void *init_state(plugin_t *p, const char *config) {
  init_input_t in = { config, NULL, NULL, NULL, NULL };
  int32_t rc = 1;
  void *s = p->init(&in, &rc);
  if (rc != 0) { fprintf(stderr, "init failed: %s\n", s ? p->get_last_error(s) : "(no state)"); if (s) p->destroy(s); return NULL; }
  return s;
}

typedef struct { uint32_t id; uint64_t index; int has_index; } field_spec_t;

// Reads every event of a capture, extracting each field one call at a time (as libsinsp does).
static long drain(plugin_t *p, void *s, const char *params, const field_spec_t *fields, int nfields, long max_events,
                  long sample_at, long *rss_sample, uint64_t *alloc_sample) {
  int32_t rc = 1;
  void *h = p->open(s, params, &rc);
  if (rc != 0) { fprintf(stderr, "open failed: %s\n", p->get_last_error(s)); return -1; }
  long count = 0;
  for (;;) {
    uint32_t n = 0; event_t **evts = NULL;
    rc = p->next_batch(s, h, &n, &evts);
    for (uint32_t i = 0; i < n && count < max_events; i++) {
      count++;
      event_input_t ev = { evts[i], (uint64_t)count, "" };
      for (int f = 0; f < nfields; f++) {
        extract_field_t field = {0};
        field.field_id = fields[f].id; field.arg_present = fields[f].has_index; field.arg_index = fields[f].index;
        extract_input_t in = {0}; in.num_fields = 1; in.fields = &field;
        if (p->extract_fields(s, &ev, &in) != 0 || field.res_len == 0) { fprintf(stderr, "extract failed on event %ld: %s\n", count, p->get_last_error(s)); p->close(s, h); return -1; }
      }
      if (count == sample_at) {
        FILE *statm = fopen("/proc/self/statm", "r"); long pages = 0, resident = 0;
        if (statm) { if (fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0; fclose(statm); }
        *rss_sample = resident * 4;
        if (p->allocated_bytes) *alloc_sample = p->allocated_bytes();
      }
    }
    if (count >= max_events) break;
    if (rc == 2) break;
    if (rc == 1) { fprintf(stderr, "next_batch failed: %s\n", p->get_last_error(s)); p->close(s, h); return -1; }
  }
  p->close(s, h);
  return count;
}

static long rss_kb(void) {
  FILE *statm = fopen("/proc/self/statm", "r"); long pages = 0, resident = 0;
  if (statm) { if (fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0; fclose(statm); }
  return resident * 4;
}

typedef struct { plugin_t *plugin; const char *config; const char *params; long events; int ok; } worker_t;

static void *worker(void *arg) {
  worker_t *w = arg;
  void *s = init_state(w->plugin, w->config);
  if (!s) return NULL;
  field_spec_t value = { 0, 0, 0 };
  long dummy_rss = 0; uint64_t dummy_alloc = 0;
  for (int round = 0; round < 20; round++) {
    long n = drain(w->plugin, s, w->params, &value, 0, 1L << 40, -1, &dummy_rss, &dummy_alloc);
    if (n < 0) { w->plugin->destroy(s); return NULL; }
    w->events += n;
  }
  w->plugin->destroy(s);
  w->ok = 1;
  return NULL;
}

static int threads_mode(int argc, char **argv) {
  if (argc < 8) { fprintf(stderr, "usage: threads <closed.so> <closed-config> <used.so> <used-config> <open-params> <threads>\n"); return 1; }
  plugin_t closed, used;
  if (load(&closed, argv[2]) || load(&used, argv[4])) return 1;
  void *cs = init_state(&closed, argv[3]);
  void *us = init_state(&used, argv[5]);
  if (!cs || !us) return 1;
  // Both runtimes have run code; now destroy and unload the first one, as Falco does on shutdown or reload.
  closed.destroy(cs);
  if (dlclose(closed.lib) != 0) { fprintf(stderr, "dlclose: %s\n", dlerror()); return 1; }
  used.destroy(us);
  int nthreads = atoi(argv[7]);
  pthread_t tids[64]; worker_t workers[64];
  if (nthreads < 1 || nthreads > 64) return 1;
  for (int i = 0; i < nthreads; i++) {
    workers[i] = (worker_t){ &used, argv[5], argv[6], 0, 0 };
    pthread_create(&tids[i], NULL, worker, &workers[i]);
  }
  long total = 0;
  for (int i = 0; i < nthreads; i++) {
    pthread_join(tids[i], NULL);
    if (!workers[i].ok) { fprintf(stderr, "thread %d failed\n", i); return 1; }
    total += workers[i].events;
  }
  printf("{\"threads\":%d,\"events\":%ld}\n", nthreads, total);
  return 0;
}

static int soak_mode(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: soak <plugin.so> <config> <open-params> <events> <field>...\n"); return 1; }
  plugin_t p;
  if (load(&p, argv[2])) return 1;
  void *s = init_state(&p, argv[3]);
  if (!s) return 1;
  long events = atol(argv[5]);
  int nfields = argc - 6;
  field_spec_t fields[16];
  if (nfields > 16) return 1;
  for (int i = 0; i < nfields; i++) {
    char *colon = strchr(argv[6 + i], ':');
    fields[i].id = (uint32_t)atoi(argv[6 + i]);
    fields[i].has_index = colon != NULL;
    fields[i].index = colon ? strtoull(colon + 1, NULL, 10) : 0;
  }
  // Warm up, then measure from 10% of the run to its end.
  long sample_at = events / 10; long rss_start = 0; uint64_t alloc_start = 0;
  long done = drain(&p, s, argv[4], fields, nfields, events, sample_at, &rss_start, &alloc_start);
  if (done != events) { fprintf(stderr, "read %ld of %ld events\n", done, events); return 1; }
  long rss_end = rss_kb();
  uint64_t alloc_end = p.allocated_bytes ? p.allocated_bytes() : 0;
  printf("{\"events\":%ld,\"fields\":%d,\"rss_kb_start\":%ld,\"rss_kb_end\":%ld,\"managed_bytes_allocated\":%lld}\n",
         events, nfields, rss_start, rss_end, p.allocated_bytes ? (long long)(alloc_end - alloc_start) : -1LL);
  p.destroy(s);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: plugin_driver threads|soak ...\n"); return 1; }
  if (!strcmp(argv[1], "threads")) return threads_mode(argc, argv);
  if (!strcmp(argv[1], "soak")) return soak_mode(argc, argv);
  fprintf(stderr, "unknown mode %s\n", argv[1]);
  return 1;
}
