/*
 * atom.h - interned strings, shared by reference count.
 *
 * Events repeat a few strings a great many times: every event about a pod
 * names the pod's namespace, name and uid, and most messages ("Started
 * container fluentd") are said about every pod of a DaemonSet. An atom is
 * the one copy of such a string that all its holders share: atom_get
 * returns it (making it on first use) and counts one more holder, atom_put
 * counts one fewer and frees it with the last. Holders read an atom as any
 * string; they never write or free it.
 *
 * The table is process-wide, as the strings are: a reloaded cluster's
 * events share the atoms of the one before. kubesim is single-threaded.
 */
#ifndef KS_UTIL_ATOM_H
#define KS_UTIL_ATOM_H

#include <stddef.h>

/* The atom equal to s (NULL for NULL), with one more holder. */
const char *atom_get(const char *s);
/* One more holder of an atom (from atom_get or atom_ref): a copy without a look-up. */
const char *atom_ref(const char *atom);
/* One fewer holder of atom (from atom_get or atom_ref); NULL is ignored. */
void atom_put(const char *atom);
/* *slot becomes the atom equal to s (NULL for NULL), putting the one it held. */
void atom_set(const char **slot, const char *s);
/* Distinct atoms alive. */
size_t atom_count(void);

#endif
