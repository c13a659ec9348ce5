/*
 * fuzz.h - what the libFuzzer harnesses in tests/fuzz share.
 *
 * Each harness is one file, fuzz_<name>.c, defining LLVMFuzzerTestOneInput
 * for one entry point that users' input reaches (a scenario file, a
 * manifest, a kubectl command line, the state file, a jsonpath template,
 * and the small parsers behind flags and fields). A harness must be
 * deterministic (a fresh cluster per input, a fixed seed and clock) and
 * free everything it allocates, so that LeakSanitizer's reports are real
 * leaks. The inputs, dictionaries and corpora are described in
 * tests/fuzz/README.md; tools/fuzz.sh builds and runs the harnesses.
 */
#ifndef KS_TESTS_FUZZ_H
#define KS_TESTS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cluster;
struct kctl_io;
struct kctl_result;

/* libFuzzer's entry points (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The input as a NUL-terminated copy (caller frees); it may hold NULs itself. */
char *fuzz_text(const uint8_t *data, size_t size);

/*
 * A property of the code under test failed: print what and abort, so
 * libFuzzer saves the input as a crash.
 */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/*
 * A small deterministic cluster in scheduler mode with seed 1: n_nodes
 * Ready nodes node1..nodeN and, with demo, the workshop's DaemonSet
 * (scenarios/cka/demo.yaml, compiled in) applied and given 30 simulated
 * seconds, so its pods run.
 */
struct cluster *fuzz_cluster(unsigned n_nodes, bool demo);

/*
 * Run one kubectl command (argv[0] is the verb) on c with stdin_text as
 * both `-f -` and the content of every file named by -f; the output is
 * discarded. Returns the exit status.
 */
int fuzz_kubectl(struct cluster *c, int argc, char **argv, const char *stdin_text);

/* The compiled-in workshop manifest (demo.yaml). */
const char *fuzz_demo_manifest(void);

#endif
