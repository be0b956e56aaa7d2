/* icc-presentation.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-enum-util.h"
#include "icc-presentation.h"
#include "icc-presenter-notes.h"
#include "icc-scroll-animations.h"
#include "icc-timeline.h"
#include "icc-ui-resources.h"
#include "icc-world.h"

/* The tour shown by default when the dataset has it (the bundled one). */
#define DEFAULT_TOUR "russia-2016"
/* Lines of changes listed for one day when playing through time. */
#define MAX_CHANGE_LINES 6
/* The least and most the timeline shows around the current event, in days. */
#define MIN_HALF_SPAN 180.0
#define MAX_HALF_SPAN (20 * 365.25)
/* Below this height the type shrinks (.compact): the px sizes of style.css
 * are meant for 1080 lines. */
#define COMPACT_HEIGHT 1000

typedef struct
{
  IccEvent   *event;
  const char *title;   /* owned by the tour */
  const char *note;    /* owned by the tour */
} Step;

struct _IccPresentation
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *content;
  GtkWidget            *top_bar;
  GtkDropDown          *tour_dropdown;
  GtkButton            *play_button;
  GtkLabel             *hint_label;
  GtkLabel             *progress_label;
  IccTimeline          *timeline;
  GtkStack             *stack;
  GtkLabel             *kicker_label;
  GtkLabel             *date_label;
  GtkLabel             *title_label;
  GtkLabel             *meta_label;
  GtkLabel             *change_label;
  GtkWidget            *certainty_box;
  GtkLabel             *certainty_label;
  GtkLabel             *certainty_note_label;
  GtkLabel             *summary_label;
  GtkWidget            *quote_box;
  GtkLabel             *quote_label;
  GtkLabel             *source_label;
  GtkLabel             *time_date_label;
  GtkLabel             *time_parties_label;
  GtkLabel             *time_changes_label;
  GtkLabel             *counts_label;
  GtkRevealer          *notes_revealer;
  GtkLabel             *notes_label;
  GtkWidget            *blank;

  /* Owned */
  IccDataset           *dataset;
  IccFocus             *focus;
  IccWorld             *world;
  IccPlayer            *player;
  GSettings            *settings;
  GPtrArray            *tour_ids;       /* char *, parallel to the drop-down */
  IccTour              *tour;           /* NULL for all events */
  char                 *tour_id;
  GArray               *steps;          /* Step */
  IccPresenterNotes    *notes_window;
  GtkShortcutController *shortcuts;

  guint                 step;
  IccPresentationBlank  blank_mode;
  guint                 compact_idle_id;
  guint                 time_mode : 1;
  guint                 syncing : 1;
  guint                 started : 1;
  guint                 compact : 1;
};

G_DEFINE_FINAL_TYPE (IccPresentation, icc_presentation, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The keys presenters and their clickers use. Clickers send Page Up/Down (a
 * few send Left/Right, b or period); "blank" toggles black. */
static const struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} key_bindings[] = {
  { GDK_KEY_Right, 0, "presentation.next" },
  { GDK_KEY_KP_Right, 0, "presentation.next" },
  { GDK_KEY_Down, 0, "presentation.next" },
  { GDK_KEY_KP_Down, 0, "presentation.next" },
  { GDK_KEY_Page_Down, 0, "presentation.next" },
  { GDK_KEY_KP_Page_Down, 0, "presentation.next" },
  { GDK_KEY_space, 0, "presentation.next" },
  { GDK_KEY_Return, 0, "presentation.next" },
  { GDK_KEY_KP_Enter, 0, "presentation.next" },
  { GDK_KEY_Left, 0, "presentation.previous" },
  { GDK_KEY_KP_Left, 0, "presentation.previous" },
  { GDK_KEY_Up, 0, "presentation.previous" },
  { GDK_KEY_KP_Up, 0, "presentation.previous" },
  { GDK_KEY_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_BackSpace, 0, "presentation.previous" },
  { GDK_KEY_Home, 0, "presentation.first" },
  { GDK_KEY_KP_Home, 0, "presentation.first" },
  { GDK_KEY_End, 0, "presentation.last" },
  { GDK_KEY_KP_End, 0, "presentation.last" },
  { GDK_KEY_b, 0, "presentation.blank" },
  { GDK_KEY_B, GDK_SHIFT_MASK, "presentation.blank" },
  { GDK_KEY_period, 0, "presentation.blank" },
  { GDK_KEY_w, 0, "presentation.blank-white" },
  { GDK_KEY_W, GDK_SHIFT_MASK, "presentation.blank-white" },
  { GDK_KEY_n, 0, "presentation.notes" },
  { GDK_KEY_N, GDK_SHIFT_MASK, "presentation.notes" },
  { GDK_KEY_p, 0, "presentation.play" },
  { GDK_KEY_P, GDK_SHIFT_MASK, "presentation.play" },
  { GDK_KEY_Escape, 0, "presentation.leave" },
};

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->event);
}

static const Step *
current_step (IccPresentation *self)
{
  if (self->steps == NULL || self->step >= self->steps->len)
    return NULL;

  return &g_array_index (self->steps, Step, self->step);
}

/* The status @state had before @event and the one it reached with it.
 * FALSE if the event changed nothing for the state. */
static gboolean
get_status_change (IccDataset *dataset,
                   IccEvent   *event,
                   IccState   *state,
                   IccStatus  *before,
                   IccStatus  *after)
{
  const IccTransition *transitions;
  guint n_transitions = 0;

  transitions = icc_dataset_get_transitions (dataset, state, &n_transitions);
  for (guint i = 0; i < n_transitions; i++)
    {
      if (transitions[i].event != event)
        continue;

      *before = i > 0 ? transitions[i - 1].status : ICC_STATUS_NONE;
      *after = transitions[i].status;
      return TRUE;
    }

  return FALSE;
}

/* "Russian Federation: Signatory → Signature withdrawn", one line per state
 * the event changed, at most @max_lines of them (0: all); appended. Returns
 * the number of lines left out. */
static guint
append_status_changes (IccDataset *dataset,
                       IccEvent   *event,
                       GString    *text,
                       guint       max_lines,
                       guint      *n_lines)
{
  const char * const *codes = icc_event_get_states (event);
  guint left_out = 0;

  if (!icc_event_kind_is_membership (icc_event_get_kind (event)) || codes == NULL)
    return 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      IccState *state = icc_dataset_lookup_state (dataset, codes[i]);
      IccStatus before, after;

      if (state == NULL || !get_status_change (dataset, event, state, &before, &after))
        continue;

      if (max_lines > 0 && *n_lines >= max_lines)
        {
          left_out++;
          continue;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a state and its status before and after an event. */
      g_string_append_printf (text, _("%s: %s → %s"),
                              icc_state_get_display_name (state),
                              icc_status_get_label (before),
                              icc_status_get_label (after));
      (*n_lines)++;
    }

  return left_out;
}

static char *
format_event_date (IccEvent *event)
{
  g_autofree char *start = icc_date_format (icc_event_get_date (event));
  const IccDate *end_date = icc_event_get_end_date (event);

  if (end_date != NULL && icc_date_is_set (end_date))
    {
      g_autofree char *end = icc_date_format (end_date);

      /* Translators: a period, from one date to another. */
      return g_strdup_printf (_("%s – %s"), start, end);
    }

  return g_steal_pointer (&start);
}

static char *
format_states (IccDataset *dataset,
               IccEvent   *event)
{
  const char * const *codes = icc_event_get_states (event);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      IccState *state = icc_dataset_lookup_state (dataset, codes[i]);

      if (text->len > 0)
        /* Translators: separates the names of states in a list. */
        g_string_append (text, _(", "));
      g_string_append (text, state != NULL ? icc_state_get_display_name (state) : codes[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_card (IccPresentation *self)
{
  IccEvent *event = icc_focus_get_event (self->focus);
  const Step *step = current_step (self);
  g_autoptr(GString) changes = g_string_new (NULL);
  IccCitation *citation;
  g_autofree char *date = NULL;
  g_autofree char *states = NULL;
  g_autofree char *meta = NULL;
  IccCertainty certainty;
  guint n_lines = 0;

  if (event == NULL)
    {
      set_label (self->kicker_label, NULL);
      set_label (self->date_label, NULL);
      set_label (self->title_label, _("No event"));
      set_label (self->meta_label, NULL);
      set_label (self->change_label, NULL);
      set_label (self->summary_label, NULL);
      gtk_widget_set_visible (self->certainty_box, FALSE);
      gtk_widget_set_visible (self->quote_box, FALSE);
      return;
    }

  date = format_event_date (event);
  states = format_states (self->dataset, event);
  if (states[0] != '\0')
    /* Translators: the kind of an event and the states involved. */
    meta = g_strdup_printf (_("%s · %s"), icc_event_kind_get_label (icc_event_get_kind (event)),
                            states);
  else
    meta = g_strdup (icc_event_kind_get_label (icc_event_get_kind (event)));
  append_status_changes (self->dataset, event, changes, 0, &n_lines);

  /* The tour's own title for the step, above the event's. */
  set_label (self->kicker_label, step != NULL && step->event == event ? step->title : NULL);
  set_label (self->date_label, date);
  set_label (self->title_label, icc_event_get_title (event));
  set_label (self->meta_label, meta);
  set_label (self->change_label, changes->str);
  set_label (self->summary_label, icc_event_get_summary (event));

  /* A classroom tool must not present an unconfirmed fact as settled. */
  certainty = icc_event_get_certainty (event);
  gtk_widget_set_visible (self->certainty_box, certainty != ICC_CERTAINTY_CONFIRMED);
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    {
      g_autofree char *text = g_strdup_printf (_("Certainty: %s"),
                                               icc_certainty_get_label (certainty));

      set_label (self->certainty_label, text);
      set_label (self->certainty_note_label, icc_event_get_certainty_note (event));
    }

  citation = icc_event_get_preferred_citation (event, NULL);
  gtk_widget_set_visible (self->quote_box, citation != NULL);
  if (citation != NULL)
    {
      IccArticle *article = icc_citation_get_article (citation);
      IccStance stance = icc_citation_get_stance (citation);
      g_autoptr(GString) source = g_string_new (NULL);
      /* Translators: a quoted passage of an article. */
      g_autofree char *quote = g_strdup_printf (_("“%s”"), icc_citation_get_quote (citation));

      if (article != NULL && icc_article_get_outlet (article) != NULL)
        g_string_append (source, icc_article_get_outlet (article));
      else if (article != NULL && icc_article_get_title (article) != NULL)
        g_string_append (source, icc_article_get_title (article));
      if (article != NULL && icc_date_is_set (icc_article_get_date (article)))
        {
          g_autofree char *article_date = icc_date_format (icc_article_get_date (article));

          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, article_date);
        }
      if (stance != ICC_STANCE_REPORTS)
        {
          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, icc_stance_get_label (stance));
        }

      set_label (self->quote_label, quote);
      set_label (self->source_label, source->str);
    }
}

/* Playing through time: the date, big, and what changed on it. */
static void
update_time_page (IccPresentation *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *date_text = NULL;
  g_autofree char *parties = NULL;
  GListModel *events;
  guint n_events, n_lines = 0, left_out = 0, n_parties;
  gint32 day;
  int position;

  if (date == NULL || !icc_date_is_set (date))
    {
      set_label (self->time_date_label, NULL);
      set_label (self->time_changes_label, NULL);
      return;
    }

  date_text = icc_date_format (date);
  day = icc_date_get_day (date);
  events = icc_dataset_get_events (self->dataset);
  n_events = g_list_model_get_n_items (events);
  for (guint i = icc_dataset_find_event_at_day (self->dataset, day); i < n_events; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      if (icc_event_get_day (event) != day)
        break;
      left_out += append_status_changes (self->dataset, event, changes, MAX_CHANGE_LINES,
                                         &n_lines);
    }
  if (left_out > 0)
    {
      g_string_append_c (changes, '\n');
      g_string_append_printf (changes,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more state",
                                           "and %u more states", left_out),
                              left_out);
    }

  icc_world_set_date (self->world, date);
  n_parties = icc_world_get_states_parties (self->world);
  parties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u State Party", "%u States Parties",
                                          n_parties),
                             n_parties);

  set_label (self->time_date_label, date_text);
  set_label (self->time_parties_label, parties);
  set_label (self->time_changes_label, changes->str);

  position = icc_player_get_position (self->player);
  if (position >= 0)
    {
      g_autofree char *hint = g_strdup_printf (_("Playing through time: change %d of %u"),
                                               position + 1,
                                               icc_player_get_n_changes (self->player));

      gtk_label_set_text (self->hint_label, hint);
    }
}

static void
update_counts (IccPresentation *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  g_autofree char *counts = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *text = NULL;

  if (date == NULL || !icc_date_is_set (date))
    {
      set_label (self->counts_label, NULL);
      return;
    }

  icc_world_set_date (self->world, date);
  counts = icc_world_format_counts (self->world);
  date_text = icc_date_format (date);
  /* Translators: the date, then the world-state counts on it. */
  text = g_strdup_printf (_("On %s: %s"), date_text, counts);
  set_label (self->counts_label, text);
}

static void
update_notes (IccPresentation *self)
{
  const Step *step = current_step (self);
  const Step *next = NULL;
  g_autofree char *progress = NULL;
  const char *title = NULL;
  const char *next_title = NULL;

  if (self->steps != NULL && self->step + 1 < self->steps->len)
    next = &g_array_index (self->steps, Step, self->step + 1);

  if (step != NULL)
    title = step->title != NULL ? step->title : icc_event_get_title (step->event);
  if (next != NULL)
    next_title = next->title != NULL ? next->title : icc_event_get_title (next->event);

  gtk_label_set_text (self->notes_label,
                      step != NULL && step->note != NULL && step->note[0] != '\0'
                      ? step->note : _("No note for this step."));

  if (self->notes_window != NULL)
    {
      progress = g_strdup_printf (_("Step %u of %u"), self->step + 1,
                                  self->steps != NULL ? self->steps->len : 0);
      icc_presenter_notes_set_step (self->notes_window, progress, title,
                                    step != NULL ? step->note : NULL, next_title);
    }
}

static void
update_progress (IccPresentation *self)
{
  guint n_steps = self->steps != NULL ? self->steps->len : 0;
  g_autofree char *text = NULL;

  /* Translators: the step shown and the number of steps, "5 / 12". */
  text = g_strdup_printf (_("%u / %u"), n_steps > 0 ? self->step + 1 : 0, n_steps);
  gtk_label_set_text (self->progress_label, text);
}

/* Zooms the timeline to the step's neighbourhood: the previous and next
 * steps in view, the current event in the middle. */
static void
zoom_to_step (IccPresentation *self,
              gboolean         animate)
{
  const Step *step = current_step (self);
  double day, half = MIN_HALF_SPAN;

  if (step == NULL)
    return;

  day = icc_event_get_day (step->event) + 0.5;
  if (self->step > 0)
    {
      const Step *prev = &g_array_index (self->steps, Step, self->step - 1);

      half = MAX (half, fabs (day - icc_event_get_day (prev->event)));
    }
  if (self->step + 1 < self->steps->len)
    {
      const Step *next = &g_array_index (self->steps, Step, self->step + 1);

      half = MAX (half, fabs (icc_event_get_day (next->event) - day));
    }
  half = MIN (half * 1.15, MAX_HALF_SPAN);

  icc_timeline_zoom_to_range (self->timeline, day - half, day + half,
                              animate && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static void
set_time_mode (IccPresentation *self,
               gboolean         time_mode)
{
  self->time_mode = !!time_mode;
  gtk_stack_set_visible_child_name (self->stack, time_mode ? "time" : "event");
  if (time_mode)
    update_time_page (self);
  else
    gtk_label_set_text (self->hint_label, "");
}

static void
set_blank (IccPresentation      *self,
           IccPresentationBlank  mode)
{
  self->blank_mode = mode;
  gtk_widget_set_visible (self->blank, mode != ICC_PRESENTATION_BLANK_NONE);
  if (mode == ICC_PRESENTATION_BLANK_WHITE)
    {
      gtk_widget_remove_css_class (self->blank, "black");
      gtk_widget_add_css_class (self->blank, "white");
    }
  else
    {
      gtk_widget_remove_css_class (self->blank, "white");
      gtk_widget_add_css_class (self->blank, "black");
    }
}

static void
show_step (IccPresentation *self,
           guint            step,
           gboolean         animate)
{
  if (self->steps == NULL || self->steps->len == 0)
    {
      update_card (self);
      update_progress (self);
      update_notes (self);
      return;
    }

  self->step = MIN (step, self->steps->len - 1);
  if (self->time_mode)
    {
      icc_player_set_playing (self->player, FALSE);
      set_time_mode (self, FALSE);
    }

  self->syncing = TRUE;
  icc_focus_set_event (self->focus, current_step (self)->event);
  self->syncing = FALSE;

  update_card (self);
  update_counts (self);
  update_progress (self);
  update_notes (self);
  zoom_to_step (self, animate);
}

/* A navigation key while the screen is blank brings the slide back, where
 * the presenter left it. */
static gboolean
unblank (IccPresentation *self)
{
  if (self->blank_mode == ICC_PRESENTATION_BLANK_NONE)
    return FALSE;

  set_blank (self, ICC_PRESENTATION_BLANK_NONE);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self) && self->steps != NULL && self->step + 1 < self->steps->len)
    show_step (self, self->step + 1, TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self) && self->step > 0)
    show_step (self, self->step - 1, TRUE);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self))
    show_step (self, 0, TRUE);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self) && self->steps != NULL && self->steps->len > 0)
    show_step (self, self->steps->len - 1, TRUE);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  set_blank (self, self->blank_mode == ICC_PRESENTATION_BLANK_BLACK
                   ? ICC_PRESENTATION_BLANK_NONE : ICC_PRESENTATION_BLANK_BLACK);
}

static void
blank_white_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  set_blank (self, self->blank_mode == ICC_PRESENTATION_BLANK_WHITE
                   ? ICC_PRESENTATION_BLANK_NONE : ICC_PRESENTATION_BLANK_WHITE);
}

static void
notes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (self->notes_window != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->notes_window),
                            !gtk_widget_get_visible (GTK_WIDGET (self->notes_window)));
  else
    gtk_revealer_set_reveal_child (self->notes_revealer,
                                   !gtk_revealer_get_reveal_child (self->notes_revealer));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  icc_player_toggle (self->player);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  icc_player_set_playing (self->player, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
focus_event_changed_cb (IccPresentation *self,
                        GParamSpec      *pspec,
                        IccFocus        *focus)
{
  IccEvent *event = icc_focus_get_event (focus);

  if (self->syncing)
    return;

  /* Chosen elsewhere (a click on the timeline): follow it, and the tour too
   * when the event is one of its steps. */
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    {
      if (g_array_index (self->steps, Step, i).event == event)
        {
          self->step = i;
          break;
        }
    }

  if (self->time_mode && !icc_player_get_playing (self->player))
    set_time_mode (self, FALSE);

  update_card (self);
  update_progress (self);
  update_notes (self);
}

static void
focus_date_changed_cb (IccPresentation *self,
                       GParamSpec      *pspec,
                       IccFocus        *focus)
{
  const IccDate *date = icc_focus_get_date (focus);

  update_counts (self);

  if (self->time_mode && date != NULL && icc_date_is_set (date))
    {
      double day = icc_date_get_day (date) + 0.5;
      double half = MAX (MIN_HALF_SPAN,
                         (icc_timeline_get_end (self->timeline) -
                          icc_timeline_get_start (self->timeline)) / 2);

      update_time_page (self);

      /* Keep the cursor in the middle third of the view. */
      if (day < icc_timeline_get_start (self->timeline) + half * 2 / 3 ||
          day > icc_timeline_get_end (self->timeline) - half * 2 / 3)
        icc_timeline_zoom_to_range (self->timeline, day - half, day + half,
                                    gtk_widget_get_mapped (GTK_WIDGET (self)));
    }
}

static void
player_playing_changed_cb (IccPresentation *self,
                           GParamSpec      *pspec,
                           IccPlayer       *player)
{
  gboolean playing = icc_player_get_playing (player);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (P)") : _("Play Through Time (P)"));
  if (playing)
    set_time_mode (self, TRUE);
}

static void
load_tour (IccPresentation *self,
           const char      *tour_id)
{
  IccTour *tour = NULL;

  if (g_strcmp0 (tour_id, ICC_PRESENTATION_ALL_EVENTS) != 0)
    tour = icc_dataset_lookup_tour (self->dataset, tour_id);

  g_set_object (&self->tour, tour);
  g_free (self->tour_id);
  self->tour_id = g_strdup (tour != NULL ? tour_id : ICC_PRESENTATION_ALL_EVENTS);
  g_array_set_size (self->steps, 0);
  self->step = 0;

  if (tour != NULL)
    {
      for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
        {
          IccEvent *event = icc_dataset_lookup_event (self->dataset,
                                                      icc_tour_get_step_event (tour, i));
          Step step;

          /* The loader reports unknown ids; a step without its event is skipped. */
          if (event == NULL)
            continue;

          step.event = g_object_ref (event);
          step.title = icc_tour_get_step_title (tour, i);
          step.note = icc_tour_get_step_note (tour, i);
          g_array_append_val (self->steps, step);
        }
    }
  else
    {
      GListModel *events = icc_dataset_get_events (self->dataset);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          Step step = { g_list_model_get_item (events, i), NULL, NULL };

          g_array_append_val (self->steps, step);
        }
    }

  /* The drop-down follows. */
  for (guint i = 0; i < self->tour_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tour_ids, i), self->tour_id) == 0)
        {
          self->syncing = TRUE;
          gtk_drop_down_set_selected (self->tour_dropdown, i);
          self->syncing = FALSE;
          break;
        }
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "presentation-tour", self->tour_id);
}

static void
tour_selected_cb (IccPresentation *self,
                  GParamSpec      *pspec,
                  GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected >= self->tour_ids->len)
    return;

  load_tour (self, g_ptr_array_index (self->tour_ids, selected));
  show_step (self, 0, TRUE);

  /* Back to the slides, so that the next key press goes to them. */
  gtk_widget_grab_focus (self->content);
}

static void
fill_tours (IccPresentation *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *tours = icc_dataset_get_tours (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (tours); i++)
    {
      g_autoptr(IccTour) tour = g_list_model_get_item (tours, i);
      const char *title = icc_tour_get_title (tour);

      gtk_string_list_append (titles, title != NULL && title[0] != '\0'
                                      ? title : icc_tour_get_id (tour));
      g_ptr_array_add (self->tour_ids, g_strdup (icc_tour_get_id (tour)));
    }
  gtk_string_list_append (titles, _("All events in date order"));
  g_ptr_array_add (self->tour_ids, g_strdup (ICC_PRESENTATION_ALL_EVENTS));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->tour_dropdown, G_LIST_MODEL (titles));
  self->syncing = FALSE;
}

/* The tour to show when none is asked for. */
static const char *
default_tour (IccPresentation *self)
{
  GListModel *tours = icc_dataset_get_tours (self->dataset);
  g_autofree char *saved = NULL;

  if (self->settings != NULL)
    saved = g_settings_get_string (self->settings, "presentation-tour");
  if (saved != NULL && saved[0] != '\0')
    {
      for (guint i = 0; i < self->tour_ids->len; i++)
        if (g_str_equal (g_ptr_array_index (self->tour_ids, i), saved))
          return g_ptr_array_index (self->tour_ids, i);
    }

  if (icc_dataset_lookup_tour (self->dataset, DEFAULT_TOUR) != NULL)
    return DEFAULT_TOUR;

  if (g_list_model_get_n_items (tours) > 0)
    return g_ptr_array_index (self->tour_ids, 0);

  return ICC_PRESENTATION_ALL_EVENTS;
}

static gboolean
forward_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  IccPresentation *self = user_data;

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), g_variant_get_string (args, NULL),
                                             NULL);
}

/* Keys pressed in the notes window (a clicker sends them to the focused
 * window, which may be that one) drive the presentation too. */
static void
setup_notes_window (IccPresentation *self,
                    GdkMonitor      *monitor)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->notes_window = icc_presenter_notes_new ();
  gtk_window_set_application (GTK_WINDOW (self->notes_window),
                              gtk_window_get_application (GTK_WINDOW (self)));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (key_bindings[i].keyval,
                                                  key_bindings[i].modifiers),
                          gtk_callback_action_new (forward_key_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (key_bindings[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->notes_window), controller);

  update_notes (self);
  gtk_window_present (GTK_WINDOW (self->notes_window));
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->notes_window), monitor);
}

static gboolean
update_compact_cb (gpointer user_data)
{
  IccPresentation *self = user_data;

  self->compact_idle_id = 0;
  if (self->compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");

  return G_SOURCE_REMOVE;
}

static void
icc_presentation_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IccPresentation *self = (IccPresentation *)widget;
  gboolean compact = height < COMPACT_HEIGHT;

  GTK_WIDGET_CLASS (icc_presentation_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);

  /* Not during the allocation: the new type size needs a new layout. */
  if (compact != self->compact)
    {
      self->compact = compact;
      if (self->compact_idle_id == 0)
        self->compact_idle_id = g_idle_add (update_compact_cb, self);
    }
}

static void
icc_presentation_constructed (GObject *object)
{
  IccPresentation *self = (IccPresentation *)object;

  G_OBJECT_CLASS (icc_presentation_parent_class)->constructed (object);

  g_return_if_fail (self->dataset != NULL && self->focus != NULL);

  self->world = icc_world_new (self->dataset);
  self->player = icc_player_new (self->dataset, self->focus);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "presentation-play-speed",
                     self->player, "interval", G_SETTINGS_BIND_GET);

  icc_timeline_set_model (self->timeline, icc_dataset_get_events (self->dataset));
  icc_timeline_set_eras (self->timeline, icc_dataset_get_eras (self->dataset));
  icc_timeline_set_focus (self->timeline, self->focus);

  g_signal_connect_object (self->focus, "notify::event",
                           G_CALLBACK (focus_event_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus, "notify::date",
                           G_CALLBACK (focus_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::playing",
                           G_CALLBACK (player_playing_changed_cb), self, G_CONNECT_SWAPPED);

  fill_tours (self);
  load_tour (self, default_tour (self));
  update_card (self);
  update_counts (self);
  update_progress (self);
  update_notes (self);
}

static void
icc_presentation_dispose (GObject *object)
{
  IccPresentation *self = (IccPresentation *)object;

  if (self->player != NULL)
    icc_player_set_playing (self->player, FALSE);
  g_clear_handle_id (&self->compact_idle_id, g_source_remove);
  if (self->notes_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->notes_window));
  self->notes_window = NULL;

  if (self->timeline != NULL)
    icc_timeline_set_focus (self->timeline, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_PRESENTATION);

  g_clear_object (&self->player);
  g_clear_object (&self->world);
  g_clear_object (&self->tour);
  g_clear_object (&self->focus);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->tour_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tour_id, g_free);

  G_OBJECT_CLASS (icc_presentation_parent_class)->dispose (object);
}

static void
icc_presentation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IccPresentation *self = ICC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_presentation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IccPresentation *self = ICC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_FOCUS:
      self->focus = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_presentation_unmap (GtkWidget *widget)
{
  /* Before the scrolled windows are unmapped: see icc-scroll-animations.c. */
  icc_stop_scroll_animations (widget);

  GTK_WIDGET_CLASS (icc_presentation_parent_class)->unmap (widget);
}

static void
icc_presentation_class_init (IccPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = icc_presentation_constructed;
  object_class->dispose = icc_presentation_dispose;
  object_class->get_property = icc_presentation_get_property;
  object_class->set_property = icc_presentation_set_property;
  widget_class->unmap = icc_presentation_unmap;

  widget_class->size_allocate = icc_presentation_size_allocate;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links them in
   * (and their constructor registers them) wherever this class is used. */
  (void)icc_ui_resources_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, content);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, top_bar);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, tour_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, play_button);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, hint_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, timeline);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, date_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, meta_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, change_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_box);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_note_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, quote_box);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, quote_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, source_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_date_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_parties_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_changes_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, counts_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, notes_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, blank);
  gtk_widget_class_bind_template_callback (widget_class, tour_selected_cb);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank-white", NULL,
                                   blank_white_action);
  gtk_widget_class_install_action (widget_class, "presentation.notes", NULL, notes_action);
  gtk_widget_class_install_action (widget_class, "presentation.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

  /* With the focus in the top bar, GtkWindow's own bindings (arrows move the
   * focus, Return and space activate) come first; the rest still works. The
   * same keys are caught before any child in icc_presentation_init(). */
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, key_bindings[i].keyval,
                                         key_bindings[i].modifiers, key_bindings[i].action,
                                         NULL);

  g_type_ensure (ICC_TYPE_TIMELINE);
}

static void
icc_presentation_init (IccPresentation *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->tour_ids = g_ptr_array_new_with_free_func (g_free);

  /* Without the installed schema (a test, an uninstalled run) nothing is saved. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Issue 7: transitions from one event to the next take about 400 ms. */
  icc_timeline_set_animation_duration (self->timeline, 400);

  /* The slides' keys, caught in the capture phase so that no child (the
   * timeline has its own Left/Right/Home/End) takes them first. The top bar
   * is outside @content, so its drop-down keeps its keys. */
  self->shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->shortcuts),
                                              GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    gtk_shortcut_controller_add_shortcut (self->shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (key_bindings[i].keyval,
                                                                                    key_bindings[i].modifiers),
                                                            gtk_named_action_new (key_bindings[i].action)));
  gtk_widget_add_controller (self->content, GTK_EVENT_CONTROLLER (self->shortcuts));
}

IccPresentation *
icc_presentation_new (GtkApplication *app,
                      IccDataset     *dataset,
                      IccFocus       *focus)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_FOCUS (focus), NULL);

  return g_object_new (ICC_TYPE_PRESENTATION,
                       "application", app,
                       "dataset", dataset,
                       "focus", focus,
                       NULL);
}

void
icc_presentation_start (IccPresentation *self,
                        const char      *tour_id)
{
  GtkApplication *app;
  GtkWindow *opener = NULL;
  GdkDisplay *display;
  GListModel *monitors;
  g_autoptr(GdkMonitor) home = NULL;
  g_autoptr(GdkMonitor) other = NULL;

  g_return_if_fail (ICC_IS_PRESENTATION (self));

  if (tour_id == NULL || !icc_presentation_set_tour (self, tour_id))
    icc_presentation_set_tour (self, default_tour (self));

  /* The window that opened us tells which monitor the presenter sits at:
   * the slides go to another one when there is one, the notes stay there. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    opener = gtk_application_get_active_window (app);
  if (opener == GTK_WINDOW (self))
    opener = NULL;

  display = gtk_widget_get_display (GTK_WIDGET (self));
  monitors = gdk_display_get_monitors (display);
  if (g_list_model_get_n_items (monitors) > 1)
    {
      GdkSurface *surface = opener != NULL ? gtk_native_get_surface (GTK_NATIVE (opener)) : NULL;

      if (surface != NULL)
        home = g_object_ref (gdk_display_get_monitor_at_surface (display, surface));
      if (home == NULL)
        home = g_list_model_get_item (monitors, 0);
      for (guint i = 0; other == NULL && i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor != home)
            other = g_steal_pointer (&monitor);
        }
    }

  show_step (self, 0, FALSE);

  gtk_window_present (GTK_WINDOW (self));
  if (other != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), other);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->content);

  if (other != NULL && self->notes_window == NULL)
    setup_notes_window (self, home);

  self->started = TRUE;
}

gboolean
icc_presentation_set_tour (IccPresentation *self,
                           const char      *tour_id)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (tour_id != NULL, FALSE);

  if (g_strcmp0 (tour_id, ICC_PRESENTATION_ALL_EVENTS) != 0 &&
      icc_dataset_lookup_tour (self->dataset, tour_id) == NULL)
    return FALSE;

  load_tour (self, tour_id);
  show_step (self, 0, FALSE);

  return TRUE;
}

const char *
icc_presentation_get_tour (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->tour_id;
}

IccDataset *
icc_presentation_get_dataset (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->dataset;
}

IccFocus *
icc_presentation_get_focus (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->focus;
}

IccPlayer *
icc_presentation_get_player (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->player;
}

guint
icc_presentation_get_step (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), 0);

  return self->step;
}

guint
icc_presentation_get_n_steps (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), 0);

  return self->steps != NULL ? self->steps->len : 0;
}

void
icc_presentation_set_step (IccPresentation *self,
                           guint            step)
{
  g_return_if_fail (ICC_IS_PRESENTATION (self));

  show_step (self, step, TRUE);
}

IccPresentationBlank
icc_presentation_get_blank (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), ICC_PRESENTATION_BLANK_NONE);

  return self->blank_mode;
}

gboolean
icc_presentation_get_notes_visible (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), FALSE);

  if (self->notes_window != NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->notes_window));

  return gtk_revealer_get_reveal_child (self->notes_revealer);
}

GListModel *
icc_presentation_get_shortcuts (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return G_LIST_MODEL (self->shortcuts);
}
