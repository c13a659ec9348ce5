/*
 * ydoc.c - libyaml events to a positioned tree.
 *
 * A recursive descent over yaml_parser_parse events: one function per
 * construct, the nesting depth capped so hostile input cannot overflow the
 * stack. Anchored nodes are kept in a hash map and copied on each alias; each
 * node knows its size and height, so an alias is checked against the depth
 * and expansion limits before anything is copied.
 */
#include "codec/ydoc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/err.h"
#include "util/map.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Mappings longer than this find duplicate keys with a hash set. */
#define YDOC_SCAN_KEYS 16

struct ybuild {
	yaml_parser_t parser;
	const char *file;
	const char *text; /* the input, to place reader errors */
	size_t len;
	struct ks_err *err;
	struct map anchors; /* name -> struct ynode *, the latest of that name */
	size_t alias_nodes;
	size_t work; /* see struct ystream */
};

static struct ynode *
ynode_new(enum ynode_type type, const yaml_mark_t *mark)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	n->size = 1;
	n->height = 1;
	return n;
}

void
ynode_free(struct ynode *n)
{
	if (n == NULL)
		return;
	free(n->value);
	for (size_t i = 0; i < n->n; i++) {
		if (n->keys != NULL)
			ynode_free(n->keys[i]);
		ynode_free(n->items[i]);
	}
	free(n->keys);
	free(n->items);
	free(n);
}

static struct ynode *
ynode_clone(const struct ynode *n, int line, int col)
{
	struct ynode *c = xcalloc(1, sizeof *c);

	c->type = n->type;
	c->line = line;
	c->col = col;
	c->value = xstrdup_or_null(n->value);
	c->plain = n->plain;
	c->n = n->n;
	c->size = n->size;
	c->height = n->height;
	if (n->n > 0) {
		c->items = xcalloc(n->n, sizeof *c->items);
		if (n->keys != NULL)
			c->keys = xcalloc(n->n, sizeof *c->keys);
		for (size_t i = 0; i < n->n; i++) {
			c->items[i] = ynode_clone(n->items[i], n->items[i]->line, n->items[i]->col);
			if (n->keys != NULL)
				c->keys[i] = ynode_clone(n->keys[i], n->keys[i]->line, n->keys[i]->col);
		}
	}
	return c;
}

static int
parser_error(struct ybuild *b)
{
	yaml_parser_t *p = &b->parser;
	const yaml_mark_t *m = &p->problem_mark;

	if (p->error == YAML_MEMORY_ERROR)
		return err_set(b->err, "%s: out of memory parsing YAML", b->file);
	if (p->error == YAML_READER_ERROR) {
		size_t line, col;

		/* Reader errors (bad UTF-8, control bytes) carry a byte offset, not a mark. */
		utf8_position(b->text, p->problem_offset < b->len ? p->problem_offset : b->len, &line,
		    &col);
		if (p->problem_value != -1)
			return err_set(b->err, "%s:%zu:%zu: %s (byte 0x%02X)", b->file, line, col,
			    p->problem, (unsigned)p->problem_value & 0xFF);
		return err_set(b->err, "%s:%zu:%zu: %s", b->file, line, col, p->problem);
	}
	if (p->context != NULL)
		return err_set(b->err, "%s:%zu:%zu: %s (%s at line %zu)", b->file, m->line + 1,
		    m->column + 1, p->problem, p->context, p->context_mark.line + 1);
	return err_set(b->err, "%s:%zu:%zu: %s", b->file, m->line + 1, m->column + 1,
	    p->problem ? p->problem : "invalid YAML");
}

static int
next_event(struct ybuild *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev))
		return parser_error(b);
	return 0;
}

static void
remember_anchor(struct ybuild *b, const yaml_char_t *anchor, struct ynode *n)
{
	if (anchor != NULL)
		map_put(&b->anchors, (const char *)anchor, n);
}

static int build_node(struct ybuild *b, yaml_event_t *ev, int depth, struct ynode **out);

static void
push_item(struct ynode *parent, size_t *cap, struct ynode *key, struct ynode *item)
{
	size_t keys_cap = *cap;

	xgrow(&parent->items, cap, parent->n + 1, sizeof *parent->items);
	if (parent->type == YNODE_MAP) {
		xgrow(&parent->keys, &keys_cap, parent->n + 1, sizeof *parent->keys);
		parent->keys[parent->n] = key;
		parent->size += key->size;
	}
	parent->items[parent->n++] = item;
	parent->size += item->size;
	if (item->height + 1 > parent->height)
		parent->height = item->height + 1;
}

/* The index of an earlier key equal to key, or -1; seen indexes long mappings. */
static long
find_key(struct ybuild *b, const struct ynode *map, struct map *seen, const struct ynode *key)
{
	void *at;

	if (map->n < YDOC_SCAN_KEYS) {
		for (size_t i = 0; i < map->n; i++) {
			b->work++;
			if (strcmp(map->keys[i]->value, key->value) == 0)
				return (long)i;
		}
		return -1;
	}
	if (map_len(seen) == 0)
		for (size_t i = 0; i < map->n; i++)
			map_put(seen, map->keys[i]->value, (void *)(uintptr_t)(i + 1));
	b->work++;
	at = map_get(seen, key->value);
	return at != NULL ? (long)((uintptr_t)at - 1) : -1;
}

static int
build_children(struct ybuild *b, struct ynode *parent, yaml_event_type_t end, int depth)
{
	struct map seen;
	size_t cap = 0;
	int rc = -1;

	map_init(&seen);
	for (;;) {
		yaml_event_t ev;
		struct ynode *key = NULL, *value = NULL;
		long dup;

		if (next_event(b, &ev) < 0)
			break;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			rc = 0;
			break;
		}
		if (build_node(b, &ev, depth + 1, parent->type == YNODE_MAP ? &key : &value) < 0)
			break;
		if (parent->type == YNODE_MAP) {
			if (key->type != YNODE_SCALAR) {
				err_set(b->err, "%s:%d:%d: mapping keys must be strings", b->file, key->line,
				    key->col);
				ynode_free(key);
				break;
			}
			if ((dup = find_key(b, parent, &seen, key)) >= 0) {
				err_set(b->err, "%s:%d:%d: mapping key \"%s\" already defined at line %d",
				    b->file, key->line, key->col, key->value, parent->keys[dup]->line);
				ynode_free(key);
				break;
			}
			if (next_event(b, &ev) < 0 || build_node(b, &ev, depth + 1, &value) < 0) {
				ynode_free(key);
				break;
			}
			if (map_len(&seen) > 0)
				map_put(&seen, key->value, (void *)(uintptr_t)(parent->n + 1));
		}
		push_item(parent, &cap, key, value);
	}
	map_free(&seen);
	return rc;
}

/* Build the node that starts with *ev (consumed). */
static int
build_node(struct ybuild *b, yaml_event_t *ev, int depth, struct ynode **out)
{
	struct ynode *n;
	int rc = 0;

	*out = NULL;
	b->work++;
	if (depth > YDOC_MAX_DEPTH) {
		err_set(b->err, "%s:%zu:%zu: nesting deeper than %d levels", b->file,
		    ev->start_mark.line + 1, ev->start_mark.column + 1, YDOC_MAX_DEPTH);
		yaml_event_delete(ev);
		return -1;
	}
	/*
	 * Anchors are remembered once their node is complete, so its size and
	 * height are known; an alias inside its own anchor is then unknown, as
	 * go-yaml refuses it too.
	 */
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) != NULL) {
			err_set(b->err, "%s:%zu:%zu: a NUL character (\\0) is not allowed in a string",
			    b->file, ev->start_mark.line + 1, ev->start_mark.column + 1);
			yaml_event_delete(ev);
			return -1;
		}
		n = ynode_new(YNODE_SCALAR, &ev->start_mark);
		n->value = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		remember_anchor(b, ev->data.scalar.anchor, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
		n = ynode_new(YNODE_SEQ, &ev->start_mark);
		rc = build_children(b, n, YAML_SEQUENCE_END_EVENT, depth);
		if (rc == 0)
			remember_anchor(b, ev->data.sequence_start.anchor, n);
		break;
	case YAML_MAPPING_START_EVENT:
		n = ynode_new(YNODE_MAP, &ev->start_mark);
		rc = build_children(b, n, YAML_MAPPING_END_EVENT, depth);
		if (rc == 0)
			remember_anchor(b, ev->data.mapping_start.anchor, n);
		break;
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)ev->data.alias.anchor;
		const struct ynode *a = map_get(&b->anchors, name);

		b->work++;
		if (a == NULL) {
			err_set(b->err, "%s:%zu:%zu: unknown alias \"%s\"", b->file,
			    ev->start_mark.line + 1, ev->start_mark.column + 1, name);
			yaml_event_delete(ev);
			return -1;
		}
		/* depth is this node's level; the copy reaches height - 1 levels below it. */
		if (depth + a->height - 1 > YDOC_MAX_DEPTH) {
			err_set(b->err, "%s:%zu:%zu: alias \"%s\" nests deeper than %d levels", b->file,
			    ev->start_mark.line + 1, ev->start_mark.column + 1, name, YDOC_MAX_DEPTH);
			yaml_event_delete(ev);
			return -1;
		}
		b->alias_nodes += a->size;
		if (b->alias_nodes > YDOC_MAX_ALIAS_NODES) {
			err_set(b->err, "%s:%zu:%zu: aliases expand to more than %d nodes", b->file,
			    ev->start_mark.line + 1, ev->start_mark.column + 1, YDOC_MAX_ALIAS_NODES);
			yaml_event_delete(ev);
			return -1;
		}
		b->work += a->size;
		n = ynode_clone(a, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1);
		break;
	}
	default:
		err_set(b->err, "%s:%zu:%zu: unexpected YAML event", b->file, ev->start_mark.line + 1,
		    ev->start_mark.column + 1);
		yaml_event_delete(ev);
		return -1;
	}
	yaml_event_delete(ev);
	if (rc < 0) {
		ynode_free(n);
		return -1;
	}
	*out = n;
	return 0;
}

void
ystream_free(struct ystream *s)
{
	for (size_t i = 0; i < s->n; i++)
		ynode_free(s->docs[i].root);
	free(s->docs);
	s->docs = NULL;
	s->n = 0;
}

int
ydoc_parse(const char *file, const char *text, size_t len, struct ystream *out,
    struct ks_err *err)
{
	struct ybuild b;
	yaml_event_t ev;
	size_t docs_cap = 0;
	int rc = -1;

	memset(&b, 0, sizeof b);
	memset(out, 0, sizeof *out);
	b.file = file;
	b.text = text;
	b.len = len;
	b.err = err;
	if (!yaml_parser_initialize(&b.parser))
		return err_set(err, "%s: cannot initialise the YAML parser", file);
	map_init(&b.anchors);
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
	for (;;) {
		if (next_event(&b, &ev) < 0)
			goto out;
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT) {
			struct ydoc doc = {NULL, (int)ev.start_mark.line + 1};
			yaml_event_t first;

			yaml_event_delete(&ev);
			if (next_event(&b, &first) < 0)
				goto out;
			if (first.type != YAML_DOCUMENT_END_EVENT) {
				if (build_node(&b, &first, 0, &doc.root) < 0)
					goto out;
				if (next_event(&b, &ev) < 0) {
					ynode_free(doc.root);
					goto out;
				}
			} else
				ev = first;
			yaml_event_delete(&ev);
			xgrow(&out->docs, &docs_cap, out->n + 1, sizeof *out->docs);
			out->docs[out->n++] = doc;
			/* Anchors are scoped to their document. */
			map_free(&b.anchors);
			map_init(&b.anchors);
			continue;
		}
		yaml_event_delete(&ev);
	}
	rc = 0;
	out->work = b.work;
out:
	map_free(&b.anchors);
	yaml_parser_delete(&b.parser);
	if (rc < 0)
		ystream_free(out);
	return rc;
}

bool
ynode_is_null(const struct ynode *n)
{
	if (n == NULL)
		return true;
	if (n->type != YNODE_SCALAR || !n->plain)
		return false;
	return n->value[0] == '\0' || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	    strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0;
}

struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->value, key) == 0)
			return map->items[i];
	return NULL;
}

const char *
ynode_describe(const struct ynode *n)
{
	int64_t i;
	bool bv;

	if (ynode_is_null(n))
		return "null";
	switch (n->type) {
	case YNODE_MAP:
		return "a mapping";
	case YNODE_SEQ:
		return "a list";
	case YNODE_SCALAR:
		break;
	}
	if (ynode_int(n, &i) == 0)
		return "a number";
	if (ynode_bool(n, &bv) == 0)
		return "a boolean";
	return "a string";
}

int
ynode_bool(const struct ynode *n, bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", NULL};
	static const char *const no[] = {"false", "False", "FALSE", NULL};

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain)
		return -1;
	for (int i = 0; yes[i] != NULL; i++) {
		if (strcmp(n->value, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcmp(n->value, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

int
ynode_int(const struct ynode *n, int64_t *out)
{
	char *end;
	long long v;

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain || n->value[0] == '\0')
		return -1;
	errno = 0;
	v = strtoll(n->value, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}
