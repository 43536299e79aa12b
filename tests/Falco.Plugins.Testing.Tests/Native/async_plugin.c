// A plugin written against the plain C ABI that uses the features of API 3.4-3.10, to test the
// host's side of them: async events sent from its own threads, dump_state, capture listening
// with routines and table access, set_config, get_metrics, and log_fn from several threads.
// It is also an event source (id 1999, "apsrc"), so that async events can be merged into a
// capture, and it parses events: the payload of a parsed event is a command.
//
//   gcc -shared -fPIC -pthread -DPLUGIN_NAME='"ap"' -o ap.so async_plugin.c
//
// Config (init and set_config) is JSON {"mode": "..."}; the mode is a list of words:
//   nometrics   get_metrics returns NULL with 0 metrics
//   failopen    capture_open fails
//   leak        capture_close leaves the endless routine subscribed
//   dumpbad     dump_state also sends an event of an undeclared name
//   failhandler set_async_event_handler fails
//   reject      set_config fails (checked on the new config)
//
// Commands (parse_event payloads):
//   emit <count> <name> <kind> <ts> <tid>  a thread sends <count> async events, then logs a summary;
//       kind: ok | type (code 322) | nparams (2 params); ts: unset | future | <ns>; tid: none | <tid>
//   stream <name>      a thread sends events until the handler is reset (or the plugin destroyed)
//   join               waits for the sending thread
//   rogue              on reset, keep sending with the old handler instead of stopping
//   logstorm <t> <n>   <t> threads log <n> messages each, severities 1..8 in turn
//
// Open params: "<events> <first ts> <ts step> <timeouts>": <timeouts> TIMEOUT results, then the
// events (ts unset when <first ts> is 0), then EOF.
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef PLUGIN_NAME
#define PLUGIN_NAME "ap"
#endif

enum { ST_INT64 = 4, ST_STRING = 9 };
enum { RC_SUCCESS = 0, RC_FAILURE = 1, RC_TIMEOUT = -1, RC_EOF = 2 };
enum { EVENT_PLUGIN = 322, EVENT_ASYNC = 402 };
enum { MAX_ERROR = 1024 };

typedef union { int64_t s64; uint64_t u64; const char *str; void *table; } state_data_t;
typedef struct {
  const char *(*get_table_name)(void *);
  uint64_t (*get_table_size)(void *);
  void *(*get_table_entry)(void *, const state_data_t *);
  int32_t (*read_entry_field)(void *, void *, const void *, state_data_t *);
  void (*release_table_entry)(void *, void *);
  uint32_t (*iterate_entries)(void *, void *, void *);
} reader_ext_t;
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
  void *writer_ext;
} init_tables_t;
typedef void (*log_fn_t)(void *, const char *, const char *, uint32_t);
typedef struct {
  const char *config;
  void *owner;
  const char *(*get_owner_last_error)(void *);
  init_tables_t *tables;
  log_fn_t log_fn;
} init_input_t;
typedef struct __attribute__((packed)) { uint64_t ts, tid; uint32_t len; uint16_t type; uint32_t nparams; } event_t;
typedef struct { const event_t *evt; uint64_t evtnum; const char *evtsrc; } event_input_t;
typedef int32_t (*async_handler_t)(void *owner, const event_t *evt, char *err);
typedef uint32_t (*routine_fn_t)(void *plugin_state, void *routine_state);
typedef struct {
  void *(*subscribe)(void *owner, routine_fn_t fn, void *routine_state);
  int32_t (*unsubscribe)(void *owner, void *routine);
} routine_vtable_t;
typedef struct {
  void *owner;
  routine_vtable_t *routine;
  reader_ext_t *table_reader_ext;
  void *table_writer_ext;
  const char *(*get_owner_last_error)(void *);
} capture_listen_input_t;
typedef struct { const char *config; } set_config_input_t;
typedef union { uint32_t u32; int32_t s32; uint64_t u64; int64_t s64; double d; float f; int i; } metric_value_t;
typedef struct { const char *name; uint32_t type; metric_value_t value; uint32_t value_type; } metric_t;

typedef struct {
  char name[64];
  char kind[16];
  uint64_t ts;
  int future;  // ts is a minute ahead of the time of sending
  uint64_t tid;
  int count;  // -1: until stopped
} emit_job_t;

// What the endless routine counts. It is never freed, so that a call after destroy (which the
// host must prevent) is counted instead of crashing.
typedef struct {
  volatile int in_call;
  volatile long calls;
  volatile int destroyed;  // set by plugin_destroy
} routine_counters_t;

typedef struct {
  char error[MAX_ERROR];
  char mode[256];
  void *owner;
  const char *(*owner_error)(void *);
  log_fn_t log;
  // Async events: the handler, guarded by lock since the sending thread reads it.
  pthread_mutex_t lock;
  async_handler_t handler, last_handler;
  void *handler_owner;
  int rogue;
  pthread_t sender;
  int sender_running;
  volatile int stop_sending;
  emit_job_t job;
  // Capture listening.
  int opens, closes;
  void *forever_routine;
  routine_counters_t *forever;
  int countdown;
  void *threads, *comm, *held_entry;
  // Metrics.
  metric_t metrics[7];
} state_t;

// Routine calls that overlapped or followed plugin_destroy: the host must make this impossible.
static volatile long g_calls_after_destroy;
long ap_calls_after_destroy(void) { return g_calls_after_destroy; }

static int has_mode(const state_t *s, const char *word) { return strstr(s->mode, word) != NULL; }

static void log_message(state_t *s, uint32_t severity, const char *format, ...) __attribute__((format(printf, 3, 4)));
static void log_message(state_t *s, uint32_t severity, const char *format, ...) {
  char message[1200];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  if (s->log) s->log(s->owner, NULL, message, severity);
}

static void set_mode(state_t *s, const char *config) { snprintf(s->mode, sizeof s->mode, "%s", config ? config : ""); }

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

// Encodes an async event into buf: header, three u32 lengths, plugin id, name with its NUL, data.
static uint32_t encode_async(uint8_t *buf, const char *name, const char *data, uint16_t type, uint32_t nparams, uint64_t ts,
                             uint64_t tid) {
  uint32_t name_len = (uint32_t)strlen(name) + 1, data_len = (uint32_t)strlen(data), id_len = 4, plugin_id = 77;
  uint32_t len = 26 + 12 + 4 + name_len + data_len;
  event_t header = {.ts = ts, .tid = tid, .len = len, .type = type, .nparams = nparams};
  memcpy(buf, &header, sizeof header);
  memcpy(buf + 26, &id_len, 4);
  memcpy(buf + 30, &name_len, 4);
  memcpy(buf + 34, &data_len, 4);
  memcpy(buf + 38, &plugin_id, 4);  // the host overwrites it
  memcpy(buf + 42, name, name_len);
  memcpy(buf + 42 + name_len, data, data_len);
  return len;
}

static async_handler_t current_handler(state_t *s) {
  pthread_mutex_lock(&s->lock);
  async_handler_t h = s->rogue ? s->last_handler : s->handler;
  pthread_mutex_unlock(&s->lock);
  return h;
}

static void *send_events(void *arg) {
  state_t *s = arg;
  const emit_job_t *job = &s->job;
  uint16_t type = strcmp(job->kind, "type") == 0 ? EVENT_PLUGIN : EVENT_ASYNC;
  uint32_t nparams = strcmp(job->kind, "nparams") == 0 ? 2 : 3;
  int sent = 0, ok = 0, failed = 0, null_handler_failures = 0;
  char last_error[MAX_ERROR] = "";
  uint8_t buf[512];
  for (int i = 0; (job->count < 0 || i < job->count) && !s->stop_sending; i++) {
    async_handler_t h = current_handler(s);
    if (!h) break;
    char data[96];
    snprintf(data, sizeof data, "%s#%d", job->name, i);
    uint64_t ts = job->future ? now_ns() + 60ULL * 1000000000ULL : job->ts;
    encode_async(buf, job->name, data, type, nparams, ts, job->tid);
    char err[MAX_ERROR];
    memset(err, 'x', sizeof err);  // the host must NUL-terminate what it writes
    int32_t rc = h(s->handler_owner, (const event_t *)buf, err);
    sent++;
    if (rc == RC_SUCCESS) {
      ok++;
    } else {
      failed++;
      snprintf(last_error, sizeof last_error, "%s", err);
      if (strstr(err, "async event sent with NULL handler")) null_handler_failures++;
    }
    memset(buf, 0xAB, sizeof buf);  // the host must have copied the event
    if (job->count < 0) usleep(200);
  }
  log_message(s, 6, "sender %s: sent=%d ok=%d failed=%d null_handler=%d last_error=%s", job->name, sent, ok, failed,
        null_handler_failures, last_error);
  return NULL;
}

static void join_sender(state_t *s) {
  if (s->sender_running) {
    pthread_join(s->sender, NULL);
    s->sender_running = 0;
  }
}

static void start_sender(state_t *s, const emit_job_t *job) {
  join_sender(s);
  s->job = *job;
  s->stop_sending = 0;
  s->sender_running = pthread_create(&s->sender, NULL, send_events, s) == 0;
}

typedef struct { state_t *s; int id, n; } storm_t;

static void *log_storm(void *arg) {
  storm_t *storm = arg;
  for (int i = 0; i < storm->n; i++) {
    char message[64];
    snprintf(message, sizeof message, "storm %d/%d", storm->id, i);
    storm->s->log(storm->s->owner, "storm", message, (uint32_t)(1 + (i % 8)));
  }
  return NULL;
}

const char *plugin_get_required_api_version(void) { return "3.10.0"; }
// Parsing events of every source reads syscall events: libsinsp refuses such a plugin unless it
// names the event schema it was built against.
const char *plugin_get_required_event_schema_version(void) { return "4.0.0"; }
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return PLUGIN_NAME; }
const char *plugin_get_description(void) { return "async, dump, capture listening, config and metrics test plugin"; }
const char *plugin_get_contact(void) { return "tests"; }
const char *plugin_get_last_error(void *s) { return ((state_t *)s)->error; }

const char *plugin_get_init_schema(uint32_t *type) {
  *type = 1;
  return "{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"}},\"additionalProperties\":false}";
}

void *plugin_init(const init_input_t *in, int32_t *rc) {
  state_t *s = calloc(1, sizeof(state_t));
  pthread_mutex_init(&s->lock, NULL);
  s->forever = calloc(1, sizeof(routine_counters_t));
  s->owner = in->owner;
  s->owner_error = in->get_owner_last_error;
  s->log = in->log_fn;
  set_mode(s, in->config);
  log_message(s, 6, "init config=%s", in->config);
  if (in->tables) {
    s->threads = in->tables->get_table(in->owner, "threads", ST_INT64);
    s->comm = s->threads ? in->tables->fields_ext->get_table_field(s->threads, "comm", ST_STRING) : NULL;
  }
  *rc = RC_SUCCESS;
  return s;
}

void plugin_destroy(void *p) {
  state_t *s = p;
  s->stop_sending = 1;
  join_sender(s);
  s->forever->destroyed = 1;
  pthread_mutex_destroy(&s->lock);
  free(s);
}

// Async events.
const char *plugin_get_async_events(void) { return "[\"ap.ok\",\"ap.state\"]"; }

int32_t plugin_set_async_event_handler(void *p, void *owner, async_handler_t handler) {
  state_t *s = p;
  if (has_mode(s, "failhandler")) {
    snprintf(s->error, sizeof s->error, "handler refused");
    return RC_FAILURE;
  }
  if (!handler && !s->rogue) {
    // What real plugins do: stop sending, then forget the handler.
    s->stop_sending = 1;
    join_sender(s);
  }
  pthread_mutex_lock(&s->lock);
  if (handler) s->last_handler = handler;
  s->handler = handler;
  s->handler_owner = owner;
  pthread_mutex_unlock(&s->lock);
  log_message(s, 7, "set_async_event_handler %s", handler ? "set" : "reset");
  return RC_SUCCESS;
}

int32_t plugin_dump_state(void *p, void *owner, async_handler_t handler) {
  state_t *s = p;
  uint8_t buf[256];
  char err[MAX_ERROR];
  for (int i = 0; i < 3; i++) {
    const char *name = i < 2 ? "ap.state" : "ap.undeclared";
    if (i == 2 && !has_mode(s, "dumpbad")) break;
    char data[32];
    snprintf(data, sizeof data, "dump#%d", i);
    encode_async(buf, name, data, EVENT_ASYNC, 3, (uint64_t)-1, (uint64_t)-1);
    if (handler(owner, (const event_t *)buf, err) != RC_SUCCESS) {
      snprintf(s->error, sizeof s->error, "dump handler: %.900s", err);
      return RC_FAILURE;
    }
  }
  return RC_SUCCESS;
}

// Parsing: commands.
static const char *payload(const event_t *evt, uint32_t *len) {
  const uint8_t *bytes = (const uint8_t *)evt;
  memcpy(len, bytes + 30, 4);
  return (const char *)bytes + 38;
}

int32_t plugin_parse_event(void *p, const event_input_t *ev, const void *in) {
  (void)in;
  state_t *s = p;
  uint32_t len;
  const char *data = payload(ev->evt, &len);
  char text[256] = {0};
  memcpy(text, data, len < sizeof text - 1 ? len : sizeof text - 1);
  emit_job_t job = {0};
  char ts[32], tid[32];
  int threads, count;
  if (sscanf(text, "emit %d %63s %15s %31s %31s", &job.count, job.name, job.kind, ts, tid) == 5) {
    job.future = strcmp(ts, "future") == 0;
    job.ts = strcmp(ts, "unset") == 0 ? (uint64_t)-1 : strtoull(ts, NULL, 10);
    job.tid = strcmp(tid, "none") == 0 ? (uint64_t)-1 : strtoull(tid, NULL, 10);
    start_sender(s, &job);
  } else if (sscanf(text, "stream %63s", job.name) == 1) {
    job.count = -1;
    job.ts = (uint64_t)-1;
    job.tid = (uint64_t)-1;
    snprintf(job.kind, sizeof job.kind, "ok");
    start_sender(s, &job);
  } else if (strcmp(text, "join") == 0) {
    join_sender(s);
  } else if (strcmp(text, "rogue") == 0) {
    s->rogue = 1;
  } else if (sscanf(text, "logstorm %d %d", &threads, &count) == 2 && threads <= 16) {
    pthread_t workers[16];
    storm_t storms[16];
    for (int i = 0; i < threads; i++) {
      storms[i] = (storm_t){s, i, count};
      pthread_create(&workers[i], NULL, log_storm, &storms[i]);
    }
    for (int i = 0; i < threads; i++) pthread_join(workers[i], NULL);
  } else {
    snprintf(s->error, sizeof s->error, "unknown command: %s", text);
    return RC_FAILURE;
  }
  return RC_SUCCESS;
}

// Capture listening.
static uint32_t countdown_routine(void *p, void *routine_state) {
  (void)p;
  int *left = routine_state;
  return --*left > 0;
}

static uint32_t forever_routine(void *p, void *routine_state) {
  (void)p;
  routine_counters_t *counters = routine_state;
  if (counters->destroyed) g_calls_after_destroy++;
  counters->in_call = 1;
  usleep(5000);
  if (counters->destroyed) g_calls_after_destroy++;
  counters->calls++;
  counters->in_call = 0;
  return 1;
}

int32_t plugin_capture_open(void *p, const capture_listen_input_t *in) {
  state_t *s = p;
  s->opens++;
  if (has_mode(s, "failopen")) {
    snprintf(s->error, sizeof s->error, "capture_open asked to fail");
    return RC_FAILURE;
  }
  s->countdown = 5;
  void *countdown = in->routine->subscribe(in->owner, countdown_routine, &s->countdown);
  s->forever_routine = in->routine->subscribe(in->owner, forever_routine, s->forever);
  int32_t bogus = in->routine->unsubscribe(in->owner, (void *)0x10);
  const char *owner_error = in->get_owner_last_error(in->owner);
  log_message(s, 6, "capture_open #%d countdown=%d forever=%d bogus_unsubscribe=%d owner_error=%s", s->opens, countdown != NULL,
        s->forever_routine != NULL, bogus, owner_error ? owner_error : "(none)");
  if (s->threads && s->comm) {
    state_data_t key = {.s64 = 1}, comm;
    s->held_entry = in->table_reader_ext->get_table_entry(s->threads, &key);
    if (s->held_entry && in->table_reader_ext->read_entry_field(s->threads, s->held_entry, s->comm, &comm) == RC_SUCCESS) {
      log_message(s, 6, "capture_open threads=%llu comm=%s", (unsigned long long)in->table_reader_ext->get_table_size(s->threads),
            comm.str);
    }
  }
  return RC_SUCCESS;
}

int32_t plugin_capture_close(void *p, const capture_listen_input_t *in) {
  state_t *s = p;
  s->closes++;
  int32_t rc = -9;
  if (!has_mode(s, "leak") && s->forever_routine) {
    rc = in->routine->unsubscribe(in->owner, s->forever_routine);
    s->forever_routine = NULL;
  }
  int released = 0;
  if (s->held_entry) {
    state_data_t comm;
    int readable = in->table_reader_ext->read_entry_field(s->threads, s->held_entry, s->comm, &comm) == RC_SUCCESS;
    in->table_reader_ext->release_table_entry(s->threads, s->held_entry);
    s->held_entry = NULL;
    released = readable;
  }
  log_message(s, 6, "capture_close #%d unsubscribe=%d in_call=%d released_readable_entry=%d", s->closes, rc, s->forever->in_call,
        released);
  return RC_SUCCESS;
}

// set_config and metrics.
int32_t plugin_set_config(void *p, const set_config_input_t *in) {
  state_t *s = p;
  log_message(s, 6, "set_config %s", in->config);
  if (strstr(in->config, "reject")) {
    snprintf(s->error, sizeof s->error, "config rejected: %s", in->config);
    return RC_FAILURE;
  }
  set_mode(s, in->config);
  return RC_SUCCESS;
}

const metric_t *plugin_get_metrics(void *p, uint32_t *n) {
  state_t *s = p;
  if (has_mode(s, "nometrics")) {
    *n = 0;
    return NULL;
  }
  metric_t *m = s->metrics;
  m[0] = (metric_t){"u32", 0, {.u32 = 4000000000u}, 0};
  m[1] = (metric_t){"s32", 1, {.s32 = -5}, 1};
  m[2] = (metric_t){"u64", 0, {.u64 = 1ULL << 40}, 2};
  m[3] = (metric_t){"s64", 1, {.s64 = -(1LL << 40)}, 3};
  m[4] = (metric_t){"d", 1, {.d = 2.5}, 4};
  m[5] = (metric_t){"f", 1, {.f = 1.5f}, 5};
  m[6] = (metric_t){"i", 1, {.i = -7}, 6};
  *n = 7;
  return m;
}

// Event source: plugin events "src#<i>".
uint32_t plugin_get_id(void) { return 1999; }
const char *plugin_get_event_source(void) { return "apsrc"; }

typedef struct {
  uint32_t events, produced, timeouts;
  uint64_t first_ts, step;
  uint8_t buffers[4][64];
  void *batch[4];
} instance_t;

void *plugin_open(void *p, const char *params, int32_t *rc) {
  (void)p;
  instance_t *instance = calloc(1, sizeof(instance_t));
  unsigned long long first = 0, step = 0;
  if (sscanf(params, "%u %llu %llu %u", &instance->events, &first, &step, &instance->timeouts) < 1) instance->events = 0;
  instance->first_ts = first;
  instance->step = step;
  *rc = RC_SUCCESS;
  return instance;
}

void plugin_close(void *p, void *h) {
  (void)p;
  free(h);
}

int32_t plugin_next_batch(void *p, void *h, uint32_t *n, void ***evts) {
  (void)p;
  instance_t *instance = h;
  *n = 0;
  *evts = instance->batch;
  if (instance->timeouts > 0) {
    instance->timeouts--;
    return RC_TIMEOUT;
  }
  while (*n < 4 && instance->produced < instance->events) {
    uint8_t *buf = instance->buffers[*n];
    char data[16];
    int data_len = snprintf(data, sizeof data, "src#%u", instance->produced);
    uint64_t ts = instance->first_ts ? instance->first_ts + instance->produced * instance->step : (uint64_t)-1;
    event_t header = {.ts = ts, .tid = 0, .len = 38 + (uint32_t)data_len, .type = EVENT_PLUGIN, .nparams = 2};
    uint32_t id_len = 4, plugin_id = 0, len = (uint32_t)data_len;
    memcpy(buf, &header, sizeof header);
    memcpy(buf + 26, &id_len, 4);
    memcpy(buf + 30, &len, 4);
    memcpy(buf + 34, &plugin_id, 4);
    memcpy(buf + 38, data, len);
    instance->batch[(*n)++] = buf;
    instance->produced++;
  }
  return *n > 0 ? RC_SUCCESS : RC_EOF;
}
