/*
 * typedocs.c - the API field docs (see typedocs.h), compiled in from
 * src/apiserver/typedocs.json by tools/embed.sh.
 */
#include "apiserver/typedocs.h"

#include "util/embedded.h"

#include "apiserver/typedocs.inc"

cJSON *
api_typedocs(void)
{
	return cJSON_ParseWithLength(api_typedocs_data[0].text, api_typedocs_data[0].len);
}
