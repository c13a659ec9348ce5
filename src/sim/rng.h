/*
 * rng.h - the simulator's only source of randomness.
 *
 * xoshiro256** (Blackman and Vigna), seeded by running splitmix64 over the
 * 64-bit seed. Both use only 64-bit integer arithmetic with defined
 * wrap-around, so a seed gives the same sequence on every platform and
 * compiler; no floating point and no libc rand(). The state is a plain
 * struct so a component can own its own stream and be replayed on its own.
 */
#ifndef KS_SIM_RNG_H
#define KS_SIM_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, n), unbiased; n must be > 0 (0 returns 0, drawing nothing). */
uint64_t rng_below(struct rng *r, uint64_t n);

#endif
