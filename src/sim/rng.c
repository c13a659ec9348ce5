/*
 * rng.c - xoshiro256** seeded via splitmix64.
 *
 * splitmix64 is the seeding its authors recommend: it turns any 64-bit seed,
 * including 0 and small consecutive ones, into a well-mixed state that is
 * never all zeros (the one state xoshiro cannot leave).
 *
 * rng_below rejects the few low outputs that would make "x % n" favour small
 * residues (the arc4random_uniform method). It costs a division per call but
 * needs no 128-bit multiply, whose availability differs between platforms,
 * and expects fewer than two draws for any n. n == 1 still draws, so the
 * stream a caller sees does not shift when a list it picks from grows from
 * one item to two.
 */
#include "sim/rng.h"

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void
rng_seed(struct rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t
rng_below(struct rng *r, uint64_t n)
{
	uint64_t min, x;

	if (n == 0)
		return 0;
	/* 2^64 mod n: outputs below it are the surplus that biases "% n". */
	min = -n % n;
	do
		x = rng_next(r);
	while (x < min);
	return x % n;
}
