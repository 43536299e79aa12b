/*
 * A plugin that is just real enough for the loader: the required symbols and an event source
 * that ends at once. Compile options break it the ways a library handed to falco-plugin can be
 * broken:
 *   -DREQUIRED_API="\"x.y.z\""  the API version it requires (3.0.0 by default);
 *   -DNO_INIT                   no plugin_init, a required symbol;
 *   -DNO_CAPABILITY             no capability at all;
 *   -DPLAIN_LIBRARY             not a plugin: a shared library with one unrelated function.
 */
#include <stddef.h>
#include <stdint.h>

#ifndef REQUIRED_API
#define REQUIRED_API "3.0.0"
#endif

#ifdef PLAIN_LIBRARY

int answer(void) { return 42; }

#else

const char* plugin_get_required_api_version(void) { return REQUIRED_API; }
const char* plugin_get_version(void) { return "0.1.0"; }
const char* plugin_get_name(void) { return "fake"; }
const char* plugin_get_description(void) { return "A plugin for the tests of broken libraries"; }
const char* plugin_get_contact(void) { return "tests"; }
const char* plugin_get_last_error(void* s) { (void)s; return ""; }
void plugin_destroy(void* s) { (void)s; }

#ifndef NO_INIT
void* plugin_init(const void* input, int32_t* rc)
{
    static int state;
    (void)input;
    *rc = 0;
    return &state;
}
#endif

#ifndef NO_CAPABILITY
uint32_t plugin_get_id(void) { return 1234; }
const char* plugin_get_event_source(void) { return "fake"; }

void* plugin_open(void* s, const char* params, int32_t* rc)
{
    static int instance;
    (void)s;
    (void)params;
    *rc = 0;
    return &instance;
}

void plugin_close(void* s, void* h)
{
    (void)s;
    (void)h;
}

int32_t plugin_next_batch(void* s, void* h, uint32_t* nevts, void*** evts)
{
    (void)s;
    (void)h;
    *nevts = 0;
    *evts = NULL;
    return 2; /* SS_PLUGIN_EOF */
}
#endif

#endif
