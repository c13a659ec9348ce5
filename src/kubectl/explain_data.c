/*
 * explain_data.c - the API field docs behind `kubectl explain`, compiled in
 * from src/kubectl/explain.json by tools/embed.sh.
 */
#include "util/embedded.h"

#include "kubectl/explain.inc"
