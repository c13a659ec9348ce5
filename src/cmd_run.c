/*
 * cmd_run.c - `kubesim run`: replay scenarios and report.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "kubesim.h"
#include "scenario/run.h"
#include "scenario/scenario.h"
#include "util/duration.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const char run_usage[] =
    "Usage: kubesim run [OPTIONS] [SCENARIO...]\n"
    "\n"
    "Replay scenario files on a simulated cluster, print a timeline of steps\n"
    "and Kubernetes events, and check the expectations. With no SCENARIO, run\n"
    "the built-in DaemonSet workshop demo (fluentd-es-demo on three nodes).\n"
    "\n"
    "Options:\n"
    "  --mode legacy|scheduler  placement mode, overriding the scenario's\n"
    "  --seed N                 random seed, overriding the scenario's\n"
    "  -q, --quiet              print only results\n"
    "  -v, --verbose            also print every store change\n"
    "      --tap                print results as TAP (no timeline)\n"
    "      --junit FILE         also write results as JUnit XML to FILE\n"
    "      --trace FILE         write every store change to FILE as JSON lines\n"
    "      --until DURATION     stop each run at this simulated time\n"
    "      --stats              after each scenario, print to stderr the engine events\n"
    "                           it took, the objects left, wall time and peak memory\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 all expectations held, 1 some failed, 2 bad input or usage.\n";

static void
emit_stdout(void *ctx, const char *text)
{
	(void)ctx;
	fputs(text, stdout);
}

static void
emit_nothing(void *ctx, const char *text)
{
	(void)ctx;
	(void)text;
}

static double
wall_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "1234567" as "1,234,567". */
static void
add_count(struct strbuf *sb, uint64_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			sb_addc(sb, ',');
		sb_addc(sb, digits[i]);
	}
}

/* kubesim run --stats: what a scenario cost, on stderr so results stay parseable. */
static void
print_stats(const char *file, const struct run_result *r, double wall)
{
	struct strbuf sb = STRBUF_INIT;
	struct rusage ru;
	size_t total = 0;
	bool first = true;

	for (int k = 0; k < KIND__COUNT; k++)
		total += r->objects[k];
	sb_init(&sb);
	sb_addf(&sb, "stats: %s: ", file);
	add_count(&sb, r->sim_events);
	sb_add(&sb, " engine events; ");
	add_count(&sb, total);
	sb_add(&sb, " objects (");
	for (int k = 0; k < KIND__COUNT; k++) {
		if (r->objects[k] == 0)
			continue;
		if (!first)
			sb_add(&sb, ", ");
		first = false;
		add_count(&sb, r->objects[k]);
		sb_addf(&sb, " %s", kind_resource((enum kind)k));
	}
	getrusage(RUSAGE_SELF, &ru);
	sb_addf(&sb, "); %.3f s wall; %.1f MiB peak memory\n", wall, (double)ru.ru_maxrss / 1024);
	fputs(sb_str(&sb), stderr);
	sb_free(&sb);
}

static int
run_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"mode", required_argument, NULL, 'm'},
		{"seed", required_argument, NULL, 's'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{"tap", no_argument, NULL, 'T'},
		{"junit", required_argument, NULL, 'J'},
		{"trace", required_argument, NULL, 'R'},
		{"until", required_argument, NULL, 'U'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct run_opts o;
	bool tap = false, stats = false;
	const char *junit = NULL, *trace = NULL;
	size_t nfiles;
	const char **files;
	struct run_result **results;
	char **errors;
	struct scn_sink sink = {emit_stdout, NULL};
	struct strbuf out = STRBUF_INIT;
	int opt, status = KS_EXIT_OK;
	size_t passed = 0, failed = 0;

	memset(&o, 0, sizeof o);
	o.until_ms = -1;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "+qvh", longopts, NULL)) != -1) {
		struct ks_err err;

		switch (opt) {
		case 'm':
			if (ks_opt_mode(optarg, &o.mode) < 0)
				return KS_EXIT_USAGE;
			o.has_mode = true;
			break;
		case 's':
			if (ks_opt_seed(optarg, &o.seed) < 0)
				return KS_EXIT_USAGE;
			o.has_seed = true;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'T':
			tap = true;
			break;
		case 'J':
			junit = optarg;
			break;
		case 'R':
			trace = optarg;
			break;
		case 'U':
			if (dur_parse(optarg, &o.until_ms, &err) < 0) {
				fprintf(stderr, "kubesim: --until: %s\n", err.msg);
				return KS_EXIT_USAGE;
			}
			break;
		case 'S':
			stats = true;
			break;
		case 'h':
			fputs(run_usage, stdout);
			return KS_EXIT_OK;
		default:
			/* getopt sets optopt to the option's value when only its argument is missing. */
			if (optopt != 0 && strchr("msJRU", optopt) != NULL)
				fprintf(stderr, "kubesim: run: option \"%s\" needs a value\n", argv[optind - 1]);
			else
				fprintf(stderr, "kubesim: run: unknown option \"%s\"\n", argv[optind - 1]);
			fprintf(stderr, "Run 'kubesim help run' for usage.\n");
			return KS_EXIT_USAGE;
		}
	}
	if (tap) {
		o.quiet = true;
		sink.emit = emit_nothing;
	}
	if (trace != NULL) {
		o.trace = fopen(trace, "w");
		if (o.trace == NULL) {
			fprintf(stderr, "kubesim: --trace: %s: %s\n", trace, strerror(errno));
			return KS_EXIT_USAGE;
		}
	}
	nfiles = argc > optind ? (size_t)(argc - optind) : 1;
	files = xcalloc(nfiles, sizeof *files);
	results = xcalloc(nfiles, sizeof *results);
	errors = xcalloc(nfiles, sizeof *errors);
	sb_init(&out);
	for (size_t i = 0; i < nfiles; i++) {
		struct scenario s;
		struct ks_err err;
		const char *path = argc > optind ? argv[optind + (int)i] : NULL;
		double wall;

		files[i] = path ? path : scn_default_path;
		memset(&s, 0, sizeof s);
		if (scn_load_file(path, &s, &err) < 0) {
			/* Bad input: say where, keep going with the other files. */
			fprintf(stderr, "kubesim: %s\n", err.msg);
			errors[i] = xstrdup(err.msg);
			status = KS_EXIT_USAGE;
			scn_free(&s);
			failed++;
			continue;
		}
		results[i] = xcalloc(1, sizeof *results[i]);
		o.last = i + 1 == nfiles;
		wall = wall_seconds();
		scn_run(&s, &o, &sink, results[i]);
		wall = wall_seconds() - wall;
		sb_reset(&out);
		report_result_line(files[i], results[i], s.n_expectations, &out);
		if (!tap)
			fputs(sb_str(&out), stdout);
		if (stats) {
			fflush(stdout);
			print_stats(files[i], results[i], wall);
		}
		if (results[i]->failed > 0) {
			failed++;
			if (status == KS_EXIT_OK)
				status = KS_EXIT_FAILED;
		} else
			passed++;
		scn_free(&s);
		fflush(stdout);
	}
	if (nfiles > 1 && !tap)
		printf("%zu scenario%s: %zu passed, %zu failed\n", nfiles, nfiles == 1 ? "" : "s", passed,
		    failed);
	if (tap) {
		sb_reset(&out);
		report_tap(files, (const struct run_result *const *)results,
		    (const char *const *)errors, nfiles, &out);
		fputs(sb_str(&out), stdout);
	}
	if (junit != NULL) {
		FILE *f = fopen(junit, "w");

		if (f == NULL) {
			fprintf(stderr, "kubesim: --junit: %s: %s\n", junit, strerror(errno));
			status = KS_EXIT_USAGE;
		} else {
			sb_reset(&out);
			report_junit(files, (const struct run_result *const *)results,
			    (const char *const *)errors, nfiles, &out);
			fputs(sb_str(&out), f);
			fclose(f);
		}
	}
	if (o.trace != NULL)
		fclose(o.trace);
	for (size_t i = 0; i < nfiles; i++) {
		if (results[i] != NULL) {
			run_result_free(results[i]);
			free(results[i]);
		}
		free(errors[i]);
	}
	free(results);
	free(errors);
	free(files);
	sb_free(&out);
	return status;
}

const struct ks_command ks_cmd_run = {
	"run",
	"Replay scenarios on a simulated cluster and check expectations",
	run_usage,
	run_main,
};
