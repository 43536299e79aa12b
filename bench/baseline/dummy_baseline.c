// The dummy plugin written directly against the Falco plugin C API, with no SDK: the "physical
// limit" the C# dummy (examples/Dummy) is measured against by bench/driver/plugin_bench.c.
//
// It has exactly the C# dummy's semantics and exports the same plugin_* symbols:
//   - source "dummy", plugin id 3; each event's payload is the sample as decimal text, no NUL;
//   - init config {"jitter": N} (default 10): each sample is the previous one + 1 + a random
//     amount in [0, N];
//   - open params {"start": S, "maxEvents": M, "batchSize": B} (defaults 1, 20, 128): M events,
//     at most B per next_batch, then EOF; each event is stamped with the wall-clock time;
//   - fields, in this order: dummy.divisible[N] (uint64, 1 if the sample is divisible by N),
//     dummy.value (uint64), dummy.strvalue (string).
// Its name is "dummy_c_baseline" rather than "dummy": libsinsp refuses two plugins with the same
// name, and a distinct name makes it obvious in any listing which library answered. Id, event
// source, payload and fields are the dummy's, so events from either plugin are interchangeable.
//
// It is written the fastest reasonable way, as a hand-tuned C plugin would be: every buffer is
// allocated at init/open, next_batch writes events in place into a preformatted batch, and
// extract_fields parses a payload once per event number and answers from that cache.
//
// Built by bench/run.sh with:
//   gcc -O2 -shared -fPIC -fvisibility=hidden -Wall -Wextra -Werror -I bench/include
//       bench/baseline/dummy_baseline.c -o artifacts/bench/libdummy_c.so

// clock_gettime and CLOCK_REALTIME are POSIX, not ISO C.
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plugin_abi.h"

#define EXPORT __attribute__((visibility("default")))

#define PLUGIN_ID 3
#define DEFAULT_JITTER 10
#define DEFAULT_START 1
#define DEFAULT_MAX_EVENTS 20
#define DEFAULT_BATCH_SIZE 128
// The largest uint64 has 20 decimal digits; 38 + 20 = 58 bytes, so every event fits a 64-byte
// slot and the slots stay 8-byte aligned.
#define MAX_DIGITS 20
#define EVENT_SLOT 64

static const char FIELDS_JSON[] =
    "[{\"type\":\"uint64\",\"name\":\"dummy.divisible\",\"arg\":{\"isRequired\":true,\"isIndex\":true,\"isKey\":false},"
    "\"desc\":\"Return 1 if the value is divisible by the provided divisor, 0 otherwise\"},"
    "{\"type\":\"uint64\",\"name\":\"dummy.value\",\"desc\":\"The sample value in the event\"},"
    "{\"type\":\"string\",\"name\":\"dummy.strvalue\",\"desc\":\"The sample value in the event, as a string\"}]";

static const char INIT_SCHEMA[] =
    "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"dummy init config\",\"type\":\"object\","
    "\"properties\":{\"jitter\":{\"description\":\"A random amount added to the sample of each event (Default: 10)\","
    "\"default\":10,\"type\":\"integer\",\"minimum\":0,\"maximum\":18446744073709551615}},\"additionalProperties\":false}";

enum { FIELD_DIVISIBLE = 0, FIELD_VALUE = 1, FIELD_STRVALUE = 2 };

typedef struct {
  char last_error[256];
  uint64_t jitter;
  uint64_t rng;  // xorshift64* state; never 0

  // extract_fields: the payload of event `cached_evtnum`, parsed once for all its fields.
  int cache_valid;
  uint64_t cached_evtnum;
  uint64_t cached_value;
  char cached_str[MAX_DIGITS + 1];

  // extract_fields results, one slot per requested field, valid until the next call. Grown
  // (rarely) when a call asks for more fields than any call before.
  uint32_t slot_capacity;
  uint64_t *u64_slots;
  const char **str_slots;

  char text[64];  // event_to_string result
} plugin_state;

typedef struct {
  uint64_t sample;
  uint64_t produced;
  uint64_t max_events;
  uint32_t batch_size;
  uint8_t *events;             // batch_size slots of EVENT_SLOT bytes, headers preformatted
  ss_plugin_event **pointers;  // pointers[i] = slot i, set once at open
  char progress[48];           // get_progress detail
} instance_state;

static void set_error(plugin_state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(plugin_state *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->last_error, sizeof(s->last_error), fmt, ap);
  va_end(ap);
}

// Reads the unsigned integer value of "key" in a flat JSON object. Minimal on purpose: the
// inputs are the dummy's own small configs. Returns 1 if found, 0 if absent, -1 if the value is
// not an unsigned integer that fits 64 bits.
static int json_u64(const char *json, const char *key, uint64_t *out) {
  if (json == NULL) return 0;
  size_t key_len = strlen(key);
  for (const char *p = strchr(json, '"'); p != NULL; p = strchr(p + 1, '"')) {
    if (strncmp(p + 1, key, key_len) != 0 || p[1 + key_len] != '"') continue;
    const char *v = p + 2 + key_len;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r') v++;
    if (*v != ':') continue;  // the key text appeared as a value, not a key
    v++;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r') v++;
    if (*v < '0' || *v > '9') return -1;
    uint64_t value = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
      uint64_t digit = (uint64_t)(*v - '0');
      if (value > (UINT64_MAX - digit) / 10) return -1;
      value = value * 10 + digit;
    }
    *out = value;
    return 1;
  }
  return 0;
}

// A random amount in [0, jitter], as the C# dummy's Random.NextInt64(jitter + 1).
static inline uint64_t next_jitter(plugin_state *s) {
  if (s->jitter == 0) return 0;
  s->rng ^= s->rng >> 12;
  s->rng ^= s->rng << 25;
  s->rng ^= s->rng >> 27;
  uint64_t r = s->rng * 0x2545F4914F6CDD1DULL;
  return s->jitter == UINT64_MAX ? r : r % (s->jitter + 1);
}

static const char DIGIT_PAIRS[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static inline uint32_t decimal_length(uint64_t v) {
  uint32_t n = 1;
  for (;;) {
    if (v < 10) return n;
    if (v < 100) return n + 1;
    if (v < 1000) return n + 2;
    if (v < 10000) return n + 3;
    v /= 10000;
    n += 4;
  }
}

// Writes v in decimal at out (no NUL) and returns the number of digits, two digits per step.
static inline uint32_t format_u64(uint64_t v, char *out) {
  uint32_t len = decimal_length(v);
  char *p = out + len;
  while (v >= 100) {
    uint32_t pair = (uint32_t)(v % 100) * 2;
    v /= 100;
    *--p = DIGIT_PAIRS[pair + 1];
    *--p = DIGIT_PAIRS[pair];
  }
  if (v >= 10) {
    *--p = DIGIT_PAIRS[v * 2 + 1];
    *--p = DIGIT_PAIRS[v * 2];
  } else {
    *--p = (char)('0' + v);
  }
  return len;
}

EXPORT const char *plugin_get_required_api_version(void) { return "3.0.0"; }
EXPORT const char *plugin_get_name(void) { return "dummy_c_baseline"; }
EXPORT const char *plugin_get_description(void) { return "Reference plugin for educational purposes (plain C benchmark baseline)"; }
EXPORT const char *plugin_get_contact(void) { return "github.com/falcosecurity/plugins"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT uint32_t plugin_get_id(void) { return PLUGIN_ID; }
EXPORT const char *plugin_get_event_source(void) { return "dummy"; }
EXPORT const char *plugin_get_fields(void) { return FIELDS_JSON; }

EXPORT const char *plugin_get_init_schema(uint32_t *schema_type) {
  if (schema_type) *schema_type = SS_PLUGIN_SCHEMA_JSON;
  return INIT_SCHEMA;
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *input, ss_plugin_rc *rc) {
  plugin_state *s = calloc(1, sizeof(*s));
  if (s == NULL) {
    *rc = SS_PLUGIN_FAILURE;
    return NULL;
  }
  s->jitter = DEFAULT_JITTER;
  s->rng = 0x9E3779B97F4A7C15ULL ^ (uint64_t)(uintptr_t)s;
  if (s->rng == 0) s->rng = 1;
  // Start with room for the three fields, the most the dummy declares.
  s->slot_capacity = 3;
  s->u64_slots = malloc(s->slot_capacity * sizeof(*s->u64_slots));
  s->str_slots = malloc(s->slot_capacity * sizeof(*s->str_slots));
  if (s->u64_slots == NULL || s->str_slots == NULL) {
    set_error(s, "out of memory");
    *rc = SS_PLUGIN_FAILURE;
    return s;
  }
  if (json_u64(input ? input->config : NULL, "jitter", &s->jitter) < 0) {
    set_error(s, "init config key 'jitter' must be an unsigned integer");
    *rc = SS_PLUGIN_FAILURE;
    return s;
  }
  *rc = SS_PLUGIN_SUCCESS;
  return s;
}

EXPORT void plugin_destroy(ss_plugin_t *p) {
  plugin_state *s = p;
  if (s == NULL) return;
  free(s->u64_slots);
  free(s->str_slots);
  free(s);
}

EXPORT const char *plugin_get_last_error(ss_plugin_t *p) {
  return p ? ((plugin_state *)p)->last_error : "no plugin state";
}

EXPORT ss_instance_t *plugin_open(ss_plugin_t *p, const char *params, ss_plugin_rc *rc) {
  plugin_state *s = p;
  uint64_t start = DEFAULT_START, max_events = DEFAULT_MAX_EVENTS, batch_size = DEFAULT_BATCH_SIZE;
  if (json_u64(params, "start", &start) < 0 || json_u64(params, "maxEvents", &max_events) < 0 ||
      json_u64(params, "batchSize", &batch_size) < 0) {
    set_error(s, "open params: start, maxEvents and batchSize must be unsigned integers");
    *rc = SS_PLUGIN_FAILURE;
    return NULL;
  }
  if (batch_size < 1 || batch_size > INT32_MAX) {
    set_error(s, "open params key 'batchSize' must be at least 1, got %" PRIu64, batch_size);
    *rc = SS_PLUGIN_FAILURE;
    return NULL;
  }
  instance_state *h = calloc(1, sizeof(*h));
  if (h != NULL) {
    h->events = aligned_alloc(EVENT_SLOT, batch_size * EVENT_SLOT);
    h->pointers = malloc(batch_size * sizeof(*h->pointers));
  }
  if (h == NULL || h->events == NULL || h->pointers == NULL) {
    if (h) {
      free(h->events);
      free(h->pointers);
    }
    free(h);
    set_error(s, "out of memory");
    *rc = SS_PLUGIN_FAILURE;
    return NULL;
  }
  h->sample = start;
  h->max_events = max_events;
  h->batch_size = (uint32_t)batch_size;
  // Everything but ts, len and the payload is the same for every event: write it once here.
  for (uint32_t i = 0; i < h->batch_size; i++) {
    uint8_t *slot = h->events + (size_t)i * EVENT_SLOT;
    ss_plugin_event *evt = (ss_plugin_event *)slot;
    evt->tid = UINT64_MAX;
    evt->type = PLUGIN_EVENT_CODE;
    evt->nparams = 2;
    const uint32_t id_len = 4, id = PLUGIN_ID;
    memcpy(slot + sizeof(ss_plugin_event), &id_len, 4);
    memcpy(slot + sizeof(ss_plugin_event) + 8, &id, 4);
    h->pointers[i] = evt;
  }
  *rc = SS_PLUGIN_SUCCESS;
  return h;
}

EXPORT void plugin_close(ss_plugin_t *p, ss_instance_t *i) {
  (void)p;
  instance_state *h = i;
  if (h == NULL) return;
  free(h->events);
  free(h->pointers);
  free(h);
}

EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *p, ss_instance_t *i, uint32_t *nevts, ss_plugin_event ***evts) {
  plugin_state *s = p;
  instance_state *h = i;
  uint32_t n = 0;
  ss_plugin_rc rc = SS_PLUGIN_SUCCESS;
  while (n < h->batch_size) {
    // As the C# dummy: EOF comes with the events of the last, partial batch.
    if (h->produced >= h->max_events) {
      rc = SS_PLUGIN_EOF;
      break;
    }
    h->sample += 1 + next_jitter(s);
    h->produced++;

    uint8_t *slot = h->events + (size_t)n * EVENT_SLOT;
    ss_plugin_event *evt = (ss_plugin_event *)slot;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    evt->ts = (uint64_t)now.tv_sec * 1000000000ULL + (uint64_t)now.tv_nsec;
    uint32_t len = format_u64(h->sample, (char *)slot + PLUGIN_EVENT_PAYLOAD_OFFSET);
    memcpy(slot + sizeof(ss_plugin_event) + 4, &len, 4);
    evt->len = PLUGIN_EVENT_PAYLOAD_OFFSET + len;
    n++;
  }
  *nevts = n;
  *evts = h->pointers;
  // SUCCESS always carries at least one event (the framework rejects an empty one): batch_size
  // is at least 1 and an exhausted capture returns EOF.
  return rc;
}

EXPORT const char *plugin_get_progress(ss_plugin_t *p, ss_instance_t *i, uint32_t *progress_pct) {
  (void)p;
  instance_state *h = i;
  // Hundredths of a percent, as the API defines it, rounded as the C# dummy rounds it.
  *progress_pct = h->max_events == 0 ? 10000 : (uint32_t)((h->produced * 10000 + h->max_events / 2) / h->max_events);
  snprintf(h->progress, sizeof(h->progress), "%" PRIu64 "/%" PRIu64, h->produced, h->max_events);
  return h->progress;
}

// The payload of a plugin event, or NULL when evt is not a well-formed one.
static inline const char *payload_of(const ss_plugin_event *evt, uint32_t *len) {
  if (evt->type != PLUGIN_EVENT_CODE || evt->len < PLUGIN_EVENT_PAYLOAD_OFFSET) return NULL;
  memcpy(len, (const uint8_t *)evt + sizeof(ss_plugin_event) + 4, 4);
  if (*len > evt->len - PLUGIN_EVENT_PAYLOAD_OFFSET) return NULL;
  return (const char *)evt + PLUGIN_EVENT_PAYLOAD_OFFSET;
}

EXPORT const char *plugin_event_to_string(ss_plugin_t *p, const ss_plugin_event_input *evt) {
  plugin_state *s = p;
  uint32_t len = 0;
  const char *payload = payload_of(evt->evt, &len);
  if (payload == NULL || len > MAX_DIGITS) return NULL;
  snprintf(s->text, sizeof(s->text), "{\"sample\": \"%.*s\"}", (int)len, payload);
  return s->text;
}

EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *num_types, ss_plugin_t *p) {
  (void)p;
  static uint16_t types[] = {PLUGIN_EVENT_CODE};
  *num_types = 1;
  return types;
}

// Parses the decimal payload of the event into the cache, once per event number.
static int parse_sample(plugin_state *s, const ss_plugin_event_input *ev) {
  uint32_t len = 0;
  const char *payload = payload_of(ev->evt, &len);
  if (payload == NULL || len == 0 || len > MAX_DIGITS) goto bad;
  uint64_t value = 0;
  for (uint32_t k = 0; k < len; k++) {
    uint64_t digit = (uint64_t)(uint8_t)payload[k] - '0';
    // Up to 19 digits cannot overflow: only the 20th needs the check.
    if (digit > 9 || (k == 19 && value > (UINT64_MAX - digit) / 10)) goto bad;
    value = value * 10 + digit;
  }
  s->cached_value = value;
  memcpy(s->cached_str, payload, len);
  s->cached_str[len] = '\0';
  s->cached_evtnum = ev->evtnum;
  s->cache_valid = 1;
  return 0;
bad:
  s->cache_valid = 0;
  set_error(s, "event %" PRIu64 ": the event payload is not a decimal sample", ev->evtnum);
  return -1;
}

static int grow_slots(plugin_state *s, uint32_t n) {
  uint64_t *u64 = realloc(s->u64_slots, n * sizeof(*u64));
  if (u64 == NULL) return -1;
  s->u64_slots = u64;
  const char **str = realloc(s->str_slots, n * sizeof(*str));
  if (str == NULL) return -1;
  s->str_slots = str;
  s->slot_capacity = n;
  return 0;
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *p, const ss_plugin_event_input *ev,
                                          const ss_plugin_field_extract_input *in) {
  plugin_state *s = p;
  uint32_t n = in->num_fields;
  ss_plugin_extract_field *fields = in->fields;
  if (ev->evt->type != PLUGIN_EVENT_CODE) {
    // Not a plugin event: none of the dummy's fields apply.
    for (uint32_t k = 0; k < n; k++) fields[k].res_len = 0;
    return SS_PLUGIN_SUCCESS;
  }
  if (n > s->slot_capacity && grow_slots(s, n) != 0) {
    set_error(s, "out of memory");
    return SS_PLUGIN_FAILURE;
  }
  if ((!s->cache_valid || s->cached_evtnum != ev->evtnum) && parse_sample(s, ev) != 0) return SS_PLUGIN_FAILURE;

  for (uint32_t k = 0; k < n; k++) {
    ss_plugin_extract_field *f = &fields[k];
    switch (f->field_id) {
      case FIELD_DIVISIBLE:
        if (!f->arg_present || f->arg_index == 0) {
          set_error(s, "field dummy.divisible requires a non-zero index argument, as in dummy.divisible[3]");
          return SS_PLUGIN_FAILURE;
        }
        s->u64_slots[k] = s->cached_value % f->arg_index == 0;
        f->res.u64 = &s->u64_slots[k];
        break;
      case FIELD_VALUE:
        s->u64_slots[k] = s->cached_value;
        f->res.u64 = &s->u64_slots[k];
        break;
      case FIELD_STRVALUE:
        s->str_slots[k] = s->cached_str;
        f->res.str = &s->str_slots[k];
        break;
      default:
        set_error(s, "unknown field id %u", f->field_id);
        return SS_PLUGIN_FAILURE;
    }
    f->res_len = 1;
  }
  return SS_PLUGIN_SUCCESS;
}
