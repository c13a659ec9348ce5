/*
 * embedded.c - the files of the default scenario, compiled in.
 */
#include "scenario/scenario.h"

const char scn_default_path[] = "scenarios/cka/01-daemonset-basics.yaml";

#include "scenario/embedded.inc"
