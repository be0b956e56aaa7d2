/* icc-cli.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <gtk/gtk.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icc-cli.h"
#include "icc-country-names.h"
#include "icc-dataset-json.h"
#include "icc-enum-util.h"
#include "icc-export-handout.h"
#include "icc-export-image.h"
#include "icc-export-map.h"
#include "icc-export-timelinejs.h"
#include "icc-changes.h"
#include "icc-world.h"

static const GOptionEntry main_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check dataset files and print every problem, one per line"), NULL },
  { "world-state", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print every state’s status on DATE (YYYY-MM-DD) and exit"), N_("DATE") },
  { "changes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print every status change from START to END (START.. for since START) and exit"),
    N_("START..END") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --world-state and --changes: text (default), json or csv"),
    N_("FORMAT") },
  { "export-timelinejs", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the dataset (or a tour, or a period) as TimelineJS 3 JSON to FILE and exit"),
    N_("FILE") },
  { "export-tour", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw a tour as slides, one PNG a step in the folder DIR, or one page a step in "
       "FILE.pdf, and exit"), N_("DIR|FILE.pdf") },
  { "tour", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The tour of --export-tour and --export-timelinejs (default: the first; "
       "with --export-timelinejs: all events)"), N_("ID") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the timeline to FILE (.png, .svg or .pdf) and exit"), N_("FILE") },
  { "range", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Dates to show with --export or --export-timelinejs, as START..END (default: all "
       "events)"), N_("START..END") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per point of a PNG made with --export (1 or 2)"), N_("SCALE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the image made with --export or --export-tour, as WIDTHxHEIGHT "
       "(default 1280x720)"),
    N_("WIDTHxHEIGHT") },
  { "export-map", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the world map of statuses to FILE (.png, .svg or .pdf) and exit"), N_("FILE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Date of the map made with --export-map, or of the cursor of --export --show=cursor "
       "(default: today)"), N_("DATE") },
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --export leaves out unless asked, as a comma-separated list of today, cursor "
       "and overview"), N_("WORDS") },
  { "export-handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a printable handout of the dataset’s tour to FILE.pdf and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

void
icc_cli_add_main_options (GApplication *application)
{
  g_application_add_main_option_entries (application, main_entries);
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Follow states’ relationship with the "
                                              "International Criminal Court."));
}

static void
append_problems (GString    *out,
                 const char *filename,
                 GPtrArray  *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = icc_problem_to_string (g_ptr_array_index (problems, i), filename);
      g_string_append_printf (out, "%s\n", line);
    }
}

int
icc_cli_validate (const char * const *files,
                  GString            *out)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      g_string_append_printf (out, "%s\n", _("--validate needs at least one FILE"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(IccDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      dataset = icc_dataset_load_file (file, &problems, NULL, &error);
      append_problems (out, files[i], problems);

      if (dataset == NULL)
        {
          /* Problems already say what is wrong; an I/O error or a file too
           * large has none, so print the error itself. */
          if (problems == NULL || problems->len == 0)
            g_string_append_printf (out, "%s: %s\n", files[i], error->message);
          status = 1;
        }
    }

  return status;
}

static IccDataset *
load_dataset_file (const char  *filename,
                   GString     *out)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IccDataset *dataset;

  if (filename == NULL)
    {
      dataset = icc_dataset_load_bundled (&error);
      if (dataset == NULL)
        g_string_append_printf (out, "%s\n", error->message);
      return dataset;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);

      dataset = icc_dataset_load_file (file, &problems, NULL, &error);
      if (dataset == NULL)
        {
          append_problems (out, filename, problems);
          if (problems == NULL || problems->len == 0)
            g_string_append_printf (out, "%s: %s\n", filename, error->message);
        }
      return dataset;
    }
}

/* Loads FILE or the bundled dataset, with state names in the user's language. */
IccDataset *
_icc_cli_load_dataset (const char *filename,
                       GString    *out)
{
  IccDataset *dataset = load_dataset_file (filename, out);

  if (dataset != NULL)
    icc_country_names_apply (dataset);

  return dataset;
}

static char *
world_to_json (IccWorld *world)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *date = icc_date_to_iso (icc_world_get_date (world));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (world));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "states_parties");
  json_builder_add_int_value (builder, icc_world_get_states_parties (world));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint s = 0; s < ICC_N_STATUSES; s++)
    {
      json_builder_set_member_name (builder, icc_enum_to_nick (ICC_TYPE_STATUS, s));
      json_builder_add_int_value (builder, icc_world_get_count (world, s));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "states");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (G_LIST_MODEL (world), i);
      IccState *state = icc_world_row_get_state (row);
      const IccDate *since = icc_world_row_get_since (row);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, icc_state_get_code (state));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, icc_state_get_name (state));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     icc_enum_to_nick (ICC_TYPE_STATUS,
                                                       icc_world_row_get_status (row)));
      json_builder_set_member_name (builder, "since");
      if (icc_date_is_set (since))
        {
          g_autofree char *iso = icc_date_to_iso (since);
          json_builder_add_string_value (builder, iso);
        }
      else
        json_builder_add_null_value (builder);
      /* The certainty of the event the status dates from, for every state. */
      json_builder_set_member_name (builder, "certainty");
      json_builder_add_string_value (builder,
                                     icc_enum_to_nick (ICC_TYPE_CERTAINTY,
                                                       icc_world_row_get_certainty (row)));
      if (icc_world_row_get_certainty (row) != ICC_CERTAINTY_CONFIRMED &&
          icc_world_row_get_certainty_note (row) != NULL)
        {
          json_builder_set_member_name (builder, "certainty_note");
          json_builder_add_string_value (builder, icc_world_row_get_certainty_note (row));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* Display columns of @text as append_padded() writes it. */
static guint
text_width (const char *text)
{
  g_autofree char *escaped = icc_escape_control_characters (text);

  return (guint)g_utf8_strlen (escaped, -1);
}

/* Pads @text to @width display columns (not bytes: names are UTF-8). Text
 * from the file is escaped: it cannot move the cursor or colour a terminal. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_autofree char *escaped = icc_escape_control_characters (text);
  glong len = g_utf8_strlen (escaped, -1);

  g_string_append (out, escaped);
  for (glong i = len; i < (glong)width; i++)
    g_string_append_c (out, ' ');
}

/* The status in words, and the mark of its certainty when it is less than
 * confirmed ("Withdrawn ?"). */
static char *
status_with_mark (IccWorldRow *row)
{
  const char *label = icc_status_get_label (icc_world_row_get_status (row));
  const char *mark = icc_certainty_get_mark (icc_world_row_get_certainty (row));

  if (*mark == '\0')
    return g_strdup (label);

  /* Translators: a status and the mark of its certainty ("Withdrawn ?"). */
  return g_strdup_printf (_("%s %s"), label, mark);
}

static void
world_to_text (IccWorld *world,
               GString  *out)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (world));
  g_autofree char *date = icc_date_format (icc_world_get_date (world));
  g_autofree char *counts = icc_world_format_counts (world);
  guint name_width = text_width (_("State"));
  guint status_width = text_width (_("Status"));
  guint n_uncertain = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (G_LIST_MODEL (world), i);
      IccState *state = icc_world_row_get_state (row);
      g_autofree char *status = status_with_mark (row);

      name_width = MAX (name_width, text_width (icc_state_get_display_name (state)));
      status_width = MAX (status_width, text_width (status));
      n_uncertain += icc_world_row_get_certainty (row) != ICC_CERTAINTY_CONFIRMED;
    }

  /* Translators: the heading of --world-state; %s is a date. */
  g_string_append_printf (out, _("World state on %s"), date);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n", counts);
  if (n_uncertain > 0)
    {
      /* Translators: the legend of the marks after a status in --world-state. */
      g_string_append (out, _("* the event behind the status has a single source; "
                              "? it is disputed or unverified "
                              "(the certainty and its note: --format json)"));
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  append_padded (out, _("Code"), 6);
  append_padded (out, _("State"), name_width + 2);
  append_padded (out, _("Status"), status_width + 2);
  g_string_append_printf (out, "%s\n", _("Since"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (G_LIST_MODEL (world), i);
      IccState *state = icc_world_row_get_state (row);
      g_autofree char *since = icc_date_to_iso (icc_world_row_get_since (row));
      g_autofree char *status = status_with_mark (row);

      append_padded (out, icc_state_get_code (state), 6);
      append_padded (out, icc_state_get_display_name (state), name_width + 2);
      append_padded (out, status, status_width + 2);
      g_string_append_printf (out, "%s\n", since);
    }
}

int
icc_cli_world_state (const char *filename,
                     const char *date_text,
                     const char *format,
                     GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccWorld) world = NULL;
  g_autoptr(GError) error = NULL;
  IccDate date;

  if (format == NULL)
    format = "text";

  if (!g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "csv"))
    {
      g_string_append_printf (out, _("Unknown format “%s”: use text, json or csv"), format);
      g_string_append_c (out, '\n');
      return 2;
    }

  if (!icc_date_parse (date_text, &date, &error))
    {
      g_string_append_printf (out, "--world-state: %s\n", error->message);
      return 2;
    }

  dataset = _icc_cli_load_dataset (filename, out);
  if (dataset == NULL)
    return 1;

  world = icc_world_new (dataset);
  icc_world_set_date (world, &date);

  if (g_str_equal (format, "json"))
    {
      g_autofree char *json = world_to_json (world);
      g_string_append_printf (out, "%s\n", json);
    }
  else if (g_str_equal (format, "csv"))
    {
      g_autofree char *csv = icc_world_to_csv (world);
      g_string_append (out, csv);
    }
  else
    world_to_text (world, out);

  return 0;
}

/* "WIDTHxHEIGHT", each a number in range: sscanf("%dx%d") would accept
 * trailing junk and overflow on long numbers. */
gboolean
_icc_cli_parse_size (const char *text,
                     int        *width,
                     int        *height)
{
  g_auto(GStrv) parts = g_strsplit (text, "x", -1);
  guint64 w, h;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 200, 10000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 150, 10000, &h, NULL))
    return FALSE;

  *width = (int)w;
  *height = (int)h;

  return TRUE;
}

/* --date (NULL: today) into @date, or FALSE with the reason in @out. */
gboolean
_icc_cli_parse_date_or_today (const char *text,
                              IccDate    *date,
                              GString    *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      icc_date_init_today (date);
      return TRUE;
    }
  if (!icc_date_parse (text, date, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

/* --size (NULL: keep @width and @height) and --scale (0: 1), or FALSE
 * with the reason in @out. */
gboolean
_icc_cli_parse_size_and_scale (const char *size,
                               int        *width,
                               int        *height,
                               double     *scale,
                               GString    *out)
{
  if (size != NULL && !_icc_cli_parse_size (size, width, height))
    {
      g_string_append_printf (out, _("“%s” is not a size: use WIDTHxHEIGHT, as in 1920x1080"),
                              size);
      g_string_append_c (out, '\n');
      return FALSE;
    }

  if (*scale == 0)
    *scale = 1;
  /* Written so that NaN ("--scale=nan") is refused too. */
  if (!(*scale >= 0.5 && *scale <= 4))
    {
      g_string_append_printf (out, "%s\n", _("--scale must be between 0.5 and 4"));
      return FALSE;
    }

  return TRUE;
}

int
icc_cli_export_map (const char *dataset_file,
                    const char *output,
                    const char *date_text,
                    const char *size,
                    double      scale,
                    GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  IccExportFormat format;
  IccDate date;
  int width = ICC_EXPORT_MAP_WIDTH, height = ICC_EXPORT_MAP_HEIGHT;

  if (!icc_export_format_from_filename (output, &format, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 2;
    }

  if (!_icc_cli_parse_date_or_today (date_text, &date, out))
    return 2;

  if (!_icc_cli_parse_size_and_scale (size, &width, &height, &scale, out))
    return 2;

  dataset = _icc_cli_load_dataset (dataset_file, out);
  if (dataset == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!icc_export_map (dataset, &date, width, height, scale, format, file, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  return 0;
}

int
icc_cli_export_handout (const char *dataset_file,
                        const char *output,
                        GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  dataset = _icc_cli_load_dataset (dataset_file, out);
  if (dataset == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!icc_export_handout_to_pdf (dataset, NULL, file, NULL, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  return 0;
}

static void
print_out (GString *out,
           gboolean to_stderr)
{
  fputs (out->str, to_stderr ? stderr : stdout);
  fflush (to_stderr ? stderr : stdout);
}

int
icc_cli_handle_local_options (GApplication *application,
                              GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree char *date = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *format = NULL;
  g_autofree char *timelinejs = NULL;
  g_autofree char *export = NULL;
  g_autofree char *handout = NULL;
  g_autofree char *export_map = NULL;
  g_autofree char *export_tour = NULL;
  g_autofree char *tour = NULL;
  g_autofree char *map_date = NULL;
  g_autofree char *range = NULL;
  g_autofree char *size = NULL;
  g_autofree char *show = NULL;
  double scale = 0;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean validate = FALSE;
  gboolean version = FALSE;
  int status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "validate", "b", &validate);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "world-state", "s", &date);
  g_variant_dict_lookup (options, "format", "s", &format);
  g_variant_dict_lookup (options, "changes", "s", &changes);
  g_variant_dict_lookup (options, "export-timelinejs", "^ay", &timelinejs);
  g_variant_dict_lookup (options, "export", "^ay", &export);
  g_variant_dict_lookup (options, "export-handout", "^ay", &handout);
  g_variant_dict_lookup (options, "export-map", "^ay", &export_map);
  g_variant_dict_lookup (options, "export-tour", "^ay", &export_tour);
  g_variant_dict_lookup (options, "tour", "s", &tour);
  g_variant_dict_lookup (options, "date", "s", &map_date);
  g_variant_dict_lookup (options, "range", "s", &range);
  g_variant_dict_lookup (options, "size", "s", &size);
  g_variant_dict_lookup (options, "scale", "d", &scale);
  g_variant_dict_lookup (options, "show", "s", &show);

  if (version)
    {
      g_print ("icc-tracker %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (validate)
    {
      status = icc_cli_validate (files, out);
      print_out (out, status != 0);
      return status;
    }

  if (show != NULL && export == NULL)
    {
      g_printerr ("%s\n", _("--show only applies to --export"));
      return 2;
    }

  if (export_map != NULL)
    {
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("--export-map takes at most one dataset FILE"));
          return 2;
        }
      if (range != NULL)
        {
          g_printerr ("%s\n", _("--export-map takes --date, not --range"));
          return 2;
        }

      status = icc_cli_export_map (files != NULL ? files[0] : NULL, export_map, map_date, size,
                                   scale, out);
      print_out (out, status != 0);
      return status;
    }

  if (map_date != NULL && export == NULL)
    {
      g_printerr ("%s\n", _("--date only applies to --export-map and --export"));
      return 2;
    }

  if (export_tour != NULL)
    {
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("--export-tour takes at most one dataset FILE"));
          return 2;
        }
      if (range != NULL)
        {
          g_printerr ("%s\n", _("--export-tour takes the dates of its tour, not --range"));
          return 2;
        }

      status = icc_cli_export_tour (files != NULL ? files[0] : NULL, export_tour, tour, size,
                                    scale, out);
      print_out (out, status != 0);
      return status;
    }

  if (timelinejs != NULL)
    {
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("--export-timelinejs takes at most one dataset FILE"));
          return 2;
        }
      if (size != NULL || scale != 0)
        {
          g_printerr ("%s\n", _("--size and --scale do not apply to --export-timelinejs"));
          return 2;
        }

      status = icc_cli_export_timelinejs (files != NULL ? files[0] : NULL, timelinejs, tour,
                                          range, out);
      print_out (out, status != 0);
      return status;
    }

  if (tour != NULL)
    {
      g_printerr ("%s\n", _("--tour only applies to --export-tour and --export-timelinejs"));
      return 2;
    }

  if ((export != NULL || handout != NULL) &&
      files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr ("%s\n", _("--export and --export-handout take at most one dataset FILE"));
      return 2;
    }

  if (export != NULL)
    {
      status = icc_cli_export_image (files != NULL ? files[0] : NULL, export, range, size,
                                     scale, show, map_date, out);
      print_out (out, status != 0);
      return status;
    }

  if (handout != NULL)
    {
      status = icc_cli_export_handout (files != NULL ? files[0] : NULL, handout, out);
      print_out (out, status != 0);
      return status;
    }

  if (range != NULL || size != NULL || scale != 0)
    {
      g_printerr ("%s\n", _("--range, --size and --scale only apply to --export"));
      return 2;
    }

  if (date != NULL)
    {
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("--world-state takes at most one FILE"));
          return 2;
        }

      status = icc_cli_world_state (files != NULL ? files[0] : NULL, date, format, out);
      print_out (out, status != 0);
      return status;
    }

  if (changes != NULL)
    {
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("--changes takes at most one FILE"));
          return 2;
        }

      status = icc_cli_changes (files != NULL ? files[0] : NULL, changes, format, out);
      print_out (out, status != 0);
      return status;
    }

  if (format != NULL)
    {
      g_printerr ("%s\n", _("--format only applies to --world-state and --changes"));
      return 2;
    }

  /* Files to open: G_OPTION_REMAINING took them from the default handling,
   * so open them here (locally, or in the running instance) and let the
   * default activation present the window they opened. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      g_application_open (application, (GFile **)gfiles->pdata, gfiles->len, "");
    }

  return -1;
}
