/* icc-dataset-json-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the files of the JSON loader and writer share:
 *
 *  icc-dataset-json.c      the entry points: bytes and files in, problems
 *                          and datasets out; the syntax pass
 *  icc-dataset-validate.c  problems, JSON paths and quoting, types, the
 *                          pass over every value of the tree
 *  icc-dataset-fields.c    reading one field of one object with its checks
 *  icc-dataset-read.c      building the model from a checked tree
 *  icc-dataset-write.c     the model to JSON text, and saving
 */

#include <json-glib/json-glib.h>

#include "icc-dataset.h"
#include "icc-date.h"
#include "icc-problem.h"

G_BEGIN_DECLS

/* Key of the per-step extras stored on an IccTour (see loader_tour_get_step_extras()). */
#define STEP_EXTRAS_KEY "icc-dataset-json-step-extras"

typedef enum
{
  FIELD_ABSENT,
  FIELD_OK,
  FIELD_INVALID,
} FieldResult;

typedef struct
{
  GPtrArray  *problems;        /* IccProblem */
  guint       n_errors;
  IccDataset *dataset;
  JsonObject *root;            /* unowned, while loader_load_root() runs */

  /* Ids seen so far -> JSON path of their first occurrence. */
  GHashTable *article_ids;
  GHashTable *built_articles;  /* ids of the articles in the dataset */
  GHashTable *state_codes;
  GHashTable *event_ids;
  GHashTable *era_ids;
  GHashTable *tour_ids;

  /* IccEvent or IccCitation in the dataset -> its JSON path, for the
   * reports of icc_dataset_index(). */
  GHashTable *paths;

  /* State code -> the event whose error makes later transition errors of
   * the state consequences (NULL for an event left out of the dataset). */
  GHashTable *tainted_states;

  /* A whole list was unreadable: references into it are not checked. */
  guint       articles_unreadable : 1;
  /* Every value of the tree was checked by loader_check_values(); otherwise only
   * the unknown fields are (see loader_read_extra()). */
  guint       values_checked : 1;
  guint       states_unreadable : 1;
  guint       events_unreadable : 1;
} Loader;

typedef enum
{
  TYPE_OBJECT,
  TYPE_ARRAY,
  TYPE_STRING,
  TYPE_INTEGER,
} ExpectedType;

typedef struct _PathSegment PathSegment;
struct _PathSegment
{
  const PathSegment *parent;
  const char        *member;  /* NULL for an array element */
  guint              index;
  gboolean           is_root; /* member is the whole path of a subtree */
};

typedef enum
{
  ID_ARTICLE,
  ID_STATE,
  ID_EVENT,
  ID_ERA,
  ID_TOUR,
} IdKind;

extern const char * const loader_dataset_fields[];
extern const char * const loader_article_fields[];
extern const char * const loader_state_fields[];
extern const char * const loader_event_fields[];
extern const char * const loader_citation_fields[];
extern const char * const loader_era_fields[];
extern const char * const loader_tour_fields[];
extern const char * const loader_step_fields[];

void loader_report (Loader             *self,
                   IccProblemSeverity  severity,
                   const char         *path,
                   const char         *format,
                   ...) G_GNUC_PRINTF (4, 5);

#define report_error(self, path, ...) \
  loader_report ((self), ICC_PROBLEM_ERROR, (path), __VA_ARGS__)
#define report_warning(self, path, ...) \
  loader_report ((self), ICC_PROBLEM_WARNING, (path), __VA_ARGS__)

void loader_add (Loader             *self,
                 IccProblemSeverity  severity,
                 const char         *path,
                 int                 line,
                 int                 column,
                 const char         *message);

char *loader_quote (const char *text);

char *loader_path_member (const char *parent,
                          const char *member);

char *loader_path_index (const char *parent,
                         guint       index);

gboolean loader_expect_type (Loader       *self,
                             JsonNode     *node,
                             const char   *path,
                             ExpectedType  type);

gboolean loader_node_has_type (JsonNode     *node,
                               ExpectedType  type);

void loader_check_values (Loader            *self,
                          JsonNode          *node,
                          const PathSegment *segment,
                          gboolean           check_strings);

gboolean loader_has_unicode_escape (const char *data,
                                    gsize       size);

FieldResult loader_read_string (Loader      *self,
                                JsonObject  *object,
                                const char  *path,
                                const char  *member,
                                gboolean     required,
                                const char **out);

FieldResult loader_read_id (Loader      *self,
                            JsonObject  *object,
                            const char  *path,
                            const char  *member,
                            const char **out);

FieldResult loader_read_int (Loader     *self,
                             JsonObject *object,
                             const char *path,
                             const char *member,
                             gboolean    required,
                             gint64      min_value,
                             gint64      max_value,
                             gint64     *out);

FieldResult loader_read_date (Loader     *self,
                              JsonObject *object,
                              const char *path,
                              const char *member,
                              gboolean    required,
                              IccDate    *out);

void loader_report_unknown_value (Loader     *self,
                                  const char *path,
                                  const char *value,
                                  const char *valid);

FieldResult loader_read_enum (Loader     *self,
                              JsonObject *object,
                              const char *path,
                              const char *member,
                              gboolean    required,
                              GType       enum_type,
                              int        *out);

FieldResult loader_read_array (Loader      *self,
                               JsonObject  *object,
                               const char  *path,
                               const char  *member,
                               gboolean     required,
                               JsonArray  **out);

FieldResult loader_read_string_array (Loader       *self,
                                      JsonObject   *object,
                                      const char   *path,
                                      const char   *member,
                                      GPtrArray   **out);

JsonNode *loader_deep_copy_node (JsonNode *node);

JsonObject *loader_read_extra (Loader             *self,
                               JsonObject         *object,
                               const char         *path,
                               const char * const *known);

gboolean loader_register_id (Loader     *self,
                             GHashTable *ids,
                             const char *id,
                             const char *path,
                             const char *member,
                             IdKind      kind);

gboolean loader_is_state_code (const char *code);

void loader_report_bad_state_code (Loader     *self,
                                   const char *path,
                                   const char *code);

gboolean loader_date_before (const IccDate *end,
                             const IccDate *start);

void loader_object_unref_nullable (gpointer object);

GPtrArray *loader_tour_get_step_extras (IccTour *tour);

void loader_load_root (Loader     *self,
                       JsonObject *root);

G_END_DECLS
